"""0.3 §labels-md ("labels" groups) and §image-label ("image-label" metadata of label images)."""

from __future__ import annotations

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid
from tests.early_labels import labels_cases
from tests.v03.cases import LABEL_IMAGE, LABELS, Case, check, drop, params

CASES: list[Case] = labels_cases("0.3", "image-label", LABELS, LABEL_IMAGE)


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)


# "`image-label` groups MUST also contain `multiscales` metadata and the two "datasets" series
# MUST have the same number of entries." The validator judges one attributes document: the
# fragment without multiscales passes validate_attributes (as in 0.4); the group-level
# label-image schema requires both keys (see tests/test_early_oracle.py); the number of levels is a rule on
# the hierarchy.


def test_image_label_fragment_is_a_label_image() -> None:
    fragment = drop(LABEL_IMAGE, "/multiscales")
    report = validate_attributes(fragment, version="0.3")
    assert_valid(report)
    assert report.kind == "label-image"

"""0.6rc0 §well-md: the fields of view of a well. The path of a field follows the zarr node
name conventions now (0.5 asked for alphanumeric paths); the other rules carry over from 0.5."""

from __future__ import annotations

import pytest

from tests.v05 import test_well as v05_well
from tests.v06.cases import WELL, Case, must, params, ported, run_case, valid, well

IMAGES = f"{WELL}/images"

#: 0.5 cases about the alphanumeric path, which 0.6rc0 no longer asks for.
_CHANGED = {"path with dot", "path with dash"}

CASES: list[Case] = [
    *(c for c in ported(v05_well.CASES) if c.id not in _CHANGED),
    # "The path MUST only use characters in the sets a-z, A-Z, 0-9, -, _, ."
    valid("dot, dash and underscore", well([{"path": "f-1"}, {"path": "0.zarr"}, {"path": "a_b"}])),
    valid("periods inside", well([{"path": "a..b"}, {"path": ".hidden"}])),
    must(
        "space", well([{"path": "f 1"}]), "well-image-path-invalid", f"{IMAGES}/0/path", "well-md"
    ),
    must(
        "non-ASCII", well([{"path": "é"}]), "well-image-path-invalid", f"{IMAGES}/0/path", "well-md"
    ),
    # "MUST NOT consist only of periods (like . or ..) or start with the reserved prefix __"
    must(
        "one period",
        well([{"path": "."}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    must(
        "two periods",
        well([{"path": ".."}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    must(
        "reserved prefix",
        well([{"path": "__meta"}]),
        "well-image-path-invalid",
        f"{IMAGES}/0/path",
        "well-md",
    ),
    valid("one underscore first", well([{"path": "_meta"}])),
    # "MUST NOT be an empty string and MUST NOT contain / characters"
    must(
        "slash", well([{"path": "0/1"}]), "well-image-path-invalid", f"{IMAGES}/0/path", "well-md"
    ),
]


def test_the_changed_cases_exist_in_0_5() -> None:
    assert {c.id for c in v05_well.CASES} >= _CHANGED


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)

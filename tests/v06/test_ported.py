"""Rules whose text 0.6rc0 keeps from 0.5 (§plate-md, §omero-md, §labels-md, §bf2raw-details,
§metadata): the 0.5 rule cases, carried over by :func:`tests.v06.cases.port`, get the same
verdicts as 0.6rc0 documents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.v05 import test_bioformats2raw, test_labels, test_namespace, test_omero, test_plate
from tests.v06.cases import Case, params, ported, run_case

SECTIONS = {
    "namespace": ported(test_namespace.CASES),
    "omero": ported(test_omero.CASES),
    "labels": ported(test_labels.CASES),
    "plate": ported(test_plate.CASES),
    "bioformats2raw": ported(test_bioformats2raw.CASES),
}
CASES: list[Case] = [
    replace(c, id=f"{name}/{c.id}") for name, cases in SECTIONS.items() for c in cases
]


def test_most_cases_carry_over() -> None:
    carried = {name: len(cases) for name, cases in SECTIONS.items()}
    originals = {
        "namespace": test_namespace.CASES,
        "omero": test_omero.CASES,
        "labels": test_labels.CASES,
        "plate": test_plate.CASES,
        "bioformats2raw": test_bioformats2raw.CASES,
    }
    for name, cases in originals.items():
        assert carried[name] >= 0.8 * len(cases), (name, carried[name], len(cases))


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    run_case(case)

"""0.2 §plate-md (and §hcs-layout): the "plate" metadata of a high-content screening plate group.

0.2 marks only "acquisitions" as optional; columns, rows and wells define the plate. Its keys
"name", "field_count" and "version" have a type but no MUST or SHOULD, names need not be
alphanumeric, and wells have a path only (0.4 adds rowIndex/columnIndex and ties the path to the
row and column names).
"""

from __future__ import annotations

import pytest

from tests.early_plate import plate_cases
from tests.v02.cases import PLATE, Case, check, params

CASES: list[Case] = plate_cases("0.2", PLATE)

# §hcs-layout "the group above the well row defines an entire plate ... It MUST implement the
# plate specification": the plate schema requires "plate" (see tests/test_early_oracle.py).


@pytest.mark.parametrize("case", params(CASES))
def test_rule(case: Case) -> None:
    check(case)

"""byDimension parts that change the number of axes."""

from __future__ import annotations

import pytest


def test_by_dimension_part_that_projects_changes_the_axis_count() -> None:
    """Regression (found by the 0.6 strategies): a projectAxis part maps N inputs to
    N - dropped + created outputs; it was taken to keep the dimension."""
    from omezarr_models.transforms import MalformedTransformError, parse_transform

    t = parse_transform(
        {
            "type": "byDimension",
            "input": {"name": "a"},
            "output": {"name": "b"},
            "transformations": [
                {
                    "transformation": {"type": "projectAxis", "droppedInputs": [0]},
                    "inputAxes": [0, 1],
                    "outputAxes": [0],
                },
                {
                    "transformation": {"type": "scale", "scale": [2.0]},
                    "inputAxes": [2],
                    "outputAxes": [1],
                },
            ],
        }
    )
    assert t.apply([[5.0, 7.0, 3.0]]).tolist() == [[7.0, 6.0]]
    with pytest.raises(MalformedTransformError, match="projectAxis maps 2 inputAxes to 1"):
        parse_transform(
            {
                "type": "byDimension",
                "transformations": [
                    {
                        "transformation": {"type": "projectAxis", "droppedInputs": [0]},
                        "inputAxes": [0, 1],
                        "outputAxes": [0, 1],
                    }
                ],
            }
        )

"""Properties of the writer over drawn images: valid on disk, data back, levels as the reference.

Drawn by :mod:`omezarr_models.testing.arrays`; the number of examples follows the Hypothesis
profile (``HYPOTHESIS_PROFILE=deep`` for long runs), an eighth of it since each is a write.
"""

from __future__ import annotations

import itertools
import tempfile
import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import numpy as np
import zarr
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from omezarr_models import validate_dataset
from omezarr_models.testing.arrays import image_writes, label_arrays
from omezarr_write import write_image, write_labels
from tests.write.reference import assert_reduced

EXAMPLES = max(10, settings().max_examples // 8)
SLOW = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _scale_and_translation(dataset: dict[str, Any]) -> tuple[list[float], list[float] | None]:
    steps = dataset["coordinateTransformations"]
    if steps[0]["type"] == "sequence":  # 0.6
        steps = steps[0]["transformations"]
    scale = next(t["scale"] for t in steps if t["type"] == "scale")
    translation = next((t["translation"] for t in steps if t["type"] == "translation"), None)
    return scale, translation


@SLOW
@given(image_writes())
def test_written_images_validate_and_every_level_is_the_reference(write: dict[str, Any]) -> None:
    data = write.pop("data")
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SHOULD-level warnings (e.g. a t axis without unit)
        out = Path(tmp) / "drawn.zarr"
        write_image(out, data, **write)
        report = validate_dataset(out)
        assert report.valid, [i.to_dict() for i in report.errors]
        root = zarr.open_group(out, mode="r")
        attrs = dict(root.attrs)
        ome = attrs.get("ome", attrs)
        ms = ome["multiscales"][0]
        levels = [root[d["path"]][...] for d in ms["datasets"]]
    np.testing.assert_array_equal(levels[0], data)
    assert levels[0].dtype == data.dtype
    names = list(write["axes"])
    base_scale = [Decimal(repr(write["scale"].get(a, 1.0))) for a in names]
    base_shift = [Decimal(repr((write.get("translation") or {}).get(a, 0.0))) for a in names]
    cumulative = [1] * len(names)
    for index, (previous, level) in enumerate(itertools.pairwise(levels)):
        step = tuple(write["factors"][index].get(a, 1) for a in names)
        assert_reduced(level, previous, step, write["method"])
        cumulative = [c * f for c, f in zip(cumulative, step, strict=True)]
        scale, translation = _scale_and_translation(ms["datasets"][index + 1])
        # exact decimals: the repr of each number is the product a person would write
        assert [repr(v) for v in scale] == [
            repr(float(s * f)) for s, f in zip(base_scale, cumulative, strict=True)
        ]
        centred = write["method"] != "nearest"
        expected = [
            t + (s * (f - 1) / 2 if centred else 0)
            for t, s, f in zip(base_shift, base_scale, cumulative, strict=True)
        ]
        if translation is None:
            assert all(e == 0 for e in expected)
        else:
            assert [repr(v) for v in translation] == [repr(float(e)) for e in expected]


@SLOW
@given(image_writes(versions=("0.4", "0.5"), methods=("mean",), max_side=16), st.data())
def test_label_levels_only_hold_values_of_level_zero(
    write: dict[str, Any], data: st.DataObject
) -> None:
    image = write.pop("data")
    labels = data.draw(label_arrays(image.shape))
    with tempfile.TemporaryDirectory() as tmp, warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = Path(tmp) / "drawn.zarr"
        write_image(out, image, **write)
        write_labels(out, "cells", labels)
        report = validate_dataset(out)
        assert report.valid, [i.to_dict() for i in report.errors]
        group = zarr.open_group(out, mode="r", path="labels/cells")
        arrays = sorted(group.array_keys(), key=int)
        values = [set(np.unique(group[k][...]).tolist()) for k in arrays]
        shapes = [group[k].shape for k in arrays]
        image_shapes = [zarr.open_group(out, mode="r")[k].shape for k in arrays]
    assert shapes == image_shapes
    assert all(v <= values[0] for v in values)


def test_regression_empty_per_level_factors_mean_one_level(tmp_path: Path) -> None:
    """Found by the property above: ``levels=1, factors=[]`` was refused as 0 factors for 2 axes."""
    out = tmp_path / "one.zarr"
    model = write_image(
        out,
        np.zeros((1, 1), dtype=np.uint8),
        axes="yx",
        version="0.4",
        levels=1,
        factors=[],
        units="micrometer",
        name="one",
    )
    assert [d.path for d in model.multiscales[0].datasets] == ["0"]
    assert validate_dataset(out, strict=True).valid

"""omezarr_models.build: valid metadata of every version, exact numbers, errors naming the argument."""

from __future__ import annotations

from typing import Any

import pytest

from omezarr_models import build, validate_attributes
from omezarr_models.build import BuildError

VERSIONS = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")
MODERN = ("0.4", "0.5", "0.6rc0")


def _attrs(model: Any, version: str) -> dict[str, Any]:
    data = model.to_json_dict()
    return {"ome": data} if version in ("0.5", "0.6rc0") else data


def _valid(model: Any, version: str, *, strict: bool = False) -> None:
    report = validate_attributes(_attrs(model, version), version=version, strict=strict)
    assert report.valid, [(i.path, i.code, i.message) for i in report.issues]


# ------------------------------------------------------------------------------------------
# multiscale / image


@pytest.mark.parametrize("version", VERSIONS)
def test_an_image_of_every_version_validates(version: str) -> None:
    axes = "tczyx" if version in ("0.1", "0.2") else "czyx"
    kwargs: dict[str, Any] = {}
    if version in MODERN:
        kwargs = {"pixel_size": {"z": 0.5, "y": 0.1, "x": 0.1}, "units": "micrometer"}
    if version != "0.1":
        kwargs.update(type="mean", metadata={"method": "block mean"})
    ms = build.multiscale(axes, levels=3, name="img", version=version, **kwargs)
    omero = build.omero(["DAPI", "GFP"], dtype="uint16", version=version)
    image = build.image(ms, omero=omero, version=version)
    _valid(image, version, strict=version in MODERN)
    assert [d.path for d in image.multiscales[0].datasets] == ["0", "1", "2"]


def test_scales_are_exact() -> None:
    ms = build.multiscale(
        "zyx",
        pixel_size={"z": 0.3, "y": 0.1, "x": 0.1},
        levels=4,
        factors={"z": 3, "y": 2, "x": 2},
        version="0.4",
    )
    scales = [d.coordinateTransformations[0].scale for d in ms.datasets]
    assert scales == [
        [0.3, 0.1, 0.1],
        [0.9, 0.2, 0.2],
        [2.7, 0.4, 0.4],
        [8.1, 0.8, 0.8],
    ]  # not 0.30000000000000004 or 0.8000000000000002


def test_translations_keep_levels_aligned() -> None:
    ms = build.multiscale(
        "yx", pixel_size=0.1, levels=3, translation={"y": 5, "x": 0}, version="0.5"
    )
    translations = [d.coordinateTransformations[1].translation for d in ms.datasets]
    assert translations == [[5.0, 0.0], [5.05, 0.05], [5.15, 0.15]]


def test_axis_types_and_units_are_inferred() -> None:
    axes = build.axes("tczyx", units={"t": "second", "x": "nanometer"}, version="0.5")
    assert [a.to_json_dict() for a in axes] == [
        {"name": "t", "type": "time", "unit": "second"},
        {"name": "c", "type": "channel"},
        {"name": "z", "type": "space"},
        {"name": "y", "type": "space"},
        {"name": "x", "type": "space", "unit": "nanometer"},
    ]
    custom = build.axes(["angle", "y", "x"], types={"angle": "angle"}, version="0.4")
    assert custom[0].type == "angle"
    assert build.axes("cyx", version="0.3") == ["c", "y", "x"]


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"axes": "yy"}, "axes"),
        ({"axes": ""}, "axes"),
        ({"levels": 0}, "levels"),
        ({"levels": 2.0}, "levels"),
        ({"pixel_size": -1}, "pixel_size"),
        ({"pixel_size": {"q": 1}}, "pixel_size"),
        ({"pixel_size": "big"}, "pixel_size"),
        ({"units": "micron"}, "units"),
        ({"units": {"t": "meter"}}, "units"),
        ({"factors": {"x": 0.5}}, "factors"),
        ({"factors": [2, 2]}, "factors"),
        ({"paths": ["0", "0"], "levels": 2}, "paths"),
        ({"paths": ["../0"]}, "paths"),
        ({"paths": ["0", "1"]}, "paths"),
        ({"version": "0.9"}, "version"),
        ({"axes": "xyc"}, "axes"),
        ({"name": 3}, "name"),
        ({"metadata": [1]}, "metadata"),
        ({"version": "0.3", "pixel_size": 0.1}, "pixel_size"),
        ({"version": "0.3", "axes": "xy"}, "names"),
        ({"version": "0.2", "axes": "zyx"}, "axes"),
        ({"version": "0.1", "axes": "tczyx", "type": "mean"}, "type"),
    ],
)
def test_multiscale_errors_name_the_argument(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(BuildError) as info:
        build.multiscale(**{"axes": "czyx", **kwargs})
    assert info.value.argument == argument
    assert str(info.value).startswith(f"{argument}: ")
    assert isinstance(info.value, ValueError)


# ------------------------------------------------------------------------------------------
# omero


@pytest.mark.parametrize(
    ("dtype", "low", "high"),
    [
        ("uint8", 0, 255),
        ("uint16", 0, 65535),
        ("int16", -32768, 32767),
        ("<u2", 0, 65535),
        ("float32", 0.0, 1.0),
        ("bool", 0, 1),
    ],
)
def test_omero_window_from_the_dtype(dtype: str, low: float, high: float) -> None:
    omero = build.omero(["a"], dtype=dtype, version="0.4")
    window = omero.channels[0].window
    assert (window.min, window.max, window.start, window.end) == (low, high, low, high)


def test_omero_colours_windows_and_defaults() -> None:
    omero = build.omero(
        ["DAPI", "GFP"], colors=["blue", "#00ff00"], windows=[(0, 1500), (10, 4000)], version="0.5"
    )
    data = omero.to_json_dict()
    assert [c["color"] for c in data["channels"]] == ["0000FF", "00FF00"]
    assert data["channels"][1]["window"] == {"min": 0, "max": 65535, "start": 10, "end": 4000}
    single = build.omero(["only"], version="0.5")
    assert single.channels[0].color == "FFFFFF"
    numpy = pytest.importorskip("numpy")
    assert (
        build.omero(["a"], dtype=numpy.dtype("uint8"), version="0.4").channels[0].window.max == 255
    )


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"channels": []}, "channels"),
        ({"channels": "DAPI"}, "channels"),
        ({"colors": ["red"]}, "colors"),
        ({"colors": ["red", "purple-ish"]}, "colors"),
        ({"colors": ["red", "12345"]}, "colors"),
        ({"dtype": "complex64"}, "dtype"),
        ({"windows": [(0, 10)]}, "windows"),
        ({"windows": [(0, 10), (0, 70000)]}, "windows"),
        ({"active": [True]}, "active"),
    ],
)
def test_omero_errors_name_the_argument(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(BuildError) as info:
        build.omero(**{"channels": ["a", "b"], **kwargs})
    assert info.value.argument == argument


# ------------------------------------------------------------------------------------------
# plates and wells


@pytest.mark.parametrize("version", VERSIONS)
def test_a_384_well_plate_and_its_wells_validate(version: str) -> None:
    plate = build.plate(
        "A-P",
        range(1, 25),
        acquisitions=["first", {"name": "second", "starttime": 1613481600}],
        fields=2,
        name="screen",
        version=version,
    )
    _valid(plate, version, strict=True)
    meta = plate.plate.to_json_dict()
    assert len(meta["rows"]) == 16
    assert len(meta["columns"]) == 24
    assert len(meta["wells"]) == 384
    if version in MODERN:
        assert meta["wells"][-1] == {"path": "P/24", "rowIndex": 15, "columnIndex": 23}
    wells = build.wells_for(plate, fields=2)
    assert len(wells) == 384
    first = wells["A/1"].well.to_json_dict()
    assert [(i["path"], i["acquisition"]) for i in first["images"]] == [
        ("0", 0),
        ("1", 0),
        ("2", 1),
        ("3", 1),
    ]
    for well in list(wells.values())[:3]:
        _valid(well, version, strict=True)


def test_a_sparse_plate_with_wells_and_ranges() -> None:
    plate = build.plate("A..AF", "1-48", wells=["A/1", ("AF", 48)], version="0.5")
    meta = plate.plate.to_json_dict()
    assert len(meta["rows"]) == 32
    assert meta["rows"][-1] == {"name": "AF"}
    assert meta["wells"] == [
        {"path": "A/1", "rowIndex": 0, "columnIndex": 0},
        {"path": "AF/48", "rowIndex": 31, "columnIndex": 47},
    ]
    wells = build.wells_for(plate, fields={"AF/48": 3})
    assert len(wells["AF/48"].well.images) == 3
    assert len(wells["A/1"].well.images) == 1
    assert "acquisition" not in wells["A/1"].well.images[0].to_json_dict()


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"rows": "P-A"}, "rows"),
        ({"rows": "A-3"}, "rows"),
        ({"rows": ["A", "A"]}, "rows"),
        ({"columns": "24-1"}, "columns"),
        ({"columns": ["1", "x-y"]}, "columns"),
        ({"columns": []}, "columns"),
        ({"wells": ["Q/1"]}, "wells"),
        ({"wells": ["A/99"]}, "wells"),
        ({"wells": ["A1"]}, "wells"),
        ({"wells": ["A/1", ("A", 1)]}, "wells"),
        ({"fields": 0}, "fields"),
        ({"acquisitions": [3]}, "acquisitions"),
        ({"acquisitions": [{"id": 1}, {"id": 1}]}, "acquisitions"),
    ],
)
def test_plate_errors_name_the_argument(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(BuildError) as info:
        build.plate(**{"rows": "A-H", "columns": range(1, 13), **kwargs})
    assert info.value.argument == argument


def test_wells_for_errors() -> None:
    plate = build.plate("A-B", "1-2", fields=2, version="0.4")
    with pytest.raises(BuildError) as info:
        build.wells_for(plate, fields=3)
    assert info.value.argument == "fields"
    with pytest.raises(BuildError) as info:
        build.wells_for(plate, fields={"C/1": 1})
    assert info.value.argument == "fields"
    with pytest.raises(BuildError) as info:
        build.wells_for({"plate": {}})
    assert info.value.argument == "plate"


# ------------------------------------------------------------------------------------------
# labels


@pytest.mark.parametrize("version", VERSIONS)
def test_label_images_validate(version: str) -> None:
    axes = "tczyx" if version in ("0.1", "0.2") else "zyx"
    ms = build.multiscale(axes, levels=2, version=version)
    props = None if version == "0.1" else {1: {"class": "nucleus"}, 2: {"area": 120}}
    label = build.image_label(
        [1, 2, 5], colors=["FF0000", "00FF0080", [0, 0, 255]], properties=props, version=version
    )
    doc = build.label_image(ms, label, version=version)
    _valid(doc, version)
    rgba = [c.rgba for c in doc.image_label.colors]
    assert rgba == [[255, 0, 0, 255], [0, 255, 0, 128], [0, 0, 255, 255]]
    _valid(build.labels(["cells", "nuclei"], version=version), version)


def test_label_colours_default_to_distinct_ones() -> None:
    label = build.image_label(range(1, 20), version="0.5")
    colours = [tuple(c.rgba) for c in label.colors]
    assert len(set(colours)) == 19
    mapping = build.image_label({1: "red", 7: "#00FF00"}, version="0.4")
    assert [c.label_value for c in mapping.colors] == [1, 7]


@pytest.mark.parametrize(
    ("kwargs", "argument"),
    [
        ({"values": [1, 1]}, "values"),
        ({"values": [True]}, "values"),
        ({"values": [1.5]}, "values"),
        ({"colors": ["red"]}, "colors"),
        ({"colors": ["red", [300, 0, 0]]}, "colors"),
        ({"properties": {9: {"a": 1}}}, "properties"),
        ({"properties": {1: 5}}, "properties"),
    ],
)
def test_image_label_errors_name_the_argument(kwargs: dict[str, Any], argument: str) -> None:
    with pytest.raises(BuildError) as info:
        build.image_label(**{"values": [1, 2], **kwargs})
    assert info.value.argument == argument


def test_properties_do_not_exist_in_01() -> None:
    with pytest.raises(BuildError) as info:
        build.image_label([1], properties={1: {"a": 1}}, version="0.1")
    assert info.value.argument == "properties"


def test_labels_errors() -> None:
    with pytest.raises(BuildError) as info:
        build.labels("cells")
    assert info.value.argument == "names"
    with pytest.raises(BuildError):
        build.labels(["a", "a"])


# ------------------------------------------------------------------------------------------
# bioformats2raw


@pytest.mark.parametrize("version", MODERN)
def test_bioformats2raw_collections(version: str) -> None:
    root, series = build.bioformats2raw(3, version=version)
    _valid(root, version, strict=True)
    assert series is not None
    _valid(series, version, strict=True)
    assert series.series == ["0", "1", "2"]
    plate = build.plate("A-B", "1-3", version=version)
    root, none = build.bioformats2raw(plate=plate, version=version)
    assert none is None
    _valid(root, version)


def test_bioformats2raw_errors() -> None:
    with pytest.raises(BuildError) as info:
        build.bioformats2raw(2, version="0.3")
    assert info.value.argument == "version"
    with pytest.raises(BuildError) as info:
        build.series(0)
    assert info.value.argument == "paths"
    with pytest.raises(BuildError) as info:
        build.bioformats2raw(plate="A")
    assert info.value.argument == "plate"


def test_06_multiscales_map_levels_into_the_intrinsic_system() -> None:
    ms = build.multiscale(
        "zyx",
        pixel_size=0.5,
        levels=2,
        translation={"z": 0},
        coordinate_system="physical",
        version="0.6rc0",
    )
    data = ms.to_json_dict()
    assert data["coordinateSystems"][0]["name"] == "physical"
    assert [a["name"] for a in data["coordinateSystems"][0]["axes"]] == ["z", "y", "x"]
    second = data["datasets"][1]["coordinateTransformations"][0]
    assert second["type"] == "sequence"
    assert second["input"] == {"path": "1"}
    assert second["output"] == {"name": "physical"}
    assert [t["type"] for t in second["transformations"]] == ["scale", "translation"]
    with pytest.raises(BuildError) as info:
        build.multiscale("yx", coordinate_system="", version="0.6rc0")
    assert info.value.argument == "coordinate_system"

"""One-rule mutations of valid documents, each labelled with the issue code it must set off.

This module holds the mutations of 0.4 and 0.5 documents and the helpers that the mutations of
earlier versions (:mod:`omezarr_models.testing._mutations_v01_v03`) build on.

A :class:`Mutation` changes a valid document in place so that it breaks one rule of the spec (a
MUST rule, or with ``should=True`` a SHOULD rule, which is an error only when validating with
``strict=True``); the validator must report that rule's code as an error, at the JSON pointer
the change returns when it returns one. Some changes cannot
help breaking a neighbouring rule too (a single axis is too few axes and too few space axes).
Mutations build what they need (a second row, an omero block, a third field of view, ...)
rather than depend on what the document happens to contain, so that nearly every mutation
applies to every document of its kinds.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from omezarr_models.testing._common import KINDS, OME_KEYS, UNNAMESPACED, VERSIONS, meta_of

Document = dict[str, Any]
#: ``apply(draw, doc, version)`` changes ``doc`` and returns where the validator reports the
#: broken rule (a JSON pointer), or None when the change does not say.
Apply = Callable[[st.DrawFn, Document, str], str | None]
Applies = Callable[[Document, str], bool]

_IMAGES = frozenset({"image", "label-image"})
_PLATES = frozenset({"plate", "bioformats2raw"})
_V04 = frozenset({"0.4"})
_V05 = frozenset({"0.5"})
LATER = frozenset({"0.4", "0.5"})
#: Mutations whose rule every text states alike (0.1 to 0.5), or from 0.2, 0.3; up to 0.4.
_ALL_VERSIONS = frozenset(VERSIONS)
_FROM_02 = _ALL_VERSIONS - {"0.1"}
_FROM_03 = _FROM_02 - {"0.2"}
_UP_TO_04 = _ALL_VERSIONS - {"0.5"}


@dataclass(frozen=True, slots=True)
class Mutation:
    """A change that breaks one rule.

    Attributes
    ----------
    label
        What the change does, in a few words.
    code
        The issue code the validator must report as an error for the changed document.
    kinds
        The kinds of document the change applies to.
    apply
        ``apply(draw, doc, version)`` changes ``doc`` in place and returns the JSON pointer of
        the issue the validator must report, or None.
    versions
        The versions the change applies to.
    should
        True when the rule is a SHOULD: an error only when validating with ``strict=True``.
    applies
        ``applies(doc, version)``: whether the change applies to this document (None: always).
    """

    label: str
    code: str
    kinds: frozenset[str]
    apply: Apply
    versions: frozenset[str] = LATER
    should: bool = False
    applies: Applies | None = None


# ------------------------------------------------------------------------------------------
# Helpers


def locate(root: Any, target: Any) -> str:
    """The JSON pointer of ``target`` (found by identity) inside ``root``."""
    stack: list[tuple[Any, str]] = [(root, "")]
    while stack:
        node, ptr = stack.pop()
        if node is target:
            return ptr
        if isinstance(node, dict):
            for key, value in node.items():
                stack.append((value, f"{ptr}/{key.replace('~', '~0').replace('/', '~1')}"))
        elif isinstance(node, list):
            stack.extend((value, f"{ptr}/{k}") for k, value in enumerate(node))
    raise LookupError("the target is not inside the document")


def _pick(draw: st.DrawFn, items: list[Any]) -> Any:
    """One item of a non-empty list."""
    return items[draw(st.integers(0, len(items) - 1))]


def _fresh(taken: set[str], stem: str) -> str:
    """``stem``, or ``stem1``, ``stem2``, ... whichever is not in ``taken`` (case-insensitively)."""
    folded = {name.casefold() for name in taken}
    candidate, k = stem, 0
    while candidate.casefold() in folded:
        k += 1
        candidate = f"{stem}{k}"
    return candidate


def _a_multiscale(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    items: list[dict[str, Any]] = meta_of(doc, version)["multiscales"]
    ms: dict[str, Any] = _pick(draw, items)
    return ms


def _holders(ms: dict[str, Any]) -> list[dict[str, Any]]:
    """The objects of a multiscale that hold coordinateTransformations."""
    out: list[dict[str, Any]] = list(ms["datasets"])
    if "coordinateTransformations" in ms:
        out.append(ms)
    return out


def _a_holder(draw: st.DrawFn, doc: Document, version: str) -> tuple[dict[str, Any], int]:
    """A dataset (or the multiscale itself) with transformations, and the number of axes."""
    ms = _a_multiscale(draw, doc, version)
    holder: dict[str, Any] = _pick(draw, _holders(ms))
    return holder, len(ms["axes"])


def _resize(ms: dict[str, Any], n: int) -> None:
    """Make every scale and translation vector of ``ms`` ``n`` long."""
    for holder in _holders(ms):
        for t in holder["coordinateTransformations"]:
            for key, pad in (("scale", 1.0), ("translation", 0.0)):
                vector = t.get(key)
                if isinstance(vector, list):
                    t[key] = (vector + [pad] * n)[:n]


def _set_axes(ms: dict[str, Any], axes: list[dict[str, Any]]) -> None:
    ms["axes"] = axes
    _resize(ms, len(axes))


def _space(name: str) -> dict[str, Any]:
    return {"name": name, "type": "space", "unit": "micrometer"}


def _scale(n: int) -> dict[str, Any]:
    return {"type": "scale", "scale": [1.0] * n}


def _translation(n: int) -> dict[str, Any]:
    return {"type": "translation", "translation": [0.0] * n}


def _names(axes: list[dict[str, Any]]) -> set[str]:
    return {a["name"] for a in axes if isinstance(a.get("name"), str)}


def _first_scale(cts: list[dict[str, Any]], n: int) -> dict[str, Any]:
    for t in cts:
        if t.get("type") == "scale":
            return t
    return _scale(n)


def _vector_transformation(draw: st.DrawFn, holder: dict[str, Any], n: int) -> dict[str, Any]:
    """A transformation of ``holder`` given by its vector (the scale is made one if needed)."""
    cts: list[dict[str, Any]] = holder["coordinateTransformations"]
    with_vector = [t for t in cts if isinstance(t.get(t.get("type", "")), list)]
    if with_vector:
        chosen: dict[str, Any] = _pick(draw, with_vector)
        return chosen
    cts[0] = _scale(n)
    return cts[0]


# ------------------------------------------------------------------------------------------
# Axes


def _axis_names_not_unique(draw: st.DrawFn, doc: Document, version: str) -> None:
    axes = _a_multiscale(draw, doc, version)["axes"]
    i, j = draw(st.lists(st.integers(0, len(axes) - 1), min_size=2, max_size=2, unique=True))
    axes[j]["name"] = axes[i]["name"]


def _axis_name_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    del _pick(draw, _a_multiscale(draw, doc, version)["axes"])["name"]


def _axes_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    if draw(st.booleans()):
        _set_axes(ms, [_space("x")])
    else:
        time = {"name": "t", "type": "time", "unit": "second"}
        channel = {"name": "c", "type": "channel"}
        _set_axes(ms, [time, channel, *(_space(n) for n in ("w", "z", "y", "x"))])


def _space_axes_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    others: list[dict[str, Any]] = [a for a in ms["axes"] if a.get("type") != "space"]
    taken = _names(others)
    if len(others) > 0 and draw(st.booleans()):
        _set_axes(ms, [*others, _space(_fresh(taken, "x"))])
    else:
        spaces = []
        for stem in ("w", "z", "y", "x"):
            name = _fresh(taken, stem)
            taken.add(name)
            spaces.append(_space(name))
        _set_axes(ms, [*others[:1], *spaces])


def _time_axes_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    times = [{"name": name, "type": "time", "unit": "second"} for name in ("t", "t2")]
    _set_axes(ms, [*times, _space("y"), _space("x")])


def _channel_axes_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    second = draw(st.sampled_from(({"name": "a", "type": "angle"}, {"name": "a"})))
    _set_axes(ms, [{"name": "c", "type": "channel"}, dict(second), _space("y"), _space("x")])


def _axes_order(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    axes = ms["axes"]
    spaces = [a for a in axes if a.get("type") == "space"]
    others = [a for a in axes if a.get("type") != "space"]
    if len(others) == 2 and draw(st.booleans()):  # channel before time
        _set_axes(ms, [others[1], others[0], *spaces])
    elif others:  # space before the others
        _set_axes(ms, [*spaces, *others])
    else:
        _set_axes(ms, [*spaces, {"name": _fresh(_names(spaces), "c"), "type": "channel"}])


# ------------------------------------------------------------------------------------------
# Transformations and datasets


def _translation_before_scale(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    cts = holder["coordinateTransformations"]
    translation = cts[1] if len(cts) > 1 else _translation(n)
    holder["coordinateTransformations"] = [translation, cts[0]]


def _scale_length_mismatch(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    holder["coordinateTransformations"][0] = _scale(n + draw(st.sampled_from((-1, 1))))


def _translation_length_mismatch(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    cts = holder["coordinateTransformations"]
    holder["coordinateTransformations"] = [
        cts[0],
        _translation(n + draw(st.sampled_from((-1, 1)))),
    ]


def _scale_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    cts = holder["coordinateTransformations"]
    scale = cts[0]
    variants: tuple[list[dict[str, Any]], ...] = (
        [],
        [scale, _scale(n)],
        [_translation(n)],
        [scale, _translation(n), _scale(n)],
    )
    holder["coordinateTransformations"] = list(draw(st.sampled_from(variants)))


def _translation_count(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    scale = holder["coordinateTransformations"][0]
    holder["coordinateTransformations"] = [scale, _translation(n), _translation(n)]


def _transformation_type_not_allowed(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, _ = _a_holder(draw, doc, version)
    kind = draw(st.sampled_from(("identity", "affine", "rotation", "sequence", "Scale")))
    holder["coordinateTransformations"].append({"type": kind})


def _transformation_type_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    cts = holder["coordinateTransformations"]
    if len(cts) == 1:
        cts.append(_translation(n))
    del cts[1]["type"]


def _transformation_parameters_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, _ = _a_holder(draw, doc, version)
    t = _pick(draw, holder["coordinateTransformations"])
    t.pop(t["type"], None)
    t.pop("path", None)


def _transformation_parameters_ambiguous(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    t = _pick(draw, holder["coordinateTransformations"])
    t["path"] = t.get("path", "transformations/vector")
    t[t["type"]] = t.get(t["type"], [1.0] * n)


def _vector_wrong_type(draw: st.DrawFn, doc: Document, version: str) -> None:
    holder, n = _a_holder(draw, doc, version)
    t = _vector_transformation(draw, holder, n)
    vector = t[t["type"]]
    vector[draw(st.integers(0, len(vector) - 1))] = draw(
        st.sampled_from(("1", "0.5", True, False, None, [1.0], {"value": 1}))
    )


def _a_dataset(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    ds: dict[str, Any] = _pick(draw, _a_multiscale(draw, doc, version)["datasets"])
    return ds


def _dataset_path_missing(draw: st.DrawFn, doc: Document, version: str) -> str:
    ds = _a_dataset(draw, doc, version)
    del ds["path"]
    return locate(doc, ds)


def _dataset_paths_not_unique(draw: st.DrawFn, doc: Document, version: str) -> str:
    datasets = _a_multiscale(draw, doc, version)["datasets"]
    datasets.append(copy.deepcopy(_pick(draw, datasets)))
    return f"{locate(doc, datasets)}/{len(datasets) - 1}/path"


def _dataset_path_invalid(draw: st.DrawFn, doc: Document, version: str) -> str:
    bad = ("../0", "/0", "0//1", "./0", "a/../b", "https://example.org/0", "", ".", "..")
    ds = _a_dataset(draw, doc, version)
    ds["path"] = draw(st.sampled_from(bad))
    return f"{locate(doc, ds)}/path"


def _dataset_transformations_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    del _a_dataset(draw, doc, version)["coordinateTransformations"]


def _datasets_empty(draw: st.DrawFn, doc: Document, version: str) -> str:
    ms = _a_multiscale(draw, doc, version)
    ms["datasets"] = []
    return f"{locate(doc, ms)}/datasets"


def _multiscale_key_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        ms = _a_multiscale(draw, doc, version)
        del ms[key]
        return locate(doc, ms)

    return apply


def _multiscales_empty(draw: st.DrawFn, doc: Document, version: str) -> str:
    meta = meta_of(doc, version)
    meta["multiscales"] = []
    return f"{locate(doc, meta)}/multiscales"


# ------------------------------------------------------------------------------------------
# SHOULD rules of axes


def _axis_type_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    axes = ms["axes"]
    middle = [a for a in axes if a.get("type") not in ("space", "time")]
    if middle:
        middle[0].pop("type", None)
        return
    at = 1 if axes[0].get("type") == "time" else 0
    _set_axes(ms, [*axes[:at], {"name": _fresh(_names(axes), "q")}, *axes[at:]])


def _a_space_or_time_axis(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    axes = _a_multiscale(draw, doc, version)["axes"]
    axis: dict[str, Any] = _pick(draw, [a for a in axes if a.get("type") in ("space", "time")])
    return axis


def _axis_unit_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    _a_space_or_time_axis(draw, doc, version).pop("unit", None)


def _axis_unit_unknown(draw: st.DrawFn, doc: Document, version: str) -> None:
    axis = _a_space_or_time_axis(draw, doc, version)
    if axis["type"] == "space":
        axis["unit"] = draw(st.sampled_from(("pixel", "micron", "um", "µm", "Meter", "second")))
    else:
        axis["unit"] = draw(st.sampled_from(("sec", "s", "ms", "Second", "meter")))


def _space_axes_not_zyx(draw: st.DrawFn, doc: Document, version: str) -> None:
    ms = _a_multiscale(draw, doc, version)
    axes = ms["axes"]
    if sum(a.get("type") == "space" for a in axes) == 2:  # at most 4 axes: room for a third
        axes = [*axes, _space("s")]
    others = [a for a in axes if a.get("type") != "space"]
    taken = _names(others) | {"x", "y", "z"}
    for axis in others:
        if axis.get("name") in ("x", "y", "z"):
            axis["name"] = _fresh(taken, "other")
            taken.add(axis["name"])
    order = draw(st.permutations(["x", "y", "z"]).filter(lambda names: names != ["z", "y", "x"]))
    spaces = [a for a in axes if a.get("type") == "space"]
    for axis, name in zip(spaces, order, strict=True):
        axis["name"] = name
    _set_axes(ms, axes)


# ------------------------------------------------------------------------------------------
# Omero

_CHANNEL = {"color": "FF0000", "window": {"min": 0, "max": 255, "start": 0, "end": 255}}


def _an_omero(doc: Document, version: str) -> dict[str, Any]:
    meta = meta_of(doc, version)
    omero: dict[str, Any] = meta.setdefault("omero", {"channels": [copy.deepcopy(_CHANNEL)]})
    return omero


def _a_channel(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    channels = _an_omero(doc, version).setdefault("channels", [])
    if not channels:
        channels.append(copy.deepcopy(_CHANNEL))
    channel: dict[str, Any] = _pick(draw, channels)
    return channel


def _omero_channels_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    del _an_omero(doc, version)["channels"]


def _channel_key_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        del _a_channel(draw, doc, version)[key]

    return apply


def _channel_color_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    bad = ("#FF0000", "red", "FFFFF", "GG0000", "FF00FF00", "", "0xFF00FF", "FF 000")
    _a_channel(draw, doc, version)["color"] = draw(st.sampled_from(bad))


def _window_field_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    window = _a_channel(draw, doc, version)["window"]
    del window[draw(st.sampled_from(("min", "max", "start", "end")))]


def _omero_integral_float(draw: st.DrawFn, doc: Document, version: str) -> str:
    omero = _an_omero(doc, version)
    value = float(draw(st.integers(0, 1000)))
    if draw(st.booleans()):
        omero["id"] = value
        return f"{locate(doc, omero)}/id"
    rdefs = omero.setdefault("rdefs", {})
    key = draw(st.sampled_from(("defaultT", "defaultZ")))
    rdefs[key] = value
    return f"{locate(doc, rdefs)}/{key}"


# ------------------------------------------------------------------------------------------
# image-label


def _a_color(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    colors = meta_of(doc, version)["image-label"].setdefault("colors", [])
    if not colors:
        colors.append({"label-value": 1, "rgba": [255, 0, 0, 255]})
    color: dict[str, Any] = _pick(draw, colors)
    return color


def _label_values_not_unique(draw: st.DrawFn, doc: Document, version: str) -> str:
    color = _a_color(draw, doc, version)
    colors = meta_of(doc, version)["image-label"]["colors"]
    colors.append({"label-value": color["label-value"], "rgba": [0, 0, 255, 128]})
    return f"{locate(doc, colors)}/{len(colors) - 1}/label-value"


def _label_value_entry(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    """A colour or (when there is one) a property entry (properties: from 0.2; in 0.1 an
    unknown key, whatever it holds)."""
    image_label = meta_of(doc, version)["image-label"]
    properties = image_label.get("properties") if version != "0.1" else None
    if properties and draw(st.booleans()):
        prop: dict[str, Any] = _pick(draw, properties)
        return prop
    return _a_color(draw, doc, version)


def _label_value_missing(draw: st.DrawFn, doc: Document, version: str) -> str:
    entry = _label_value_entry(draw, doc, version)
    del entry["label-value"]
    return locate(doc, entry)


def _label_value_float(draw: st.DrawFn, doc: Document, version: str) -> str:
    entry = _label_value_entry(draw, doc, version)
    entry["label-value"] = float(draw(st.integers(0, 1000)))
    return f"{locate(doc, entry)}/label-value"


def _label_rgba_invalid(draw: st.DrawFn, doc: Document, version: str) -> str:
    bad: tuple[Any, ...] = (
        [256, 0, 0, 255],
        [0, 0, 0],
        [0, 0, 0, 0, 0],
        [-1, 0, 0, 255],
        [1.0, 0, 0, 255],
        [0.5, 0, 0, 255],
        ["255", 0, 0, 255],
        "FF0000FF",
    )
    color = _a_color(draw, doc, version)
    rgba = color["rgba"] = copy.deepcopy(draw(st.sampled_from(bad)))
    # four components: the first is the bad one; otherwise the list itself is
    where = "/0" if isinstance(rgba, list) and len(rgba) == 4 else ""
    return f"{locate(doc, color)}/rgba{where}"


def _label_colors_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    meta_of(doc, version)["image-label"].pop("colors", None)


def _image_label_version_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    meta_of(doc, version)["image-label"].pop("version", None)


# ------------------------------------------------------------------------------------------
# Labels groups, series and bioformats2raw

_BAD_PATHS = ("../image", "/labels/0", "a//b", "./0", "a/../b", "https://example.org/0", "")


def _path_invalid(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        paths = meta_of(doc, version)[key]
        bad = draw(st.sampled_from(_BAD_PATHS))
        if paths and draw(st.booleans()):
            k = draw(st.integers(0, len(paths) - 1))
            paths[k] = bad
        else:
            k = len(paths)
            paths.append(bad)
        return f"{locate(doc, paths)}/{k}"

    return apply


def _list_invalid(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        meta = meta_of(doc, version)
        bad = draw(st.sampled_from((3, None, True, {"path": "0"}, ["0"])))
        if draw(st.booleans()):
            meta[key].append(bad)
            return f"{locate(doc, meta[key])}/{len(meta[key]) - 1}"
        meta[key] = draw(st.sampled_from(("0", {"0": "a"}, 3)))
        return f"{locate(doc, meta)}/{key}"

    return apply


def _bf2raw_layout_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    bad = draw(st.sampled_from((2, 4, 0, -3, "3", None, [3], 3.5)))
    meta_of(doc, version)["bioformats2raw.layout"] = bad


def _bf2raw_layout_float(draw: st.DrawFn, doc: Document, version: str) -> None:
    meta_of(doc, version)["bioformats2raw.layout"] = 3.0


# ------------------------------------------------------------------------------------------
# Plates


def _has_plate(doc: Document, version: str) -> bool:
    return "plate" in meta_of(doc, version)


def _plate(doc: Document, version: str) -> dict[str, Any]:
    plate: dict[str, Any] = meta_of(doc, version)["plate"]
    return plate


def _plate_names(plate: dict[str, Any], key: str) -> list[str]:
    return [item["name"] for item in plate[key]]


def _a_well(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    plate = _plate(doc, version)
    wells = plate["wells"]
    if not wells:  # (before 0.4 a plate may have no rows or columns, or unnamed ones)
        row, column = (
            items[0].get("name", fallback) if items else fallback
            for items, fallback in ((plate["rows"], "A"), (plate["columns"], "1"))
        )
        wells.append({"path": f"{row}/{column}", "rowIndex": 0, "columnIndex": 0})
    well: dict[str, Any] = _pick(draw, wells)
    return well


def _an_acquisition(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    plate = _plate(doc, version)
    acquisitions = plate.setdefault("acquisitions", [])
    if not acquisitions:
        acquisitions.append({"id": 0, "name": "first", "maximumfieldcount": 1})
    acquisition: dict[str, Any] = _pick(draw, acquisitions)
    return acquisition


def _plate_key_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        plate = _plate(doc, version)
        plate.pop(key, None)
        return locate(doc, plate)

    return apply


def _plate_list_empty(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        _plate(doc, version)[key] = []

    return apply


def _name_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        del _pick(draw, _plate(doc, version)[key])["name"]

    return apply


def _name_invalid(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        bad = ("A 1", "A-1", "", "Ä", "A/1", "A_1", "A.1", "１")
        _pick(draw, _plate(doc, version)[key])["name"] = draw(st.sampled_from(bad))

    return apply


def _names_not_unique(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        items = _plate(doc, version)[key]
        items.append({"name": _pick(draw, items)["name"]})

    return apply


def _names_case_collision(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> None:
        items = _plate(doc, version)[key]
        name = _fresh(
            set(_plate_names(_plate(doc, version), key)), draw(st.sampled_from(("Qa", "aB")))
        )
        items.extend([{"name": name}, {"name": name.swapcase()}])

    return apply


def _field_count_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    _plate(doc, version)["field_count"] = draw(st.integers(-3, 0))


def _acquisition_ids_not_unique(draw: st.DrawFn, doc: Document, version: str) -> str:
    acquisition = _an_acquisition(draw, doc, version)
    acquisitions = _plate(doc, version)["acquisitions"]
    acquisitions.append(copy.deepcopy(acquisition))
    return f"{locate(doc, acquisitions)}/{len(acquisitions) - 1}/id"


def _acquisition_id_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    _an_acquisition(draw, doc, version)["id"] = draw(st.integers(-(2**40), -1))


def _acquisition_key_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        acquisition = _an_acquisition(draw, doc, version)
        acquisition.pop(key, None)
        return locate(doc, acquisition)

    return apply


def _maximumfieldcount_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    _an_acquisition(draw, doc, version)["maximumfieldcount"] = draw(st.integers(-3, 0))


def _well_key_missing(key: str) -> Apply:
    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        well = _a_well(draw, doc, version)
        del well[key]
        return locate(doc, well)

    return apply


def _well_path_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    well = _a_well(draw, doc, version)
    row, _, column = well["path"].partition("/")
    bad = (f"{row}{column}", f"{row}/{column}/0", f"/{row}/{column}", f"{row}/", f"{row}-{column}")
    well["path"] = draw(st.sampled_from(bad))


def _well_path_row_unknown(draw: st.DrawFn, doc: Document, version: str) -> None:
    well = _a_well(draw, doc, version)
    rows = set(_plate_names(_plate(doc, version), "rows"))
    row = draw(st.sampled_from(("Z", "ZZ", "R9")).map(lambda stem: _fresh(rows, stem)))
    well["path"] = f"{row}/{well['path'].partition('/')[2]}"


def _well_path_column_unknown(draw: st.DrawFn, doc: Document, version: str) -> None:
    well = _a_well(draw, doc, version)
    columns = set(_plate_names(_plate(doc, version), "columns"))
    column = draw(st.sampled_from(("99", "C", "x0")).map(lambda stem: _fresh(columns, stem)))
    well["path"] = f"{well['path'].partition('/')[0]}/{column}"


def _well_index_out_of_range(draw: st.DrawFn, doc: Document, version: str) -> None:
    well = _a_well(draw, doc, version)
    plate = _plate(doc, version)
    key, items = draw(st.sampled_from((("rowIndex", "rows"), ("columnIndex", "columns"))))
    above = len(plate[items]) + draw(st.integers(0, 3))
    well[key] = draw(st.sampled_from((above, -1)))


def _well_index_mismatch(draw: st.DrawFn, doc: Document, version: str) -> None:
    plate = _plate(doc, version)
    well = _a_well(draw, doc, version)
    key, items, stem = draw(
        st.sampled_from((("rowIndex", "rows", "R"), ("columnIndex", "columns", "9")))
    )
    if len(plate[items]) < 2:
        plate[items].append({"name": _fresh(set(_plate_names(plate, items)), stem)})
    others = [k for k in range(len(plate[items])) if k != well[key]]
    well[key] = draw(st.sampled_from(others))


def _well_paths_not_unique(draw: st.DrawFn, doc: Document, version: str) -> None:
    well = _a_well(draw, doc, version)
    _plate(doc, version)["wells"].append(copy.deepcopy(well))


def _plate_integral_float(*choices: str) -> Apply:
    """An integral float where the plate wants an integer: a well index, the field count or an
    acquisition's id, count or time (whichever of ``choices`` is drawn)."""

    def apply(draw: st.DrawFn, doc: Document, version: str) -> str:
        choice = draw(st.sampled_from(choices))
        if choice == "well":
            well = _a_well(draw, doc, version)
            key = draw(st.sampled_from(("rowIndex", "columnIndex")))
            well[key] = float(well[key])
            return f"{locate(doc, well)}/{key}"
        if choice == "field_count":
            plate = _plate(doc, version)
            plate["field_count"] = float(draw(st.integers(1, 10)))
            return f"{locate(doc, plate)}/field_count"
        acquisition = _an_acquisition(draw, doc, version)
        key = draw(st.sampled_from(("id", "maximumfieldcount", "starttime", "endtime")))
        acquisition[key] = float(draw(st.integers(1, 10**6)))
        return f"{locate(doc, acquisition)}/{key}"

    return apply


# ------------------------------------------------------------------------------------------
# Wells


def _well(doc: Document, version: str) -> dict[str, Any]:
    well: dict[str, Any] = meta_of(doc, version)["well"]
    return well


def _a_field(draw: st.DrawFn, doc: Document, version: str) -> dict[str, Any]:
    images = _well(doc, version)["images"]
    if not images:
        images.append({"path": "0"})
    field: dict[str, Any] = _pick(draw, images)
    return field


def _well_images_missing(draw: st.DrawFn, doc: Document, version: str) -> str:
    well = _well(doc, version)
    del well["images"]
    return locate(doc, well)


def _well_image_path_missing(draw: st.DrawFn, doc: Document, version: str) -> str:
    field = _a_field(draw, doc, version)
    del field["path"]
    return locate(doc, field)


def _well_image_path_invalid(draw: st.DrawFn, doc: Document, version: str) -> None:
    bad = ("0/1", "", "a b", "-1", "f.0", "é", "../0")
    _a_field(draw, doc, version)["path"] = draw(st.sampled_from(bad))


def _well_image_paths_not_unique(draw: st.DrawFn, doc: Document, version: str) -> None:
    field = _a_field(draw, doc, version)
    _well(doc, version)["images"].append(copy.deepcopy(field))


def _well_image_acquisition_missing(draw: st.DrawFn, doc: Document, version: str) -> str:
    images = _well(doc, version)["images"]
    paths = {image["path"] for image in images}
    while len(images) < 3:
        path = _fresh(paths, "f")
        paths.add(path)
        images.append({"path": path})
    first, second = draw(st.lists(st.integers(0, 2**31), min_size=2, max_size=2, unique=True))
    chosen = draw(st.permutations(range(len(images))))[:3]
    images[chosen[0]]["acquisition"] = first
    images[chosen[1]]["acquisition"] = second
    images[chosen[2]].pop("acquisition", None)
    return f"{locate(doc, images)}/{chosen[2]}"


def _well_acquisition_float(draw: st.DrawFn, doc: Document, version: str) -> str:
    field = _a_field(draw, doc, version)
    field["acquisition"] = float(draw(st.integers(0, 10)))
    return f"{locate(doc, field)}/acquisition"


def _well_version_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    _well(doc, version).pop("version", None)


# ------------------------------------------------------------------------------------------
# Versions and the document as a whole


def _has_version_holder(doc: Document, version: str) -> bool:
    meta = meta_of(doc, version)
    return any(key in meta for key in ("multiscales", "plate", "well", "image-label"))


def _set_first_version(doc: Document, version: str, value: Any) -> None:
    """Write ``value`` where the version of a 0.4 document is looked for first."""
    meta = meta_of(doc, version)
    if "multiscales" in meta:
        meta["multiscales"][0]["version"] = value
    else:
        for key in ("plate", "well", "image-label"):
            if key in meta:
                meta[key]["version"] = value
                return


def _version_invalid(draw: st.DrawFn, doc: Document, version: str) -> str:
    value = draw(st.sampled_from((5, 0.5, 0.4, ["0.5"], {"version": "0.5"}, True)))
    if version in UNNAMESPACED:
        _set_first_version(doc, version, value)
    else:
        doc["ome"]["version"] = value
    return ""  # the document as a whole cannot be judged


def _version_unknown(draw: st.DrawFn, doc: Document, version: str) -> str:
    value = draw(st.sampled_from(("9.9", "0.5.1", "v0.5", "0.4.0", "1.0", "")))
    if version in UNNAMESPACED:
        _set_first_version(doc, version, value)
    else:
        doc["ome"]["version"] = value
    return ""  # the document as a whole cannot be judged


def _version_mismatch(draw: st.DrawFn, doc: Document, version: str) -> str:
    other = "0.5" if version == "0.4" else "0.4"
    meta = meta_of(doc, version)
    holder: dict[str, Any]
    if version in UNNAMESPACED:
        multiscales = meta["multiscales"]
        multiscales[0]["version"] = version
        if "image-label" in meta and draw(st.booleans()):
            holder = meta["image-label"]
        else:
            multiscales.append(copy.deepcopy(multiscales[0]))
            holder = multiscales[-1]
    else:
        holders: list[str] = [key for key in ("plate", "well", "image-label") if key in meta]
        if "multiscales" in meta:
            holders.append("multiscales")
        key = draw(st.sampled_from(holders))
        holder = _pick(draw, meta["multiscales"]) if key == "multiscales" else meta[key]
    holder["version"] = other
    return f"{locate(doc, holder)}/version"


def _no_ome_metadata(draw: st.DrawFn, doc: Document, version: str) -> str:
    meta = meta_of(doc, version)
    for key in OME_KEYS:
        meta.pop(key, None)
    return locate(doc, meta)


def _ome_version_missing(draw: st.DrawFn, doc: Document, version: str) -> None:
    del doc["ome"]["version"]


def _ome_not_object(draw: st.DrawFn, doc: Document, version: str) -> None:
    ome = doc["ome"]
    doc["ome"] = draw(st.sampled_from(([ome], "0.5", 5, True)))


# ------------------------------------------------------------------------------------------
# The catalogue


def _m(
    label: str,
    code: str,
    kinds: frozenset[str] | str,
    apply: Apply,
    *,
    versions: frozenset[str] = LATER,
    should: bool = False,
    applies: Applies | None = None,
) -> Mutation:
    kind_set = frozenset({kinds}) if isinstance(kinds, str) else kinds
    return Mutation(label, code, kind_set, apply, versions, should, applies)


_ALL = frozenset(KINDS)

MUTATIONS: tuple[Mutation, ...] = (
    # axes
    _m("duplicate an axis name", "axis-names-not-unique", _IMAGES, _axis_names_not_unique),
    _m("remove an axis name", "axis-name-missing", _IMAGES, _axis_name_missing),
    _m("1 or 6 axes", "axes-count", _IMAGES, _axes_count),
    _m("1 or 4 space axes", "space-axes-count", _IMAGES, _space_axes_count),
    _m("two time axes", "time-axes-count", _IMAGES, _time_axes_count),
    _m("two channel/custom axes", "channel-axes-count", _IMAGES, _channel_axes_count),
    _m("axes out of order", "axes-order", _IMAGES, _axes_order),
    # transformations
    _m("translation before scale", "translation-before-scale", _IMAGES, _translation_before_scale),
    _m("scale of the wrong length", "scale-length-mismatch", _IMAGES, _scale_length_mismatch),
    _m(
        "translation of the wrong length",
        "translation-length-mismatch",
        _IMAGES,
        _translation_length_mismatch,
    ),
    _m("no scale or two", "scale-count", _IMAGES, _scale_count),
    _m("two translations", "translation-count", _IMAGES, _translation_count),
    _m(
        "a transformation of another type",
        "transformation-type-not-allowed",
        _IMAGES,
        _transformation_type_not_allowed,
    ),
    _m(
        "a transformation without type",
        "transformation-type-missing",
        _IMAGES,
        _transformation_type_missing,
    ),
    _m(
        "a transformation without vector or path",
        "transformation-parameters-missing",
        _IMAGES,
        _transformation_parameters_missing,
    ),
    _m(
        "a transformation with vector and path",
        "transformation-parameters-ambiguous",
        _IMAGES,
        _transformation_parameters_ambiguous,
    ),
    _m("a vector entry that is not a number", "wrong-type", _IMAGES, _vector_wrong_type),
    # datasets and multiscales
    *(
        _m(label, code, _IMAGES, apply, versions=_ALL_VERSIONS)
        for label, code, apply in (
            ("remove a dataset path", "dataset-path-missing", _dataset_path_missing),
            ("repeat a dataset", "dataset-paths-not-unique", _dataset_paths_not_unique),
            ("a dataset path leaving the group", "dataset-path-invalid", _dataset_path_invalid),
            ("no datasets", "datasets-empty", _datasets_empty),
            ("remove datasets", "multiscale-datasets-missing", _multiscale_key_missing("datasets")),
            ("no multiscales", "multiscales-empty", _multiscales_empty),
        )
    ),
    _m(
        "remove a dataset's transformations",
        "dataset-transformations-missing",
        _IMAGES,
        _dataset_transformations_missing,
    ),
    _m(
        "remove axes",
        "multiscale-axes-missing",
        _IMAGES,
        _multiscale_key_missing("axes"),
        versions=_FROM_03,
    ),
    # SHOULD rules of multiscales (from 0.2: 0.1 states none) and axes
    *(
        _m(
            f"remove the multiscale {key}",
            f"multiscale-{key}-missing",
            _IMAGES,
            _multiscale_key_missing(key),
            versions=versions,
            should=True,
        )
        for key, versions in (
            ("name", _FROM_02),
            ("version", _FROM_02 & _UP_TO_04),
            ("type", _FROM_02),
            ("metadata", _FROM_02),
        )
    ),
    _m("an axis without type", "axis-type-missing", _IMAGES, _axis_type_missing, should=True),
    _m("remove a unit", "axis-unit-missing", _IMAGES, _axis_unit_missing, should=True),
    _m("a unit not listed", "axis-unit-unknown", _IMAGES, _axis_unit_unknown, should=True),
    _m("x, y, z not zyx", "space-axes-not-zyx", _IMAGES, _space_axes_not_zyx, should=True),
    # omero
    _m("remove omero channels", "omero-channels-missing", _IMAGES, _omero_channels_missing),
    _m(
        "remove a channel colour",
        "channel-color-missing",
        _IMAGES,
        _channel_key_missing("color"),
    ),
    _m("a colour not of 6 hex digits", "channel-color-invalid", _IMAGES, _channel_color_invalid),
    _m(
        "remove a channel window",
        "channel-window-missing",
        _IMAGES,
        _channel_key_missing("window"),
    ),
    _m("remove a window field", "window-field-missing", _IMAGES, _window_field_missing),
    _m(
        "an integral float omero id or plane",
        "wrong-type",
        _IMAGES,
        _omero_integral_float,
        versions=_ALL_VERSIONS,
    ),
    # image-label
    *(
        _m(label, code, "label-image", apply, versions=_ALL_VERSIONS)
        for label, code, apply in (
            ("repeat a label value", "label-values-not-unique", _label_values_not_unique),
            ("remove a label value", "label-value-missing", _label_value_missing),
            ("an integral float label value", "wrong-type", _label_value_float),
            ("a bad rgba", "label-rgba-invalid", _label_rgba_invalid),
        )
    ),
    _m(
        "remove the label colours",
        "label-colors-missing",
        "label-image",
        _label_colors_missing,
        should=True,
    ),
    _m(
        "remove the image-label version",
        "image-label-version-missing",
        "label-image",
        _image_label_version_missing,
        versions=_V04,
        should=True,
    ),
    # labels groups, series, bioformats2raw
    _m(
        "a label path leaving the group",
        "labels-path-invalid",
        "labels",
        _path_invalid("labels"),
        versions=_ALL_VERSIONS,
    ),
    _m(
        "labels not a list of strings",
        "labels-invalid",
        "labels",
        _list_invalid("labels"),
        versions=_ALL_VERSIONS,
    ),
    _m(
        "a series path leaving the group",
        "series-path-invalid",
        "series",
        _path_invalid("series"),
    ),
    _m("series not a list of strings", "series-invalid", "series", _list_invalid("series")),
    _m("a layout other than 3", "bf2raw-layout-invalid", "bioformats2raw", _bf2raw_layout_invalid),
    _m("the layout 3.0", "wrong-type", "bioformats2raw", _bf2raw_layout_float),
    # plates
    *(
        _m(
            f"remove plate {key}",
            code,
            _PLATES,
            _plate_key_missing(key),
            versions=_ALL_VERSIONS,
            applies=_has_plate,
        )
        for key, code in (
            ("columns", "plate-columns-missing"),
            ("rows", "plate-rows-missing"),
            ("wells", "plate-wells-missing"),
        )
    ),
    *(
        _m(f"no plate {key}", code, _PLATES, _plate_list_empty(key), applies=_has_plate)
        for key, code in (("columns", "plate-columns-empty"), ("rows", "plate-rows-empty"))
    ),
    *(
        _m(f"remove a {what} name", code, _PLATES, _name_missing(key), applies=_has_plate)
        for key, what, code in (
            ("rows", "row", "row-name-missing"),
            ("columns", "column", "column-name-missing"),
        )
    ),
    *(
        _m(f"a {what} name not alphanumeric", code, _PLATES, _name_invalid(key), applies=_has_plate)
        for key, what, code in (
            ("rows", "row", "row-name-invalid"),
            ("columns", "column", "column-name-invalid"),
        )
    ),
    *(
        _m(f"repeat a {what} name", code, _PLATES, _names_not_unique(key), applies=_has_plate)
        for key, what, code in (
            ("rows", "row", "row-names-not-unique"),
            ("columns", "column", "column-names-not-unique"),
        )
    ),
    *(
        _m(
            f"{what} names differing in case",
            code,
            _PLATES,
            _names_case_collision(key),
            should=True,
            applies=_has_plate,
        )
        for key, what, code in (
            ("rows", "row", "row-names-case-collision"),
            ("columns", "column", "column-names-case-collision"),
        )
    ),
    _m(
        "field_count below 1",
        "field-count-invalid",
        _PLATES,
        _field_count_invalid,
        applies=_has_plate,
    ),
    _m(
        "repeat an acquisition id",
        "acquisition-ids-not-unique",
        _PLATES,
        _acquisition_ids_not_unique,
        versions=_ALL_VERSIONS,
        applies=_has_plate,
    ),
    _m(
        "a negative acquisition id",
        "acquisition-id-invalid",
        _PLATES,
        _acquisition_id_invalid,
        applies=_has_plate,
    ),
    _m(
        "remove an acquisition id",
        "acquisition-id-missing",
        _PLATES,
        _acquisition_key_missing("id"),
        versions=_ALL_VERSIONS,
        applies=_has_plate,
    ),
    _m(
        "maximumfieldcount below 1",
        "maximumfieldcount-invalid",
        _PLATES,
        _maximumfieldcount_invalid,
        applies=_has_plate,
    ),
    *(
        _m(
            f"remove a well's {key}",
            code,
            _PLATES,
            _well_key_missing(key),
            versions=versions,
            applies=_has_plate,
        )
        for key, code, versions in (
            ("path", "well-path-missing", _ALL_VERSIONS),
            ("rowIndex", "well-row-index-missing", LATER),
            ("columnIndex", "well-column-index-missing", LATER),
        )
    ),
    _m(
        "a malformed well path",
        "well-path-invalid",
        _PLATES,
        _well_path_invalid,
        applies=_has_plate,
    ),
    _m(
        "a well path naming no row",
        "well-path-row-unknown",
        _PLATES,
        _well_path_row_unknown,
        applies=_has_plate,
    ),
    _m(
        "a well path naming no column",
        "well-path-column-unknown",
        _PLATES,
        _well_path_column_unknown,
        applies=_has_plate,
    ),
    _m(
        "a well index out of range",
        "well-index-out-of-range",
        _PLATES,
        _well_index_out_of_range,
        applies=_has_plate,
    ),
    _m(
        "a well index naming another row/column",
        "well-index-mismatch",
        _PLATES,
        _well_index_mismatch,
        applies=_has_plate,
    ),
    _m(
        "repeat a well",
        "well-paths-not-unique",
        _PLATES,
        _well_paths_not_unique,
        applies=_has_plate,
    ),
    _m(
        "an integral float index or count",
        "wrong-type",
        _PLATES,
        _plate_integral_float("well", "field_count", "acquisition"),
        applies=_has_plate,
    ),
    *(
        _m(
            f"remove the plate {key}",
            code,
            _PLATES,
            _plate_key_missing(key),
            versions=versions,
            should=True,
            applies=_has_plate,
        )
        for key, code, versions in (
            ("name", "plate-name-missing", LATER),
            ("field_count", "plate-field-count-missing", LATER),
            ("version", "plate-version-missing", _V04),
        )
    ),
    *(
        _m(
            f"remove an acquisition {key}",
            code,
            _PLATES,
            _acquisition_key_missing(key),
            versions=_ALL_VERSIONS,
            should=True,
            applies=_has_plate,
        )
        for key, code in (
            ("name", "acquisition-name-missing"),
            ("maximumfieldcount", "acquisition-maximumfieldcount-missing"),
        )
    ),
    # wells
    *(
        _m(label, code, "well", apply, versions=_ALL_VERSIONS)
        for label, code, apply in (
            ("remove the well images", "well-images-missing", _well_images_missing),
            ("remove a field path", "well-image-path-missing", _well_image_path_missing),
            ("an integral float acquisition", "wrong-type", _well_acquisition_float),
        )
    ),
    _m(
        "a field path not alphanumeric", "well-image-path-invalid", "well", _well_image_path_invalid
    ),
    _m("repeat a field", "well-image-paths-not-unique", "well", _well_image_paths_not_unique),
    _m(
        "a field without acquisition among several",
        "well-image-acquisition-missing",
        "well",
        _well_image_acquisition_missing,
    ),
    _m(
        "remove the well version",
        "well-version-missing",
        "well",
        _well_version_missing,
        versions=_V04,
        should=True,
    ),
    # versions and documents
    *(
        _m(label, code, kinds, apply, versions=versions, applies=applies)
        for label, code, apply in (
            ("a version that is not a string", "version-invalid", _version_invalid),
            ("a version nobody knows", "version-unknown", _version_unknown),
        )
        for kinds, versions, applies in (
            (_ALL - {"labels", "series"}, _UP_TO_04, _has_version_holder),
            (_ALL, _V05, None),
        )
    ),
    _m(
        "versions that disagree",
        "version-mismatch",
        _IMAGES,
        _version_mismatch,
        versions=_UP_TO_04,
    ),
    _m(
        "versions that disagree",
        "version-mismatch",
        _ALL - {"labels", "series"},
        _version_mismatch,
        versions=_V05,
        applies=_has_version_holder,
    ),
    _m("remove every OME key", "no-ome-metadata", _ALL, _no_ome_metadata, versions=_ALL_VERSIONS),
    _m("remove ome.version", "ome-version-missing", _ALL, _ome_version_missing, versions=_V05),
    _m("ome not an object", "ome-not-object", _ALL, _ome_not_object, versions=_V05),
)


__all__ = ["LATER", "MUTATIONS", "Mutation", "locate"]

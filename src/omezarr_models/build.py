"""Builders: concise, typed constructors of OME-Zarr metadata, for every version.

Each builder takes plain Python values with sensible defaults, checks every argument (a
:class:`BuildError` names the argument and says why it is refused) and returns the typed model
of the version asked for (``version="0.1"`` ... ``"0.5"``, ``"0.6rc0"``), validated on
construction.

>>> from omezarr_models import build
>>> ms = build.multiscale("czyx", pixel_size={"z": 0.5, "y": 0.1, "x": 0.1},
...                       units="micrometer", levels=3, version="0.4")
>>> [d.coordinateTransformations[0].scale for d in ms.datasets]
[[1.0, 0.5, 0.1, 0.1], [1.0, 0.5, 0.2, 0.2], [1.0, 0.5, 0.4, 0.4]]
>>> image = build.image(ms, omero=build.omero(["DAPI", "GFP"], dtype="uint16", version="0.4"),
...                     version="0.4")
>>> image.multiscales[0].axes[0].type
'channel'

Numbers are exact: scales and translations are computed on the decimals given (``0.1 * 3`` is
written ``0.3``), then written as the nearest float.
"""

from __future__ import annotations

import colorsys
import importlib
import re
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from functools import cache
from types import ModuleType
from typing import Any

from pydantic import ValidationError

from omezarr_models._base import OmeModel
from omezarr_models._numbers import dtype_window, exact, number
from omezarr_models.errors import OmeZarrError

__all__ = [
    "BuildError",
    "axes",
    "bioformats2raw",
    "image",
    "image_label",
    "label_image",
    "labels",
    "multiscale",
    "omero",
    "plate",
    "series",
    "well",
    "wells_for",
]

VERSIONS = ("0.1", "0.2", "0.3", "0.4", "0.5", "0.6rc0")
_EARLY = ("0.1", "0.2", "0.3")
_NAMESPACED = ("0.5", "0.6rc0")
_IMPLIED = {"t": "time", "c": "channel", "z": "space", "y": "space", "x": "space"}
_NAMED_COLORS = {
    "red": "FF0000",
    "green": "00FF00",
    "blue": "0000FF",
    "cyan": "00FFFF",
    "magenta": "FF00FF",
    "yellow": "FFFF00",
    "white": "FFFFFF",
    "gray": "808080",
    "grey": "808080",
}
#: Default channel colours, in order (one channel alone is white).
_CHANNEL_COLORS = ("0000FF", "00FF00", "FF0000", "FF00FF", "00FFFF", "FFFF00", "FFFFFF")


class BuildError(OmeZarrError, ValueError):
    """An argument of a builder cannot make valid metadata.

    Attributes
    ----------
    argument
        The name of the offending argument.
    reason
        Why it is refused.
    """

    def __init__(self, argument: str, reason: str) -> None:
        self.argument = argument
        self.reason = reason
        super().__init__(f"{argument}: {reason}")


# ------------------------------------------------------------------------------------------
# Helpers


def _module(version: str) -> ModuleType:
    if version not in VERSIONS:
        raise BuildError("version", f"{version!r} is not one of {', '.join(VERSIONS)}")
    return importlib.import_module(f"omezarr_models.v{version[:3].replace('.', '')}")


def _model(version: str, name: str, data: dict[str, Any], argument: str) -> Any:
    cls = getattr(_module(version), name, None)
    if cls is None:
        raise BuildError("version", f"OME-Zarr {version} has no {name}")
    try:
        return cls.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BuildError(argument, f"{first['msg']}") from None


def _json(value: Any) -> Any:
    return value.to_json_dict() if isinstance(value, OmeModel) else value


@cache
def _units() -> dict[str, frozenset[str]]:
    from omezarr_models.schemas import load_schema

    defs = load_schema("0.4", "should", strict=True)["$defs"]
    return {
        kind: frozenset(defs[f"{kind}Unit"]["properties"]["unit"]["enum"])
        for kind in ("space", "time")
    }


def _number(value: Any, argument: str, *, positive: bool = False) -> Fraction:
    if isinstance(value, bool) or not isinstance(value, int | float | str | Fraction):
        raise BuildError(argument, f"{value!r} is not a number")
    try:
        out = exact(value)
    except (ValueError, ZeroDivisionError):
        raise BuildError(argument, f"{value!r} is not a finite number") from None
    if positive and out <= 0:
        raise BuildError(argument, f"{value!r} must be positive")
    return out


def _per_axis(
    value: Any, names: list[str], argument: str, default: Any, *, applies_to: Iterable[str]
) -> dict[str, Any]:
    """A mapping by axis name, from a mapping or one value for the ``applies_to`` axes."""
    if value is None:
        return dict.fromkeys(names, default)
    if isinstance(value, Mapping):
        unknown = [k for k in value if k not in names]
        if unknown:
            raise BuildError(argument, f"no axis named {unknown[0]!r} (axes: {''.join(names)})")
        return {n: value.get(n, default) for n in names}
    wanted = set(applies_to)
    return {n: (value if n in wanted else default) for n in names}


# ------------------------------------------------------------------------------------------
# Axes and multiscales


def _axis_names(spec: str | Sequence[str], argument: str = "axes") -> list[str]:
    names = list(spec)
    if not names or not all(isinstance(n, str) and n for n in names):
        raise BuildError(argument, f"{spec!r}: give axis names, e.g. 'tczyx' or ['c', 'y', 'x']")
    if len(set(names)) != len(names):
        raise BuildError(argument, f"{spec!r}: axis names must be unique")
    return names


def axes(
    names: str | Sequence[str] = "tczyx",
    *,
    types: Mapping[str, str] | None = None,
    units: str | Mapping[str, str] | None = None,
    version: str = "0.5",
) -> list[Any]:
    """The ``axes`` of a multiscale: ``Axis`` models (0.4+) or names (0.3).

    Parameters
    ----------
    names
        Axis names in array order: a string of one-letter names (``"tczyx"``) or a list.
    types
        Types by name; t, c, z, y, x get time, channel, space, space, space unless given here.
        Other names need a type here (else they have none, as the spec allows).
    units
        Units by name, or one unit for every space axis (``"micrometer"``). Space and time
        units must be ones the spec lists (UDUNITS-2 names).
    version
        ``"0.3"`` (names only: the axes must be a subsequence of t, c, z, y, x ending with y, x),
        ``"0.4"``, ``"0.5"`` or ``"0.6rc0"``. 0.1 and 0.2 have no axes (their images are t, c,
        z, y, x).

    Raises
    ------
    BuildError
        Naming ``names``, ``types``, ``units`` or ``version``.
    """
    module = _module(version)
    axis_names = _axis_names(names, "names")
    if version in ("0.1", "0.2"):
        raise BuildError("version", f"{version} has no axes: its images are 5-D, t, c, z, y, x")
    given_types = dict(types or {})
    for key in given_types:
        if key not in axis_names:
            raise BuildError("types", f"no axis named {key!r} (axes: {''.join(axis_names)})")
    kinds = {n: given_types.get(n, _IMPLIED.get(n)) for n in axis_names}
    space = [n for n in axis_names if kinds[n] == "space"]
    unit_map = _per_axis(units, axis_names, "units", None, applies_to=space)
    if version == "0.3":
        if any(u is not None for u in unit_map.values()) or types:
            raise BuildError("units" if units else "types", "0.3 axes are names only")
        order = "tczyx"
        if (
            not set(axis_names) <= set(order)
            or axis_names != sorted(axis_names, key=order.index)
            or axis_names[-2:] != ["y", "x"]
        ):
            raise BuildError(
                "names", f"{''.join(axis_names)}: 0.3 axes are t, c, z, y, x in order, ending y, x"
            )
        return axis_names
    out = []
    for name in axis_names:
        obj: dict[str, Any] = {"name": name}
        if kinds[name] is not None:
            obj["type"] = kinds[name]
        unit = unit_map[name]
        if unit is not None:
            if not isinstance(unit, str):
                raise BuildError("units", f"the unit of {name!r} must be a string, not {unit!r}")
            kind = kinds[name]
            allowed = _units().get(kind or "")
            if allowed is not None and unit not in allowed:
                raise BuildError(
                    "units",
                    f"{unit!r} is not a {kind} unit the spec lists (e.g. "
                    f"{'micrometer, nanometer' if kind == 'space' else 'second, millisecond'})",
                )
            obj["unit"] = unit
        out.append(obj)
    try:
        models = [module.Axis.model_validate(a) for a in out]
    except ValidationError as exc:
        raise BuildError("names", exc.errors()[0]["msg"]) from None
    return models


def multiscale(
    axes: str | Sequence[str] = "tczyx",
    *,
    pixel_size: float | Mapping[str, float] | None = None,
    units: str | Mapping[str, str] | None = None,
    types: Mapping[str, str] | None = None,
    levels: int = 1,
    factors: Mapping[str, int | float] | None = None,
    translation: Mapping[str, float] | None = None,
    name: str | None = None,
    type: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    paths: Sequence[str] | None = None,
    coordinate_system: str = "intrinsic",
    version: str = "0.5",
) -> Any:
    """One multiscale: axes, one dataset per level and their scales.

    Parameters
    ----------
    axes
        Axis names in array order (``"tczyx"``, ``"cyx"``, ``["c", "y", "x"]``); types and units
        as in :func:`axes`. 0.1/0.2 images are always t, c, z, y, x.
    pixel_size
        The scale of level 0, by axis name (``{"z": 0.5, "y": 0.1, "x": 0.1}``), or one value for
        every space axis; other axes get 1.
    units, types
        As for :func:`axes`.
    levels
        The number of resolution levels (datasets).
    factors
        The downsampling factor between consecutive levels, by axis name; default 2 for y and x,
        1 for the others. Level ``i`` has scale ``pixel_size * factor ** i``.
    translation
        The position of level 0's first pixel, by axis name. Each lower level is shifted by half
        its extra pixel size, ``(scale_i - scale_0) / 2``, so that the levels stay aligned.
    name, type, metadata
        The multiscale's name, downscaling method and its metadata (``type``/``metadata`` from 0.2).
    paths
        The dataset paths (default ``"0"``, ``"1"``, ...).
    coordinate_system
        0.6rc0: the name of the intrinsic coordinate system (the axes), which every level maps
        into (a scale, or a sequence of scale and translation).
    version
        ``"0.1"`` ... ``"0.5"``, ``"0.6rc0"``. Before 0.4 there are no transformations:
        ``pixel_size``, ``units`` and ``translation`` are refused there.

    Returns
    -------
    Multiscale
        The model of the version's façade.

    Raises
    ------
    BuildError
        Naming the argument that is wrong.
    """
    module = _module(version)
    names = _axis_names(axes)
    if isinstance(levels, bool) or not isinstance(levels, int) or levels < 1:
        raise BuildError("levels", f"{levels!r}: give a whole number of levels, at least 1")
    level_paths = [str(i) for i in range(levels)] if paths is None else list(paths)
    if len(level_paths) != levels:
        raise BuildError("paths", f"{len(level_paths)} paths for {levels} levels")
    if len(set(level_paths)) != len(level_paths):
        raise BuildError("paths", "dataset paths must be unique")
    for p in level_paths:
        if not isinstance(p, str) or not p or p.startswith("/") or ".." in p.split("/"):
            raise BuildError("paths", f"{p!r} is not a relative path inside the image group")
    data: dict[str, Any] = {}
    if version not in _NAMESPACED:
        data["version"] = version
    if name is not None:
        if not isinstance(name, str):
            raise BuildError("name", f"{name!r} is not a string")
        data["name"] = name
    if version in _EARLY:
        for arg, value in (
            ("pixel_size", pixel_size),
            ("units", units),
            ("translation", translation),
        ):
            if value is not None:
                raise BuildError(arg, f"{version} has no coordinate transformations or units")
        if version in ("0.1", "0.2") and names != list("tczyx"):
            raise BuildError(
                "axes", f"{version} images are 5-D t, c, z, y, x, not {''.join(names)}"
            )
        if version == "0.3":
            data["axes"] = _axes_json(names, types, None, version)
        if factors is not None:
            _factors(factors, names)  # checked, though only the array shapes carry them
    else:
        data["axes"] = _axes_json(names, types, units, version)
        kinds = {a["name"]: a.get("type") for a in data["axes"]}
        space = [n for n in names if kinds[n] == "space"]
        base = {
            n: _number(v, "pixel_size", positive=True)
            for n, v in _per_axis(pixel_size, names, "pixel_size", 1, applies_to=space).items()
        }
        step = _factors(factors, names)
        origin = None
        if translation is not None:
            origin = {
                n: _number(v, "translation")
                for n, v in _per_axis(translation, names, "translation", 0, applies_to=()).items()
            }
        datasets = []
        for i, path in enumerate(level_paths):
            scale = {n: base[n] * step[n] ** i for n in names}
            cts: list[dict[str, Any]] = [
                {"type": "scale", "scale": [number(scale[n]) for n in names]}
            ]
            if origin is not None:
                shift = [number(origin[n] + (scale[n] - base[n]) / 2) for n in names]
                cts.append({"type": "translation", "translation": shift})
            datasets.append({"path": path, "coordinateTransformations": cts})
        data["datasets"] = datasets
    if version in _EARLY:
        data["datasets"] = [{"path": p} for p in level_paths]
    if type is not None:
        if version == "0.1":
            raise BuildError("type", "0.1 multiscales have no 'type'")
        if not isinstance(type, str):
            raise BuildError("type", f"{type!r} is not a string")
        data["type"] = type
    if metadata is not None:
        if version == "0.1":
            raise BuildError("metadata", "0.1 multiscales have no 'metadata'")
        if not isinstance(metadata, Mapping):
            raise BuildError("metadata", f"{metadata!r} is not a mapping")
        data["metadata"] = dict(metadata)
    if version == "0.6rc0":
        data = _coordinate_system(data, coordinate_system)
    return _model(version, "Multiscale", data, "axes") if module else None


def _coordinate_system(data: dict[str, Any], name: str) -> dict[str, Any]:
    """0.6rc0: the axes become the intrinsic coordinate system ``name``, the levels' scales (and
    translations) transformations from each level's array into it."""
    if not isinstance(name, str) or not name:
        raise BuildError("coordinate_system", f"{name!r}: give a non-empty name")
    out = {k: v for k, v in data.items() if k != "axes"}
    out["coordinateSystems"] = [{"name": name, "axes": data["axes"]}]
    for ds in out["datasets"]:
        cts = ds["coordinateTransformations"]
        ends = {"input": {"path": ds["path"]}, "output": {"name": name}}
        if len(cts) == 1:
            ds["coordinateTransformations"] = [{**cts[0], **ends}]
        else:
            ds["coordinateTransformations"] = [{"type": "sequence", **ends, "transformations": cts}]
    return out


def _axes_json(
    names: list[str],
    types: Mapping[str, str] | None,
    units: str | Mapping[str, str] | None,
    version: str,
) -> list[Any]:
    built = axes(names, types=types, units=units, version=version)
    return [_json(a) for a in built]


def _factors(factors: Mapping[str, int | float] | None, names: list[str]) -> dict[str, Fraction]:
    if factors is None:
        return {n: Fraction(2 if n in ("y", "x") else 1) for n in names}
    if not isinstance(factors, Mapping):
        raise BuildError(
            "factors", f"{factors!r}: give factors by axis name, e.g. {{'y': 2, 'x': 2}}"
        )
    out = {}
    for n, v in _per_axis(factors, names, "factors", 1, applies_to=()).items():
        f = _number(v, "factors", positive=True)
        if f < 1:
            raise BuildError("factors", f"the factor of {n!r} is {v!r}; levels shrink: use >= 1")
        out[n] = f
    return out


def image(
    multiscales: Any | Sequence[Any],
    *,
    omero: Any | None = None,
    version: str = "0.5",
) -> Any:
    """An image group's metadata: one or more multiscales (from :func:`multiscale`) and omero.

    Raises
    ------
    BuildError
        ``multiscales`` empty or of another version, ``omero`` not an omero model/dict.
    """
    items = [multiscales] if not isinstance(multiscales, Sequence) else list(multiscales)
    if not items:
        raise BuildError("multiscales", "give at least one multiscale")
    data: dict[str, Any] = {"multiscales": [_json(m) for m in items]}
    if omero is not None:
        data["omero"] = _json(omero)
    return _document(version, "Image", data, "multiscales")


def _document(version: str, name: str, data: dict[str, Any], argument: str) -> Any:
    if version in _NAMESPACED:
        data = {"version": version, **data}
    return _model(version, name, data, argument)


# ------------------------------------------------------------------------------------------
# omero


def _color(value: Any, argument: str) -> str:
    if not isinstance(value, str):
        raise BuildError(argument, f"{value!r}: give 6 hexadecimal digits (RRGGBB) or a name")
    text = _NAMED_COLORS.get(value.lower(), value.removeprefix("#"))
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", text):
        raise BuildError(
            argument,
            f"{value!r}: give 6 hexadecimal digits (RRGGBB) or one of {', '.join(_NAMED_COLORS)}",
        )
    return text.upper()


def omero(
    channels: Sequence[str],
    *,
    colors: Sequence[str] | None = None,
    dtype: Any = "uint16",
    windows: Sequence[tuple[float, float]] | None = None,
    active: bool | Sequence[bool] = True,
    name: str | None = None,
    version: str = "0.5",
) -> Any:
    """Omero rendering metadata: one channel per name, coloured, with a window from the data type.

    Parameters
    ----------
    channels
        The channel labels, in the order of the c axis.
    colors
        One colour per channel (``"00FF00"``, ``"#00ff00"`` or a name: red, green, blue, cyan,
        magenta, yellow, white, gray); default: blue, green, red, magenta, cyan, yellow, white
        (a single channel is white).
    dtype
        The image data type: the window spans its range (integers) or [0, 1] (floats).
    windows
        ``(start, end)`` per channel (default the whole range).
    active
        Whether channels are shown: one value for all, or one per channel.
    name
        The image name shown by viewers.

    Raises
    ------
    BuildError
        Naming the argument that is wrong.
    """
    labels_ = list(channels) if not isinstance(channels, str) else None
    if not labels_ or not all(isinstance(c, str) for c in labels_):
        raise BuildError("channels", f"{channels!r}: give a list of channel names")
    n = len(labels_)
    if colors is None:
        chosen = (
            ["FFFFFF"] if n == 1 else [_CHANNEL_COLORS[i % len(_CHANNEL_COLORS)] for i in range(n)]
        )
    else:
        if isinstance(colors, str) or len(colors) != n:
            raise BuildError("colors", f"give one colour per channel ({n})")
        chosen = [_color(c, "colors") for c in colors]
    try:
        low, high = dtype_window(dtype)
    except ValueError as exc:
        raise BuildError("dtype", str(exc)) from None
    if windows is not None and (isinstance(windows, str) or len(windows) != n):
        raise BuildError("windows", f"give one (start, end) per channel ({n})")
    flags = [active] * n if isinstance(active, bool) else list(active)
    if len(flags) != n or not all(isinstance(a, bool) for a in flags):
        raise BuildError("active", f"give True/False, or one per channel ({n})")
    out = []
    for i, label in enumerate(labels_):
        start: int | float = low
        end: int | float = high
        if windows is not None:
            pair = windows[i]
            if len(pair) != 2:
                raise BuildError("windows", f"channel {i}: give (start, end)")
            start = number(
                _number(pair[0], "windows"), integral_as_float=isinstance(pair[0], float)
            )
            end = number(_number(pair[1], "windows"), integral_as_float=isinstance(pair[1], float))
            if not low <= start <= end <= high:
                raise BuildError(
                    "windows", f"channel {i}: ({pair[0]}, {pair[1]}) is not within {low}..{high}"
                )
        out.append(
            {
                "active": flags[i],
                "coefficient": 1,
                "color": chosen[i],
                "family": "linear",
                "inverted": False,
                "label": label,
                "window": {"min": low, "max": high, "start": start, "end": end},
            }
        )
    data: dict[str, Any] = {"channels": out, "rdefs": {"model": "color" if n > 1 else "greyscale"}}
    if name is not None:
        data["name"] = name
    return _model(version, "Omero", data, "channels")


# ------------------------------------------------------------------------------------------
# Labels


def _distinct_colors(n: int) -> list[list[int]]:
    """``n`` well separated opaque colours (hues spaced by the golden ratio)."""
    out = []
    hue = 0.0
    for _ in range(n):
        r, g, b = colorsys.hsv_to_rgb(hue, 0.85, 0.95)
        out.append([round(r * 255), round(g * 255), round(b * 255), 255])
        hue = (hue + 0.618033988749895) % 1.0
    return out


def _rgba(value: Any, argument: str) -> list[int]:
    if isinstance(value, str):
        text = (
            _color(value, argument)
            if len(value.removeprefix("#")) != 8
            else value.removeprefix("#")
        )
        if not re.fullmatch(r"[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?", text):
            raise BuildError(argument, f"{value!r}: give RRGGBB, RRGGBBAA or [r, g, b, a]")
        parts = [int(text[i : i + 2], 16) for i in range(0, len(text), 2)]
        return parts + [255] * (4 - len(parts))
    if isinstance(value, Sequence) and len(value) in (3, 4):
        parts = list(value)
        if all(isinstance(p, int) and not isinstance(p, bool) and 0 <= p <= 255 for p in parts):
            return parts + [255] * (4 - len(parts))
    raise BuildError(argument, f"{value!r}: give RRGGBB, RRGGBBAA or [r, g, b(, a)] of 0..255")


def image_label(
    values: Sequence[int] | Mapping[int, Any],
    *,
    colors: Sequence[Any] | None = None,
    properties: Mapping[int, Mapping[str, Any]] | None = None,
    source: str | None = "../../",
    version: str = "0.5",
) -> Any:
    """The ``image-label`` metadata: a colour per label value, and their properties.

    Parameters
    ----------
    values
        The label values (integers), or a mapping value -> colour.
    colors
        One colour per value (``"FF0000"``, ``"FF000080"``, ``[255, 0, 0, 128]``); default
        distinct opaque colours. Not with a mapping ``values``.
    properties
        Per label value, a mapping of properties (``{1: {"class": "nucleus"}}``); from 0.2.
    source
        The path to the labelled image (default ``"../../"``); None leaves it out.

    Raises
    ------
    BuildError
        Naming the argument that is wrong.
    """
    if isinstance(values, Mapping):
        if colors is not None:
            raise BuildError("colors", "the colours are already given by the values mapping")
        pairs = list(values.items())
    else:
        listed = list(values)
        if colors is not None and (isinstance(colors, str) or len(colors) != len(listed)):
            raise BuildError("colors", f"give one colour per value ({len(listed)})")
        chosen = list(colors) if colors is not None else _distinct_colors(len(listed))
        pairs = list(zip(listed, chosen, strict=True))
    seen: set[int] = set()
    entries = []
    for value, color in pairs:
        if isinstance(value, bool) or not isinstance(value, int):
            raise BuildError("values", f"{value!r}: label values are integers")
        if value in seen:
            raise BuildError("values", f"label value {value} is given twice")
        seen.add(value)
        entries.append({"label-value": value, "rgba": _rgba(color, "colors")})
    data: dict[str, Any] = {"colors": entries}
    if version not in _NAMESPACED:
        data = {"version": version, **data}
    if properties:
        if version == "0.1":
            raise BuildError("properties", "0.1 label images have no properties")
        props = []
        for value, extra in properties.items():
            if value not in seen:
                raise BuildError("properties", f"label value {value!r} is not among the values")
            if not isinstance(extra, Mapping):
                raise BuildError("properties", f"the properties of {value} must be a mapping")
            props.append({"label-value": value, **dict(extra)})
        data["properties"] = props
    if source is not None:
        data["source"] = {"image": source}
    return _model(version, "ImageLabel", data, "values")


def label_image(multiscales: Any, image_label: Any, *, version: str = "0.5") -> Any:
    """A label image group's metadata: its multiscale(s) and ``image-label``."""
    items = [multiscales] if not isinstance(multiscales, Sequence) else list(multiscales)
    data = {"multiscales": [_json(m) for m in items], "image-label": _json(image_label)}
    return _document(version, "LabelImage", data, "multiscales")


def labels(names: Sequence[str], *, version: str = "0.5") -> Any:
    """The ``labels`` group's metadata: the paths of its label images."""
    listed = list(names) if not isinstance(names, str) else None
    if listed is None or not all(isinstance(n, str) and n for n in listed):
        raise BuildError("names", f"{names!r}: give a list of label image paths")
    if len(set(listed)) != len(listed):
        raise BuildError("names", "label image paths must be unique")
    return _document(version, "Labels", {"labels": listed}, "names")


# ------------------------------------------------------------------------------------------
# Plates and wells


def _row_range(spec: Any) -> list[str]:
    if isinstance(spec, str):
        m = re.fullmatch(r"\s*([A-Za-z]+)\s*(?:-|\.\.)\s*([A-Za-z]+)\s*", spec)
        if m:
            a, b = _letters_index(m.group(1)), _letters_index(m.group(2))
            if a > b:
                raise BuildError("rows", f"{spec!r}: the range runs backwards")
            return [_letters(i) for i in range(a, b + 1)]
        raise BuildError(
            "rows", f"{spec!r}: give a range like 'A-P' (or 'A..P') or a list of names"
        )
    return [_name(r, "rows") for r in spec]


def _column_range(spec: Any) -> list[str]:
    if isinstance(spec, str):
        m = re.fullmatch(r"\s*(\d+)\s*(?:-|\.\.)\s*(\d+)\s*", spec)
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            if a > b:
                raise BuildError("columns", f"{spec!r}: the range runs backwards")
            return [str(i) for i in range(a, b + 1)]
        raise BuildError("columns", f"{spec!r}: give a range like '1-24', range(1, 25) or names")
    return [_name(c, "columns") for c in spec]


def _letters_index(text: str) -> int:
    out = 0
    for ch in text.upper():
        out = out * 26 + (ord(ch) - ord("A") + 1)
    return out - 1


def _letters(index: int) -> str:
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(ord("A") + rem) + out
    return out


def _name(value: Any, argument: str) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BuildError(argument, f"{value!r} is not a name")
    text = str(value)
    if not text.isalnum() or not text.isascii():
        raise BuildError(argument, f"{text!r}: names are alphanumeric")
    return text


def plate(
    rows: str | Iterable[str] = "A-H",
    columns: str | Iterable[int | str] = range(1, 13),
    *,
    wells: Iterable[str | tuple[str, int | str]] | None = None,
    acquisitions: Sequence[str | Mapping[str, Any]] | None = None,
    fields: int | None = None,
    name: str | None = None,
    version: str = "0.5",
) -> Any:
    """A plate: rows, columns, the wells present and the acquisitions.

    Parameters
    ----------
    rows
        Row names: a range ``"A-P"``/``"A..P"`` (``"A-AF"`` for 1536-well plates) or a list.
    columns
        Column names: ``range(1, 25)``, ``"1-24"`` or a list.
    wells
        The wells present, as ``"B/3"`` or ``("B", 3)``; default every well.
    acquisitions
        Names (ids 0, 1, ...) or objects with ``id``, ``name``, ``starttime``...
    fields
        The most fields of view per well (``field_count``; each acquisition's
        ``maximumfieldcount``).
    name
        The plate name.

    Returns
    -------
    Plate
        The plate group's metadata model (use :func:`wells_for` for its wells).

    Raises
    ------
    BuildError
        Naming the argument that is wrong (a well outside the rows/columns, duplicate names...).
    """
    row_names = _row_range(rows)
    column_names = _column_range(columns)
    for argument, names_ in (("rows", row_names), ("columns", column_names)):
        if not names_:
            raise BuildError(argument, "give at least one")
        if len(set(names_)) != len(names_):
            raise BuildError(argument, "names must be unique")
    cells: list[tuple[str, str]] = []
    if wells is None:
        cells = [(r, c) for r in row_names for c in column_names]
    else:
        for w in wells:
            if isinstance(w, str):
                row, sep, column = w.partition("/")
                if not sep:
                    raise BuildError("wells", f"{w!r}: give 'ROW/COLUMN', e.g. 'B/3'")
            else:
                row, column = str(w[0]), str(w[1])
            if row not in row_names:
                raise BuildError(
                    "wells", f"{w!r}: no row {row!r} (rows {row_names[0]}..{row_names[-1]})"
                )
            if column not in column_names:
                raise BuildError(
                    "wells",
                    f"{w!r}: no column {column!r} (columns {column_names[0]}..{column_names[-1]})",
                )
            if (row, column) in cells:
                raise BuildError("wells", f"{w!r} is listed twice")
            cells.append((row, column))
    if fields is not None and (
        isinstance(fields, bool) or not isinstance(fields, int) or fields < 1
    ):
        raise BuildError("fields", f"{fields!r}: give a positive number of fields")
    meta: dict[str, Any] = {}
    if version not in _NAMESPACED:
        meta["version"] = version
    if name is not None:
        meta["name"] = name
    meta["rows"] = [{"name": r} for r in row_names]
    meta["columns"] = [{"name": c} for c in column_names]
    well_list = []
    for r, c in cells:
        entry: dict[str, Any] = {"path": f"{r}/{c}"}
        if version not in _EARLY:
            entry["rowIndex"] = row_names.index(r)
            entry["columnIndex"] = column_names.index(c)
        well_list.append(entry)
    meta["wells"] = well_list
    if fields is not None:
        meta["field_count"] = fields
    if acquisitions is not None:
        acqs = []
        for i, a in enumerate(acquisitions):
            if isinstance(a, str):
                obj: dict[str, Any] = {"id": i, "name": a}
            elif isinstance(a, Mapping):
                obj = {"id": i, **dict(a)}
            else:
                raise BuildError("acquisitions", f"{a!r}: give a name or a mapping")
            if fields is not None:
                obj.setdefault("maximumfieldcount", fields)
            acqs.append(obj)
        ids = [a["id"] for a in acqs]
        if len(set(ids)) != len(ids):
            raise BuildError("acquisitions", "acquisition ids must be unique")
        meta["acquisitions"] = acqs
    return _document(version, "Plate", {"plate": meta}, "wells")


def well(
    fields: int | Sequence[str] = 1,
    *,
    acquisitions: Sequence[int] | None = None,
    version: str = "0.5",
) -> Any:
    """A well: its fields of view, each in every acquisition given (paths 0, 1, 2, ...)."""
    images: list[dict[str, Any]] = []
    if isinstance(fields, int) and not isinstance(fields, bool):
        if fields < 1:
            raise BuildError("fields", f"{fields}: give a positive number of fields")
        count = fields
    else:
        raise BuildError("fields", f"{fields!r}: give the number of fields of view")
    for acq in acquisitions if acquisitions else [None]:
        for _ in range(count):
            img: dict[str, Any] = {"path": str(len(images))}
            if acq is not None:
                img["acquisition"] = acq
            images.append(img)
    data: dict[str, Any] = {"images": images}
    if version not in _NAMESPACED:
        data = {"version": version, **data}
    return _document(version, "Well", {"well": data}, "fields")


def wells_for(plate: Any, *, fields: int | Mapping[str, int] = 1) -> dict[str, Any]:
    """The metadata of every well group of ``plate`` (a model from :func:`plate`), by path.

    Each well lists ``fields`` fields of view (or ``fields[path]``, default 1) for every
    acquisition of the plate, naming its acquisition when the plate has any.

    Raises
    ------
    BuildError
        ``plate`` is not a plate model, ``fields`` names a well the plate lacks or asks for more
        fields than the plate's ``field_count``.
    """
    version = getattr(type(plate), "ome_version", None)
    meta = getattr(plate, "plate", None)
    if version is None or meta is None:
        raise BuildError("plate", f"{plate!r} is not a plate model (build.plate)")
    data = meta.to_json_dict()
    paths = [w["path"] for w in data["wells"]]
    counts = dict.fromkeys(paths, fields) if isinstance(fields, int) else dict.fromkeys(paths, 1)
    if isinstance(fields, Mapping):
        for key, value in fields.items():
            if key not in counts:
                raise BuildError("fields", f"the plate has no well {key!r}")
            counts[key] = value
    limit = data.get("field_count")
    acq_ids = [a["id"] for a in data.get("acquisitions") or []]
    out = {}
    for path in paths:
        n = counts[path]
        if isinstance(n, bool) or not isinstance(n, int) or n < 1:
            raise BuildError("fields", f"{path}: {n!r} is not a positive number of fields")
        if limit is not None and n > limit:
            raise BuildError(
                "fields", f"{path}: {n} fields, more than the plate's field_count {limit}"
            )
        out[path] = well(n, acquisitions=acq_ids or None, version=version)
    return out


# ------------------------------------------------------------------------------------------
# bioformats2raw


def series(paths: int | Sequence[str], *, version: str = "0.5") -> Any:
    """The ``OME`` group's metadata of a bioformats2raw collection: its images' paths."""
    if version in _EARLY:
        raise BuildError("version", f"{version} has no bioformats2raw collections (from 0.4)")
    listed: list[str]
    if isinstance(paths, bool):
        raise BuildError("paths", f"{paths!r}: give a number of images or a list of paths")
    if isinstance(paths, int):
        if paths < 1:
            raise BuildError("paths", "give at least one image")
        listed = [str(i) for i in range(paths)]
    elif isinstance(paths, str) or not all(isinstance(p, str) and p for p in paths):
        raise BuildError("paths", f"{paths!r}: give a number of images or a list of paths")
    else:
        listed = list(paths)
    return _document(version, "Series", {"series": listed}, "paths")


def bioformats2raw(
    series: int | Sequence[str] | None = None,
    *,
    plate: Any | None = None,
    version: str = "0.5",
) -> tuple[Any, Any | None]:
    """A bioformats2raw collection: the root group's metadata, and its ``OME`` group's.

    Parameters
    ----------
    series
        The images: a number (paths ``"0"``, ``"1"``, ...) or their paths; None: no ``OME``
        series list (the images are then found as 0, 1, 2, ...).
    plate
        A plate model (from :func:`plate`) when the collection is a plate.

    Returns
    -------
    tuple
        ``(Bioformats2Raw, Series or None)`` models.
    """
    if version in _EARLY:
        raise BuildError("version", f"{version} has no bioformats2raw collections (from 0.4)")
    data: dict[str, Any] = {"bioformats2raw.layout": 3}
    if plate is not None:
        if getattr(plate, "plate", None) is None:
            raise BuildError("plate", f"{plate!r} is not a plate model (build.plate)")
        data["plate"] = plate.plate.to_json_dict()
    root = _document(version, "Bioformats2Raw", data, "plate")
    listing = None if series is None else globals()["series"](series, version=version)
    return root, listing

"""Hypothesis strategies that write OME-Zarr metadata documents, valid or broken on purpose.

The main entry point is :func:`documents`: for a version (``"0.4"``, ``"0.5"``) and a kind of
group (``"image"``, ``"plate"``, ...) it draws whole attributes documents, as stored in
``.zattrs`` (0.4) or in the ``attributes`` of ``zarr.json`` (0.5, the metadata under ``ome``).

* ``valid=True`` draws documents that the validator accepts (``strict=True``: that also satisfy
  every SHOULD rule). They cover the space the spec allows: 2 to 5 axes in every allowed order
  and type mix, units, 1 to 5 resolution levels, transformations given as vectors or by path,
  omero rendering settings, label colours and properties, sparse plates with several
  acquisitions, wells with fields, bioformats2raw collections, and unknown keys, which readers
  must keep.
* ``valid=False`` draws ``(document, code)`` pairs: a valid document with one mutation that
  breaks one rule, and the issue code the validator must report as an error for it.

The building blocks (:func:`axes`, :func:`multiscale`, :func:`omero`, :func:`image_label`,
:func:`plate_metadata`, :func:`well_metadata`) and :func:`json_values` are public too.

Examples
--------
>>> from hypothesis import given
>>> from omezarr_models import validate_attributes
>>> from omezarr_models.testing.strategies import documents
>>> @given(documents("0.5", "plate"))
... def test_plates_are_valid(doc):
...     assert validate_attributes(doc).valid
>>> test_plates_are_valid()

This module needs ``hypothesis`` (a test dependency); ``import omezarr_models`` never imports it.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any, Literal, overload

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models.testing import _common as c
from omezarr_models.testing._common import KINDS, SPACE_UNITS, TIME_UNITS, VERSIONS
from omezarr_models.testing._mutations import mutated, mutation_codes

__all__ = [
    "KINDS",
    "SPACE_UNITS",
    "TIME_UNITS",
    "VERSIONS",
    "axes",
    "bioformats2raw",
    "documents",
    "image_label",
    "json_values",
    "labels",
    "multiscale",
    "mutation_codes",
    "omero",
    "plate_metadata",
    "series",
    "well_metadata",
]

Document = dict[str, Any]

# Conventional downscaling methods, as named by common writers.
_METHODS = ("gaussian", "local_mean", "nearest", "mode", "zoom", "reduce")


def json_values(*, max_leaves: int = 10) -> SearchStrategy[Any]:
    """Arbitrary JSON values, for fuzzing.

    Parameters
    ----------
    max_leaves
        An upper bound on the scalars in one value (passed to ``st.recursive``).

    Returns
    -------
    SearchStrategy[Any]
        ``None``, booleans, integers, finite floats, strings, and lists and objects of these,
        nested.
    """
    return c.json_values(max_leaves=max_leaves)


def _maybe(draw: st.DrawFn, *, one_in: int = 2) -> bool:
    """True one time in ``one_in`` (as far as Hypothesis's choices are uniform)."""
    return draw(st.integers(0, one_in - 1)) == 0


def _add_extras(draw: st.DrawFn, obj: dict[str, Any]) -> dict[str, Any]:
    """Sometimes add unknown keys to ``obj``; return it."""
    obj.update(draw(c.extras()))
    return obj


# ------------------------------------------------------------------------------------------
# Axes


def _unique(names: list[str]) -> list[str]:
    """``names`` with repeats renamed (``x`` -> ``x_1``, ...) so that all are distinct."""
    seen: set[str] = set()
    out = []
    for name in names:
        candidate, k = name, 0
        while candidate in seen:
            k += 1
            candidate = f"{name}_{k}"
        seen.add(candidate)
        out.append(candidate)
    return out


@st.composite
def _unit(draw: st.DrawFn, units: tuple[str, ...], strict: bool) -> str | None:
    """A unit of ``units``; when not strict, sometimes none or a string of one's own."""
    if strict:
        return draw(st.sampled_from(units))
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return None
    if choice == 1:
        return draw(st.sampled_from(("pixel", "micron", "µm", "s", "")) | st.text(max_size=8))
    return draw(st.sampled_from(units))


@st.composite
def _axes(draw: st.DrawFn, strict: bool, ndim: int | None) -> list[dict[str, Any]]:
    n = draw(st.integers(2, 5)) if ndim is None else ndim
    n_space = draw(st.integers(max(2, n - 2), min(3, n)))
    n_other = n - n_space
    has_time = n_other == 2 or (n_other == 1 and draw(st.booleans()))
    has_middle = n_other == 2 or (n_other == 1 and not has_time)
    # names: the conventional t, c, z, y, x, or names of one's own, or a mix
    conventional = (["t"] if has_time else []) + (["c"] if has_middle else [])
    conventional += ["z", "y", "x"][3 - n_space :]
    style = draw(st.sampled_from(("conventional", "own", "mixed")))
    if style == "conventional":
        names = conventional
    elif style == "own":
        names = draw(st.lists(st.text(max_size=6), min_size=n, max_size=n, unique=True))
    else:
        names = _unique([draw(st.just(name) | st.text(max_size=4)) for name in conventional])
    spaces = names[n - n_space :]
    if strict and n_space == 3 and sorted(spaces) == ["x", "y", "z"]:
        names[n - n_space :] = ["z", "y", "x"]  # the SHOULD order
    out: list[dict[str, Any]] = []
    k = 0
    if has_time:
        axis: dict[str, Any] = {"name": names[k], "type": "time"}
        unit = draw(_unit(TIME_UNITS, strict))
        if unit is not None:
            axis["unit"] = unit
        out.append(_add_extras(draw, axis))
        k += 1
    if has_middle:
        flavours = ("channel", "custom") if strict else ("channel", "custom", "untyped")
        flavour = draw(st.sampled_from(flavours))
        axis = {"name": names[k]}
        if flavour == "channel":
            axis["type"] = "channel"
        elif flavour == "custom":
            custom = st.sampled_from(("angle", "frequency", "lifetime", "phase", "Space"))
            axis["type"] = draw(
                (custom | st.text(max_size=8)).filter(lambda t: t not in ("space", "time"))
            )
        if _maybe(draw, one_in=4):
            axis["unit"] = draw(st.sampled_from(("degree", "hertz", "")) | st.text(max_size=6))
        out.append(_add_extras(draw, axis))
        k += 1
    for name in names[k:]:
        axis = {"name": name, "type": "space"}
        unit = draw(_unit(SPACE_UNITS, strict))
        if unit is not None:
            axis["unit"] = unit
        out.append(_add_extras(draw, axis))
    return out


def axes(
    version: str, *, strict: bool = False, ndim: int | None = None
) -> SearchStrategy[list[dict[str, Any]]]:
    """The axes of a multiscale image.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"`` (the axes rules are the same in both).
    strict
        Satisfy every SHOULD rule too: every axis has a type, every space and time axis a unit
        from the spec's UDUNITS-2 lists, and x, y, z (when all three are spatial) read z, y, x.
    ndim
        The number of axes (2 to 5); drawn when None.

    Returns
    -------
    SearchStrategy[list[dict[str, Any]]]
        Lists of 2 to 5 axis objects with unique names: an optional time axis, an optional
        channel, custom-typed or (when not strict) untyped axis, then 2 or 3 space axes.
    """
    c.check_version(version)
    if ndim is not None and not 2 <= ndim <= 5:
        raise ValueError(f"ndim must be between 2 and 5, not {ndim}")
    return _axes(strict, ndim)


# ------------------------------------------------------------------------------------------
# Multiscales


@st.composite
def _vector_or_path(draw: st.DrawFn, kind: str, vector: list[int | float]) -> dict[str, Any]:
    """A scale or translation: its vector, or (one time in six) a path to binary data."""
    if _maybe(draw, one_in=6):
        out: dict[str, Any] = {"type": kind, "path": draw(c.inner_paths())}
    else:
        out = {"type": kind, kind: vector}
    return _add_extras(draw, out)


@st.composite
def _transformations(
    draw: st.DrawFn, n: int, scale_vector: list[int | float]
) -> list[dict[str, Any]]:
    """``[scale]`` or ``[scale, translation]``."""
    out = [draw(_vector_or_path("scale", scale_vector))]
    if draw(st.booleans()):
        offset = draw(st.lists(c.finite_numbers(), min_size=n, max_size=n))
        out.append(draw(_vector_or_path("translation", offset)))
    return out


@st.composite
def _multiscale(
    draw: st.DrawFn, version: str, strict: bool, max_levels: int, ndim: int | None
) -> dict[str, Any]:
    ax = draw(_axes(strict, ndim))
    n = len(ax)
    levels = draw(st.integers(1, max_levels))
    style = draw(st.sampled_from(("numbers", "s-numbers", "own")))
    if style == "numbers":
        paths = [str(i) for i in range(levels)]
    elif style == "s-numbers":
        paths = [f"s{i}" for i in range(levels)]
    else:
        paths = draw(st.lists(c.inner_paths(), min_size=levels, max_size=levels, unique=True))
    base = draw(st.lists(c.positive_numbers(), min_size=n, max_size=n))
    downsampled = [a.get("type") == "space" for a in ax]
    datasets = []
    for level, path in enumerate(paths):
        factor = 2**level
        vector = [v * factor if down else v for v, down in zip(base, downsampled, strict=True)]
        ds: dict[str, Any] = {
            "path": path,
            "coordinateTransformations": draw(_transformations(n, vector)),
        }
        datasets.append(_add_extras(draw, ds))
    out: dict[str, Any] = {"axes": ax, "datasets": datasets}
    if _maybe(draw, one_in=4):
        scale = draw(st.lists(c.positive_numbers(), min_size=n, max_size=n))
        out["coordinateTransformations"] = draw(_transformations(n, scale))
    # the SHOULD keys: always when strict, often otherwise
    if strict or not _maybe(draw, one_in=4):
        out["name"] = draw(st.sampled_from(("image", "0", "")) | st.text(max_size=10))
    if version == "0.4" and (strict or not _maybe(draw, one_in=4)):
        out["version"] = version
    if strict or not _maybe(draw, one_in=4):
        out["type"] = draw(st.sampled_from(_METHODS) | st.text(max_size=8))
    if strict or not _maybe(draw, one_in=4):
        metadata: dict[str, Any] = {}
        if draw(st.booleans()):
            metadata["description"] = draw(st.text(max_size=20))
            metadata["method"] = draw(st.sampled_from(("skimage.transform.pyramid_gaussian",)))
            metadata["version"] = draw(st.sampled_from(("0.16.1", "1.0")))
            metadata["args"] = draw(st.lists(json_values(max_leaves=2), max_size=2))
            metadata["kwargs"] = draw(
                st.dictionaries(st.text(max_size=5), json_values(max_leaves=2), max_size=2)
            )
        else:
            metadata = draw(st.dictionaries(st.text(max_size=6), json_values(), max_size=3))
        out["metadata"] = metadata
    return _add_extras(draw, out)


def multiscale(
    version: str, *, strict: bool = False, max_levels: int = 5, ndim: int | None = None
) -> SearchStrategy[dict[str, Any]]:
    """One entry of ``multiscales``: axes, resolution levels and their transformations.

    Parameters
    ----------
    version
        ``"0.4"`` (the multiscale may carry its ``version``) or ``"0.5"`` (the version belongs to
        the ``ome`` object and the multiscale has none).
    strict
        Satisfy every SHOULD rule: ``name``, ``type`` and ``metadata`` (and in 0.4 ``version``)
        are always present; axes as in :func:`axes` with ``strict=True``.
    max_levels
        The largest number of resolution levels (at least 1).
    ndim
        The number of axes (2 to 5); drawn when None.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Multiscales whose levels have unique relative paths and transformations ``[scale]`` or
        ``[scale, translation]`` (vectors as long as the axes, or paths to binary data), with
        or without transformations for the whole multiscale.
    """
    c.check_version(version)
    if max_levels < 1:
        raise ValueError(f"max_levels must be at least 1, not {max_levels}")
    if ndim is not None and not 2 <= ndim <= 5:
        raise ValueError(f"ndim must be between 2 and 5, not {ndim}")
    return _multiscale(version, strict, max_levels, ndim)


# ------------------------------------------------------------------------------------------
# Omero


def _hex_colors() -> SearchStrategy[str]:
    return st.text(alphabet="0123456789abcdefABCDEF", min_size=6, max_size=6)


@st.composite
def _window(draw: st.DrawFn) -> dict[str, Any]:
    """min <= start <= end <= max, all integers or all floats or a mix."""
    style = draw(st.sampled_from(("int", "float", "mixed")))
    if style == "int":
        values: list[int | float] = draw(
            st.lists(st.integers(-(2**31), 2**32), min_size=4, max_size=4)
        )
    elif style == "float":
        values = draw(
            st.lists(
                st.floats(allow_nan=False, allow_infinity=False, width=32), min_size=4, max_size=4
            )
        )
    else:
        values = draw(st.lists(c.finite_numbers(), min_size=4, max_size=4))
    lo, start, end, hi = sorted(values)
    return _add_extras(draw, {"min": lo, "max": hi, "start": start, "end": end})


@st.composite
def _channel(draw: st.DrawFn) -> dict[str, Any]:
    out: dict[str, Any] = {"color": draw(_hex_colors()), "window": draw(_window())}
    if draw(st.booleans()):
        out["active"] = draw(st.booleans())
        out["coefficient"] = draw(c.finite_numbers())
        out["family"] = draw(
            st.sampled_from(("linear", "logarithmic", "exponential", "polynomial"))
        )
        out["inverted"] = draw(st.booleans())
        out["label"] = draw(st.sampled_from(("DAPI", "GFP", "")) | st.text(max_size=10))
    return _add_extras(draw, out)


@st.composite
def _omero(draw: st.DrawFn, channels: int | None, version: str | None) -> dict[str, Any]:
    n = draw(st.integers(1, 4)) if channels is None else channels
    out: dict[str, Any] = {"channels": [draw(_channel()) for _ in range(n)]}
    if draw(st.booleans()):
        out["id"] = draw(st.integers(0, 2**53))
        out["name"] = draw(st.text(max_size=12))
    if draw(st.booleans()):
        out["version"] = version if version is not None else draw(st.sampled_from(VERSIONS))
    if draw(st.booleans()):
        rdefs: dict[str, Any] = {}
        if draw(st.booleans()):
            rdefs["defaultT"] = draw(st.integers(0, 1000))
        if draw(st.booleans()):
            rdefs["defaultZ"] = draw(st.integers(0, 1000))
        if draw(st.booleans()):
            rdefs["model"] = draw(st.sampled_from(("color", "greyscale")))
        out["rdefs"] = _add_extras(draw, rdefs)
    return _add_extras(draw, out)


def omero(
    *, channels: int | None = None, version: str | None = None
) -> SearchStrategy[dict[str, Any]]:
    """Transitional ``omero`` rendering metadata.

    Parameters
    ----------
    channels
        The number of channels (1 to 4 when None).
    version
        The ``version`` written in the block when it has one (drawn when None).

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Omero blocks whose channels have a colour of 6 hex digits (either case) and a window
        (``min <= start <= end <= max``, integers, floats or both), sometimes the optional
        channel keys, ``id``, ``name`` and ``rdefs``.
    """
    if version is not None:
        c.check_version(version)
    if channels is not None and channels < 0:
        raise ValueError(f"channels must not be negative, not {channels}")
    return _omero(channels, version)


# ------------------------------------------------------------------------------------------
# image-label


def _label_values() -> SearchStrategy[int]:
    return st.one_of(st.integers(0, 255), st.integers(-(2**63), 2**64 - 1))


@st.composite
def _image_label(draw: st.DrawFn, version: str, strict: bool, max_labels: int) -> dict[str, Any]:
    values = draw(st.lists(_label_values(), max_size=max_labels, unique=True))
    out: dict[str, Any] = {}
    if strict or not _maybe(draw, one_in=4):
        colors = []
        for value in values:
            color: dict[str, Any] = {"label-value": value}
            if not _maybe(draw, one_in=4):
                color["rgba"] = draw(st.lists(st.integers(0, 255), min_size=4, max_size=4))
            colors.append(_add_extras(draw, color))
        out["colors"] = colors
    if draw(st.booleans()):
        described = draw(st.lists(st.sampled_from(values), unique=True)) if values else []
        properties = []
        for value in described:
            prop = draw(
                st.dictionaries(
                    st.sampled_from(("class", "area", "cell type", "label_value"))
                    | st.text(max_size=8),
                    json_values(max_leaves=3),
                    max_size=3,
                )
            )
            prop.pop("label-value", None)
            properties.append({"label-value": value, **prop})
        out["properties"] = properties
    if draw(st.booleans()):
        source: dict[str, Any] = {}
        if draw(st.booleans()):
            source["image"] = draw(st.sampled_from(("../../", "../../0", "../")) | c.inner_paths())
        out["source"] = _add_extras(draw, source)
    if (version == "0.4" and strict) or draw(st.booleans()):
        out["version"] = version
    return _add_extras(draw, out)


def image_label(
    version: str, *, strict: bool = False, max_labels: int = 6
) -> SearchStrategy[dict[str, Any]]:
    """The ``image-label`` object of a label image.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``: the ``version`` the object declares when it declares one.
    strict
        Satisfy every SHOULD rule: ``colors`` always (and ``version`` in 0.4).
    max_labels
        The largest number of label values.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Objects with unique integer label values (small or up to 64 bits), colours with or
        without ``rgba``, sometimes ``properties`` (arbitrary key-value pairs per label value)
        and a ``source``.
    """
    c.check_version(version)
    return _image_label(version, strict, max_labels)


# ------------------------------------------------------------------------------------------
# Plates and wells


@st.composite
def _row_names(draw: st.DrawFn, n: int, strict: bool) -> list[str]:
    style = draw(st.sampled_from(("letters", "letters", "own")))
    if style == "letters":
        first = draw(st.sampled_from((0, 0, 7, 24, 26, 700)))  # A, H, Y (then Z, AA), AA, ZY
        return [c.letters_name(first + i) for i in range(n)]
    return draw(_own_names(n, strict))


@st.composite
def _column_names(draw: st.DrawFn, n: int, strict: bool) -> list[str]:
    style = draw(st.sampled_from(("numbers", "numbers", "padded", "own")))
    first = draw(st.sampled_from((1, 1, 9, 23)))
    if style == "numbers":
        return [str(first + i) for i in range(n)]
    if style == "padded":
        return [f"{first + i:02d}" for i in range(n)]
    return draw(_own_names(n, strict))


def _own_names(n: int, strict: bool) -> SearchStrategy[list[str]]:
    # unique; when strict, not even differing only in case (a SHOULD)
    key = str.casefold if strict else None
    if key is None:
        return st.lists(c.alnum_names(), min_size=n, max_size=n, unique=True)
    return st.lists(c.alnum_names(), min_size=n, max_size=n, unique_by=key)


@st.composite
def _acquisition(draw: st.DrawFn, acq_id: int, strict: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"id": acq_id}
    if strict or draw(st.booleans()):
        out["name"] = draw(st.sampled_from(("first pass", "")) | st.text(max_size=10))
    if strict or draw(st.booleans()):
        out["maximumfieldcount"] = draw(st.integers(1, 2**40))
    if draw(st.booleans()):
        out["description"] = draw(st.text(max_size=12))
    if draw(st.booleans()):
        out["starttime"] = draw(st.integers(-(2**40), 2**40))
    if draw(st.booleans()):
        out["endtime"] = draw(st.integers(-(2**40), 2**40))
    return _add_extras(draw, out)


@st.composite
def _plate_metadata(
    draw: st.DrawFn, version: str, strict: bool, max_rows: int, max_columns: int
) -> dict[str, Any]:
    n_rows = draw(st.integers(1, max_rows))
    n_cols = draw(st.integers(1, max_columns))
    rows = draw(_row_names(n_rows, strict))
    columns = draw(_column_names(n_cols, strict))
    cells = draw(
        st.lists(
            st.tuples(st.integers(0, n_rows - 1), st.integers(0, n_cols - 1)),
            unique=True,
            max_size=n_rows * n_cols,
        )
    )
    wells = [
        _add_extras(draw, {"path": f"{rows[r]}/{columns[k]}", "rowIndex": r, "columnIndex": k})
        for r, k in cells
    ]
    out: dict[str, Any] = {
        "rows": [_add_extras(draw, {"name": name}) for name in rows],
        "columns": [_add_extras(draw, {"name": name}) for name in columns],
        "wells": wells,
    }
    if draw(st.booleans()):
        ids = draw(
            st.lists(
                st.integers(0, 10) | st.integers(0, 2**53), min_size=1, max_size=3, unique=True
            )
        )
        out["acquisitions"] = [draw(_acquisition(i, strict)) for i in ids]
    if strict or draw(st.booleans()):
        out["field_count"] = draw(st.integers(1, 100))
    if strict or draw(st.booleans()):
        out["name"] = draw(st.sampled_from(("plate 1", "")) | st.text(max_size=10))
    if (version == "0.4" and strict) or not _maybe(draw, one_in=3):
        out["version"] = version
    return _add_extras(draw, out)


def plate_metadata(
    version: str, *, strict: bool = False, max_rows: int = 4, max_columns: int = 6
) -> SearchStrategy[dict[str, Any]]:
    """The ``plate`` object of a high-content screening plate.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``: the ``version`` the plate declares when it declares one.
    strict
        Satisfy every SHOULD rule: ``name``, ``field_count`` (and in 0.4 ``version``); every
        acquisition with ``name`` and ``maximumfieldcount``; no two row (or column) names that
        differ only in case.
    max_rows, max_columns
        The largest plate drawn (at least 1 each).

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Plates with unique alphanumeric row and column names (A, B, ... Z, AA, ...; 1, 2, ...;
        zero-padded; or names of one's own), a sparse set of wells whose paths and indices
        agree, and sometimes one or more acquisitions with unique ids.
    """
    c.check_version(version)
    if max_rows < 1 or max_columns < 1:
        raise ValueError("max_rows and max_columns must be at least 1")
    return _plate_metadata(version, strict, max_rows, max_columns)


@st.composite
def _well_metadata(draw: st.DrawFn, version: str, strict: bool, max_fields: int) -> dict[str, Any]:
    n = draw(st.integers(0, max_fields))
    if draw(st.booleans()):
        paths = [str(i) for i in range(n)]
    else:
        paths = draw(st.lists(c.alnum_names(max_size=4), min_size=n, max_size=n, unique=True))
    style = draw(st.sampled_from(("none", "one", "several")))
    ids = draw(st.lists(st.integers(0, 2**31), min_size=1, max_size=3, unique=True))
    images = []
    for path in paths:
        image: dict[str, Any] = {"path": path}
        if style == "one":
            image["acquisition"] = ids[0]
        elif style == "several":
            image["acquisition"] = draw(st.sampled_from(ids))
        images.append(_add_extras(draw, image))
    out: dict[str, Any] = {"images": images}
    if (version == "0.4" and strict) or not _maybe(draw, one_in=3):
        out["version"] = version
    return _add_extras(draw, out)


def well_metadata(
    version: str, *, strict: bool = False, max_fields: int = 4
) -> SearchStrategy[dict[str, Any]]:
    """The ``well`` object of a well group.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``: the ``version`` the well declares when it declares one.
    strict
        Satisfy every SHOULD rule (in 0.4 the well has its ``version``).
    max_fields
        The largest number of fields of view.

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        Wells whose fields of view have unique alphanumeric paths and either no acquisition,
        all the same one, or each one of several.
    """
    c.check_version(version)
    if max_fields < 0:
        raise ValueError(f"max_fields must not be negative, not {max_fields}")
    return _well_metadata(version, strict, max_fields)


# ------------------------------------------------------------------------------------------
# Labels groups, bioformats2raw and series


def labels(*, max_size: int = 3) -> SearchStrategy[list[str]]:
    """The ``labels`` list of a labels group: unique relative paths of label images.

    Parameters
    ----------
    max_size
        The largest number of paths.

    Returns
    -------
    SearchStrategy[list[str]]
        Lists of paths such as ``"nuclei"`` or ``"cells/membranes"`` (intermediate groups are
        allowed), possibly empty.
    """
    return st.lists(c.inner_paths(), max_size=max_size, unique=True)


def series(*, max_size: int = 4) -> SearchStrategy[list[str]]:
    """The ``series`` list of the OME group of a bioformats2raw collection.

    Parameters
    ----------
    max_size
        The largest number of paths.

    Returns
    -------
    SearchStrategy[list[str]]
        Lists of unique relative paths to image groups: ``"0"``, ``"1"``, ... or paths of
        one's own.
    """
    numbered = st.integers(0, max_size).map(lambda n: [str(i) for i in range(n)])
    return numbered | st.lists(c.inner_paths(), max_size=max_size, unique=True)


def bioformats2raw(version: str, *, strict: bool = False) -> SearchStrategy[dict[str, Any]]:
    """The OME metadata of the top group of a bioformats2raw collection.

    Parameters
    ----------
    version
        ``"0.4"`` or ``"0.5"``.
    strict
        Satisfy every SHOULD rule (of the plate, when there is one).

    Returns
    -------
    SearchStrategy[dict[str, Any]]
        ``{"bioformats2raw.layout": 3}``, sometimes with the ``plate`` of a plate collection.
        This is the content of the ``ome`` object in 0.5; see :func:`documents` for whole
        documents.
    """
    c.check_version(version)

    def build(plate: dict[str, Any] | None) -> dict[str, Any]:
        out: dict[str, Any] = {"bioformats2raw.layout": 3}
        if plate is not None:
            out["plate"] = plate
        return out

    return st.one_of(st.none(), plate_metadata(version, strict=strict)).map(build)


# ------------------------------------------------------------------------------------------
# Documents


@st.composite
def _metadata(draw: st.DrawFn, version: str, kind: str, strict: bool) -> dict[str, Any]:
    """The OME keys of a document of ``kind`` (what the ``ome`` object holds in 0.5)."""
    meta: dict[str, Any]
    if kind in ("image", "label-image"):
        count = 1 if kind == "label-image" or not _maybe(draw, one_in=5) else 2
        meta = {"multiscales": [draw(multiscale(version, strict=strict)) for _ in range(count)]}
        if kind == "label-image":
            meta["image-label"] = draw(image_label(version, strict=strict))
        if _maybe(draw, one_in=2 if kind == "image" else 6):
            meta["omero"] = draw(omero(version=version))
    elif kind == "labels":
        meta = {"labels": draw(labels())}
    elif kind == "plate":
        meta = {"plate": draw(plate_metadata(version, strict=strict))}
    elif kind == "well":
        meta = {"well": draw(well_metadata(version, strict=strict))}
    elif kind == "bioformats2raw":
        meta = draw(bioformats2raw(version, strict=strict))
    else:
        meta = {"series": draw(series())}
    return meta


@st.composite
def _valid_document(draw: st.DrawFn, version: str, kind: str, strict: bool) -> Document:
    meta = draw(_metadata(version, kind, strict))
    if version == "0.4":
        return _add_extras(draw, meta)
    ome = _add_extras(draw, {"version": version, **meta})
    return _add_extras(draw, {"ome": ome})


@overload
def documents(
    version: str, kind: str, *, valid: Literal[True] = ..., strict: bool = ...
) -> SearchStrategy[Document]: ...
@overload
def documents(
    version: str,
    kind: str,
    *,
    valid: Literal[False],
    strict: bool = ...,
    codes: Collection[str] | None = ...,
) -> SearchStrategy[tuple[Document, str]]: ...
@overload
def documents(
    version: str,
    kind: str,
    *,
    valid: bool,
    strict: bool = ...,
    codes: Collection[str] | None = ...,
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]: ...
def documents(
    version: str,
    kind: str,
    *,
    valid: bool = True,
    strict: bool = False,
    codes: Collection[str] | None = None,
) -> SearchStrategy[Document] | SearchStrategy[tuple[Document, str]]:
    """Whole attributes documents of one version and kind.

    Parameters
    ----------
    version
        ``"0.4"``: the attributes as stored in ``.zattrs``; ``"0.5"``: the ``attributes`` of
        ``zarr.json``, ``{"ome": {"version": "0.5", ...}}``.
    kind
        One of :data:`KINDS`: ``"image"`` (one or two multiscales, sometimes omero),
        ``"label-image"`` (multiscales and image-label), ``"labels"``, ``"plate"``, ``"well"``,
        ``"bioformats2raw"`` (sometimes with a plate) or ``"series"``.
    valid
        True: documents the validator accepts. False: ``(document, code)`` pairs, a valid
        document with one mutation that breaks a rule, and the code the validator must report
        as an error.
    strict
        With ``valid=True``, documents that satisfy every SHOULD rule too. With ``valid=False``,
        SHOULD rules may be the ones broken (they are errors when validating with
        ``strict=True``).
    codes
        With ``valid=False``, only mutations of these codes (all applicable ones when None; see
        :func:`mutation_codes`).

    Returns
    -------
    SearchStrategy
        Of documents (``valid=True``) or of ``(document, code)`` pairs (``valid=False``).

    Raises
    ------
    ValueError
        For an unknown version or kind, ``codes`` given with ``valid=True``, or ``codes`` that
        no mutation of this version and kind breaks.
    """
    c.check_version(version)
    c.check_kind(kind)
    base = _valid_document(version, kind, strict)
    if valid:
        if codes is not None:
            raise ValueError("codes only applies to valid=False")
        return base
    wanted = None if codes is None else frozenset(codes)
    if wanted is not None:
        unknown = wanted - mutation_codes(version, kind, strict=strict)
        if unknown:
            raise ValueError(
                f"no mutation of a {version} {kind} document breaks {', '.join(sorted(unknown))}"
            )
    return mutated(base, version, kind, strict, wanted)

"""Constants and small strategies shared by the document strategies and the mutations."""

from __future__ import annotations

from functools import cache
from typing import Any, Final

from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models import schemas

#: The versions the strategies write documents for.
VERSIONS: Final[tuple[str, ...]] = ("0.1", "0.2", "0.3", "0.4", "0.5")

#: The versions before 0.4: no axis objects or transformations (0.3 names its axes), plates and
#: wells without the constraints of 0.4, fewer SHOULD rules, every version key optional.
EARLY: Final[frozenset[str]] = frozenset({"0.1", "0.2", "0.3"})

#: The versions whose OME keys are the attributes themselves (from 0.5 they are under ``ome``).
UNNAMESPACED: Final[frozenset[str]] = frozenset({"0.1", "0.2", "0.3", "0.4"})

#: The kinds of document the strategies write (one per kind of OME-Zarr group).
KINDS: Final[tuple[str, ...]] = (
    "image",
    "label-image",
    "labels",
    "plate",
    "well",
    "bioformats2raw",
    "series",
)

#: The units the spec lists for axes of type "space" (UDUNITS-2 names).
SPACE_UNITS: Final[tuple[str, ...]] = (
    "angstrom",
    "attometer",
    "centimeter",
    "decimeter",
    "exameter",
    "femtometer",
    "foot",
    "gigameter",
    "hectometer",
    "inch",
    "kilometer",
    "megameter",
    "meter",
    "micrometer",
    "mile",
    "millimeter",
    "nanometer",
    "parsec",
    "petameter",
    "picometer",
    "terameter",
    "yard",
    "yoctometer",
    "yottameter",
    "zeptometer",
    "zettameter",
)

#: The units the spec lists for axes of type "time" (UDUNITS-2 names).
TIME_UNITS: Final[tuple[str, ...]] = (
    "attosecond",
    "centisecond",
    "day",
    "decisecond",
    "exasecond",
    "femtosecond",
    "gigasecond",
    "hectosecond",
    "hour",
    "kilosecond",
    "megasecond",
    "microsecond",
    "millisecond",
    "minute",
    "nanosecond",
    "petasecond",
    "picosecond",
    "second",
    "terasecond",
    "yoctosecond",
    "yottasecond",
    "zeptosecond",
    "zettasecond",
)

#: The keys an OME metadata object may hold (attributes up to 0.4, the ``ome`` object from 0.5).
OME_KEYS: Final[tuple[str, ...]] = (
    "multiscales",
    "omero",
    "image-label",
    "labels",
    "plate",
    "well",
    "bioformats2raw.layout",
    "series",
)

#: Every key the spec gives a meaning to somewhere: unknown ("extra") keys never take these names,
#: so an extra key cannot change the meaning of the object it is added to.
RESERVED_KEYS: Final[frozenset[str]] = frozenset(
    {
        *OME_KEYS,
        "ome",
        "version",
        "name",
        "type",
        "unit",
        "axes",
        "datasets",
        "path",
        "coordinateTransformations",
        "scale",
        "translation",
        "metadata",
        "channels",
        "color",
        "window",
        "min",
        "max",
        "start",
        "end",
        "active",
        "coefficient",
        "family",
        "inverted",
        "label",
        "id",
        "rdefs",
        "defaultT",
        "defaultZ",
        "model",
        "colors",
        "properties",
        "source",
        "image",
        "label-value",
        "rgba",
        "rows",
        "columns",
        "wells",
        "acquisitions",
        "field_count",
        "rowIndex",
        "columnIndex",
        "images",
        "acquisition",
        "maximumfieldcount",
        "description",
        "starttime",
        "endtime",
    }
)

#: Unknown keys that look like the Python names of spec keys: a reader must keep them as they are.
LOOKALIKE_KEYS: Final[tuple[str, ...]] = ("bioformats2raw_layout", "label_value", "image_label")

#: Extra keys seen in real metadata.
CUSTOM_KEYS: Final[tuple[str, ...]] = ("_ARRAY_DIMENSIONS", "_creator", "x-note", "comment")

ALNUM: Final[str] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
PATH_CHARS: Final[str] = ALNUM + "_-."


def check_version(version: str, versions: tuple[str, ...] = VERSIONS) -> None:
    """Raise ``ValueError`` unless ``version`` is one of ``versions`` (by default every version the
    strategies write documents for)."""
    if version not in versions:
        raise ValueError(f"unsupported version {version!r}; choose one of {', '.join(versions)}")


@cache
def kinds(version: str) -> tuple[str, ...]:
    """The kinds of :data:`KINDS` that ``version`` defines (those it has a schema for)."""
    check_version(version)
    defined = schemas.kinds(version)
    return tuple(kind for kind in KINDS if kind in defined)


def check_kind(kind: str, version: str) -> None:
    """Raise ``ValueError`` unless ``kind`` is one of the :func:`kinds` of ``version``."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}; choose one of {', '.join(KINDS)}")
    if kind not in kinds(version):
        raise ValueError(
            f"OME-Zarr {version} has no {kind} groups; choose one of {', '.join(kinds(version))}"
        )


@cache
def json_leaves() -> SearchStrategy[Any]:
    """JSON scalars: null, booleans, integers, finite floats and short strings."""
    return (
        st.none()
        | st.booleans()
        | st.integers()
        | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(max_size=8)
    )


@cache
def json_values(*, max_leaves: int = 10) -> SearchStrategy[Any]:
    """Arbitrary JSON values, nested lists and objects included (see ``strategies.json_values``)."""
    return st.recursive(
        json_leaves(),
        lambda inner: (
            st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
        ),
        max_leaves=max_leaves,
    )


@cache
def extra_keys(reserved: frozenset[str] = RESERVED_KEYS) -> SearchStrategy[str]:
    """Names of unknown keys: never a key the spec defines (nor one in ``reserved``)."""
    return st.one_of(
        st.sampled_from(CUSTOM_KEYS),
        st.sampled_from(LOOKALIKE_KEYS),
        st.text(max_size=8),
    ).filter(lambda key: key not in reserved)


@cache
def extras(reserved: frozenset[str] = RESERVED_KEYS) -> SearchStrategy[dict[str, Any]]:
    """Sometimes (one time in six) one or two unknown keys with arbitrary JSON values."""
    some = st.dictionaries(extra_keys(reserved), json_values(max_leaves=4), min_size=1, max_size=2)
    none: SearchStrategy[dict[str, Any]] = st.builds(dict)
    return st.integers(0, 5).flatmap(lambda k: some if k == 0 else none)


@cache
def finite_numbers() -> SearchStrategy[int | float]:
    """Any JSON number: integers and finite floats, with round values more often."""
    return st.one_of(
        st.sampled_from([0, 1, 0.5, 1.0, 2.0, -1.5, 100]),
        st.integers(-(10**6), 10**6),
        st.floats(allow_nan=False, allow_infinity=False),
    )


@cache
def positive_numbers() -> SearchStrategy[int | float]:
    """Positive JSON numbers, as pixel sizes and scale factors are."""
    return st.one_of(
        st.sampled_from([1, 2, 1.0, 0.5, 0.325, 2.5]),
        st.integers(1, 1000),
        st.floats(min_value=1e-6, max_value=1e6, allow_nan=False, allow_infinity=False),
    )


@cache
def alnum_names(*, max_size: int = 3) -> SearchStrategy[str]:
    """Non-empty names of ASCII letters and digits (plate rows and columns, fields of view)."""
    return st.text(alphabet=ALNUM, min_size=1, max_size=max_size)


@cache
def path_segments() -> SearchStrategy[str]:
    """One segment of a relative path: letters, digits, ``_``, ``-`` and ``.``; never ``.``/``..``."""
    return st.text(alphabet=PATH_CHARS, min_size=1, max_size=6).filter(
        lambda s: s not in (".", "..")
    )


@cache
def inner_paths(*, max_depth: int = 2) -> SearchStrategy[str]:
    """Relative paths that stay inside their group: one or more segments joined by ``/``."""
    return st.lists(path_segments(), min_size=1, max_size=max_depth).map("/".join)


def letters_name(index: int) -> str:
    """The spreadsheet-style name of row ``index``: A, B, ..., Z, AA, AB, ..."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def meta_of(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The object holding the OME keys: the document itself up to 0.4, its ``ome`` from 0.5."""
    if version in UNNAMESPACED:
        return doc
    ome = doc["ome"]
    assert isinstance(ome, dict)
    return ome

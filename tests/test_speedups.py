"""The native fast path of validation (``omezarr_models._speedups``) against the reference.

The C extension answers one question quickly, "is there nothing to report?", in two forms:

- ``Program.is_valid`` (:func:`omezarr_models._fast.program`): one of our JSON Schemas, lowered
  to a node table, evaluated over Python objects. It answers True, False or None ("unsure").
  The reference is the jsonschema-rs validator of the same schema
  (:func:`omezarr_models.schemas.validator`): a True or False must be its answer.
- the whole-document checker (:func:`omezarr_models._fast.checker`): ``(version, kind)`` for
  an OME-Zarr 0.4/0.5 document with no issue at all, else None. The reference is the full
  Python path of :func:`omezarr_models.validate_attributes` (jsonschema-rs and the hand-written
  rules, with every native part switched off): a hit must mean that path has nothing to report.

Tested here:

1. every schema of every version lowers (no ``UnsupportedSchemaError``);
2. Program vs jsonschema-rs on generated documents of every version and kind, valid and broken,
   and on their JSON-parsed copies, which the Program must always judge;
3. Program vs jsonschema-rs on arbitrary JSON and on objects made of OME keys;
4. the schema patterns on edge strings (a trailing newline, non-ASCII letters, empty strings),
   and the lowering of patterns (the native matcher of simple patterns, or Python's ``re``) on
   generated patterns and, exhaustively, on small ones;
5. the checker is sound on generated 0.4/0.5 documents, and hits on hand-written valid ones
   (the examples of :mod:`omezarr_models.examples` and the documents of the validation
   benchmark, ``bench/validate_metadata.py``);
6. ``validate_attributes`` gives the same report with and without the native parts;
7. edge inputs (tuples, dict and str subclasses, NaN, huge integers, non-string keys, deep
   nesting, bools and floats for integers, the hand-written rules' cases): no crash, never a
   wrong "valid".

The module is skipped when the extension is not built, unless ``OMEZARR_REQUIRE_SPEEDUPS=1``
(set by CI) makes that an error: a broken build must not hide behind a skip.
"""

from __future__ import annotations

import contextlib
import copy
import itertools
import json
import math
import os
import random
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as known_case
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy

from omezarr_models import Report, _fast, schemas, validate, validate_attributes
from omezarr_models.examples import example
from omezarr_models.examples import kinds as example_kinds
from omezarr_models.testing import strategies
from omezarr_models.testing.strategies import KINDS_V06, documents, json_values


def _missing_extension() -> str:
    """Why :func:`_fast.speedups` gives None, in words."""
    if os.environ.get("OMEZARR_NO_SPEEDUPS", "") not in ("", "0"):
        return "OMEZARR_NO_SPEEDUPS is set"
    try:
        from omezarr_models import _speedups  # type: ignore[attr-defined,unused-ignore]
    except ImportError as exc:
        return f"it does not import ({exc})"
    return f"its ABI is {getattr(_speedups, 'ABI', None)!r}, not {_fast.ABI} (a stale build)"


if _fast.speedups() is None:
    _WHY = f"the C extension omezarr_models._speedups is not in use: {_missing_extension()}"
    if os.environ.get("OMEZARR_REQUIRE_SPEEDUPS", "") == "1":
        pytest.fail(f"OMEZARR_REQUIRE_SPEEDUPS=1 but {_WHY}", pytrace=False)
    pytest.skip(_WHY, allow_module_level=True)

REPO = Path(__file__).resolve().parents[1]
VERSIONS = schemas.versions()
NATIVE_CHECK = ("0.4", "0.5")  # the versions the whole-document checker knows


def _kinds(version: str) -> tuple[str, ...]:
    return KINDS_V06 if version == "0.6rc0" else strategies.kinds(version)


CASES = [(v, k) for v in VERSIONS for k in _kinds(v)]
CHECKED_CASES = [(v, k) for v, k in CASES if v in NATIVE_CHECK]


def _examples(n: int) -> int:
    """``n`` examples under the default profile (300), proportionally more under a deeper one
    (``HYPOTHESIS_PROFILE=deep``). Generating documents dominates the cost: the counts given
    keep the module well under a minute on two cores."""
    return max(n, n * settings().max_examples // 300)


_SETTINGS = {
    "deadline": None,
    "suppress_health_check": [
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.filter_too_much,
    ],
}


# ---- the reference: everything native switched off ----------------------------------------


def _passes() -> list[Any]:
    """The schema passes of every version, as ``validate`` keeps them (created if need be)."""
    return [p for version in VERSIONS for p in validate._validators(version)]


@contextlib.contextmanager
def _reference_path() -> Iterator[None]:
    """``validate_attributes`` as it is without the extension: no whole-document check, and
    every schema pass asks jsonschema-rs (not the native Program)."""
    saved_check = validate._CHECK[:]
    passes = _passes()
    saved = [p.native for p in passes]
    validate._CHECK[:] = [None]
    for p in passes:
        p.native = None
    try:
        yield
    finally:
        validate._CHECK[:] = saved_check
        for p, native in zip(passes, saved, strict=True):
            p.native = native


def _reference(attrs: Any, **kwargs: Any) -> Report:
    with _reference_path():
        return validate_attributes(attrs, **kwargs)


def _outcome(attrs: Any, **kwargs: Any) -> Report | Exception:
    """The report of ``validate_attributes`` as it is, or the exception it raises."""
    try:
        return validate_attributes(attrs, **kwargs)
    except Exception as exc:
        return exc


def _reference_outcome(attrs: Any, **kwargs: Any) -> Report | Exception:
    """The reference report, or the exception the reference raises."""
    with _reference_path():
        return _outcome(attrs, **kwargs)


def _summary(report: Report) -> dict[str, Any]:
    """Everything a report says: version, kind, source, validity and every issue."""
    return report.to_dict()


def _issues(report: Report) -> list[str]:
    return [f"{i.path} {i.code} {i.severity}" for i in report.issues]


def _check() -> Callable[..., tuple[str, str] | None]:
    check = _fast.checker()
    assert check is not None, "the extension is built but _fast.checker() gave None"
    return check


def _programs(version: str) -> tuple[Any, Any, Any]:
    """The native (base, strict SHOULD overlay, both together) programs of ``version``."""
    base = _fast.program(version, "attributes")
    should = _fast.program(version, "should", strict=True)
    both = _fast.program(version, "attributes", also=("should", True))
    assert base is not None, version
    assert should is not None, version
    assert both is not None, version
    return base, should, both


def _json(doc: Any) -> str:
    try:
        text = json.dumps(doc, sort_keys=False, default=repr)
    except (TypeError, ValueError, RecursionError):
        text = repr(doc)
    return text if len(text) < 4000 else text[:4000] + "..."


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return str(key)  # an exact str
    if key is None or isinstance(key, (bool, int, float)):
        return json.dumps(key)  # as json.dumps writes a key
    return repr(key)


def _as_json(value: Any) -> Any:
    """What ``value`` means as JSON: exact dicts, lists and str; keys as ``json.dumps`` writes
    them (others by ``repr``). ``...`` when that cannot be built (nesting too deep)."""

    def convert(x: Any) -> Any:
        if isinstance(x, dict):
            return {_json_key(k): convert(v) for k, v in x.items()}
        if isinstance(x, (list, tuple)):
            return [convert(item) for item in x]
        if isinstance(x, str):
            return str(x)
        return x

    try:
        return convert(value)
    except RecursionError:
        return ...


def _assert_programs_agree(version: str, doc: Any, *, judged: bool = False) -> None:
    """Each native program answers None or what jsonschema-rs answers; never None if
    ``judged`` (plain JSON)."""
    rs_base = schemas.validator(version, "attributes").is_valid(doc)
    rs_should = schemas.validator(version, "should", strict=True).is_valid(doc)
    base, should, both = _programs(version)
    for name, program, expected in (
        ("attributes", base, rs_base),
        ("should (strict)", should, rs_should),
        ("attributes + should", both, rs_base and rs_should),
    ):
        got = program.is_valid(doc)
        if judged:
            assert got is not None, f"{version} {name}: unsure about plain JSON {_json(doc)}"
        assert got is None or got == expected, (
            f"{version} {name}: native {got}, jsonschema-rs {expected} on {_json(doc)}"
        )


# ---- 1. lowering ----------------------------------------------------------------------------


def _strict_names(version: str) -> list[str]:
    folder = schemas.schema_root() / version / "strict"
    return sorted(p.name.removesuffix(".schema.json") for p in folder.glob("*.schema.json"))


@pytest.mark.parametrize("version", VERSIONS)
def test_every_schema_lowers(version: str) -> None:
    names = schemas.kinds(version)
    assert "attributes" in names
    for name in names:
        nodes, root = _fast.lower(version, name)
        assert 0 <= root < len(nodes), name
    assert "should" in _strict_names(version)
    for name in _strict_names(version):
        nodes, root = _fast.lower(version, name, strict=True)
        assert 0 <= root < len(nodes), f"strict {name}"
    nodes, root = _fast.lower(version, "attributes", also=("should", True))
    # the two trees are merged into one: its root has the properties of both (the OME keys,
    # or from 0.5 the 'ome' object), not an allOf of the two roots
    assert 0 <= root < len(nodes)
    names = {name for name, _ in nodes[root]["properties"]}
    assert names == ({"ome"} if version in ("0.5", "0.6rc0") else names | {"multiscales", "plate"})
    assert "allOf" not in nodes[root]
    # the programs are built and are the ones the validator uses
    base, should, _ = _programs(version)
    passes = validate._validators(version)
    assert type(passes[0].native) is type(base)
    assert type(passes[1].native) is type(should)


def test_checker_is_in_use() -> None:
    assert _fast.checker() is not None
    assert validate._native_check() is _fast.report_checker()


def test_native_reports_are_reports() -> None:
    # the native side fills a Report's slots itself: it must be a Report like any other
    doc = example("0.4", "image")
    report = _fast.report_checker()(doc, None, "a/.zattrs")  # type: ignore[misc]
    assert type(report) is Report
    assert (report.version, report.kind, report.issues, report.source) == (
        "0.4",
        "image",
        [],
        "a/.zattrs",
    )
    assert report == Report("0.4", "image", [], "a/.zattrs")
    assert report.valid
    assert report.to_dict()["path"] == "a/.zattrs"
    report.issues.append("x")  # type: ignore[arg-type]  # a list of its own
    assert _fast.report_checker()(doc, None, None).issues == []  # type: ignore[misc]
    assert _fast.report_checker()(doc, "0.5", None) is None  # type: ignore[misc]
    assert _fast.report_checker()({"x": 1}, None, None) is None  # type: ignore[misc]


def test_report_class_that_is_not_a_slotted_dataclass_is_called() -> None:
    made = _fast._checker_object()
    calls = []

    class Plain:
        def __init__(self, version: str, kind: str, issues: list[Any], source: str | None):
            calls.append((version, kind, issues, source))

    assert made.set_report(Plain) is False
    try:
        assert type(made.report(example("0.4", "image"), None, "f")) is Plain
        assert calls == [("0.4", "image", [], "f")]
    finally:
        assert made.set_report(Report) is True


# ---- 2. Program vs jsonschema-rs on generated documents -------------------------------------


def _first(pair: tuple[Any, str]) -> Any:
    return pair[0]


@cache
def _mixed_documents(version: str, kind: str) -> SearchStrategy[Any]:
    """Valid documents (strict or not) and documents broken by one mutation."""
    return st.one_of(
        documents(version, kind, strict=False),
        documents(version, kind, strict=True),
        documents(version, kind, valid=False, strict=False).map(_first),
        documents(version, kind, valid=False, strict=True).map(_first),
    )


@pytest.mark.parametrize(("version", "kind"), CASES)
@settings(max_examples=_examples(40), **_SETTINGS)
@given(data=st.data())
def test_program_agrees_with_jsonschema_rs(version: str, kind: str, data: st.DataObject) -> None:
    doc = data.draw(_mixed_documents(version, kind), label="doc")
    _assert_programs_agree(version, doc)
    _assert_programs_agree(version, json.loads(json.dumps(doc)), judged=True)


# ---- 3. Program vs jsonschema-rs on arbitrary JSON ------------------------------------------

_OME_ISH_KEYS = (
    "multiscales",
    "omero",
    "plate",
    "well",
    "ome",
    "version",
    "labels",
    "image-label",
    "series",
    "bioformats2raw.layout",
    "scene",
)
_OME_ISH_VALUES = json_values() | st.sampled_from(VERSIONS) | st.sampled_from(("", "0.4.0"))
_OME_ISH = st.dictionaries(st.sampled_from(_OME_ISH_KEYS), _OME_ISH_VALUES, max_size=6)
_JUNK = st.dictionaries(st.text(max_size=5), json_values(max_leaves=2), min_size=10, max_size=60)


def _padded(pair: tuple[dict[str, Any], dict[str, Any]]) -> dict[str, Any]:
    """Many unknown keys around the OME keys: objects larger than the nodes that judge them."""
    ome, junk = pair
    return {**junk, **ome}


_ARBITRARY = st.one_of(
    json_values(),
    _OME_ISH,
    _OME_ISH.map(lambda d: {"ome": d}),
    st.builds(lambda d, v: {"ome": {**d, "version": v}}, _OME_ISH, st.sampled_from(VERSIONS)),
    st.tuples(_OME_ISH, _JUNK).map(_padded),
    st.tuples(_OME_ISH, _JUNK).map(lambda pair: {"ome": _padded(pair)}),
)


@pytest.mark.parametrize("version", VERSIONS)
@settings(max_examples=_examples(60), **_SETTINGS)
@given(doc=_ARBITRARY)
def test_program_agrees_on_arbitrary_json(version: str, doc: Any) -> None:
    _assert_programs_agree(version, doc, judged=True)


@pytest.mark.parametrize(("version", "kind"), CHECKED_CASES)
@settings(max_examples=_examples(15), **_SETTINGS)
@given(data=st.data())
def test_program_agrees_on_padded_documents(version: str, kind: str, data: st.DataObject) -> None:
    """Every object of a valid document padded with unknown keys: the node's lookup path
    (objects much larger than the names a node knows) instead of its one-pass table."""
    doc = data.draw(_mixed_documents(version, kind), label="doc")
    junk = data.draw(_JUNK, label="junk")

    def pad(value: Any) -> Any:
        if type(value) is dict:  # the document's keys keep their values; others are added
            return {**junk, **{k: pad(v) for k, v in value.items()}}
        if type(value) is list:
            return [pad(item) for item in value]
        return value

    padded = pad(doc)
    _assert_programs_agree(version, padded, judged=True)


# ---- 4. patterns ----------------------------------------------------------------------------


def _meta(doc: dict[str, Any]) -> dict[str, Any]:
    meta: dict[str, Any] = doc.get("ome", doc)
    return meta


def _plate_name(axis: str, name: str) -> Callable[[dict[str, Any]], None]:
    """Rename the first row (``axis="rows"``) or column of the plate, and its wells' paths."""

    def edit(meta: dict[str, Any]) -> None:
        plate = meta["plate"]
        part = 0 if axis == "rows" else 1
        old = plate[axis][0]["name"]
        plate[axis][0]["name"] = name
        for well in plate["wells"]:
            parts = well["path"].split("/")
            if parts[part] == old:
                parts[part] = name
                well["path"] = "/".join(parts)

    return edit


def _well_path(path: str) -> Callable[[dict[str, Any]], None]:
    def edit(meta: dict[str, Any]) -> None:
        meta["plate"]["wells"][0]["path"] = path

    return edit


def _color(color: str) -> Callable[[dict[str, Any]], None]:
    def edit(meta: dict[str, Any]) -> None:
        meta["omero"]["channels"][0]["color"] = color

    return edit


def _image_path(path: str) -> Callable[[dict[str, Any]], None]:
    def edit(meta: dict[str, Any]) -> None:
        meta["well"]["images"][0]["path"] = path

    return edit


_PATTERN_CASES: list[tuple[str, str, Callable[[dict[str, Any]], None], bool]] = [
    # (id, kind, edit, whether the result matches the pattern)
    ("row C", "plate", _plate_name("rows", "C"), True),
    ("row A newline", "plate", _plate_name("rows", "A\n"), False),
    ("row newline A", "plate", _plate_name("rows", "\nA"), False),
    ("row A-umlaut", "plate", _plate_name("rows", "Ä"), False),
    ("row empty", "plate", _plate_name("rows", ""), False),
    ("row fullwidth A", "plate", _plate_name("rows", "Ａ"), False),
    ("row arabic digit", "plate", _plate_name("rows", "٣"), False),
    ("column newline", "plate", _plate_name("columns", "1\n"), False),
    ("column superscript 2", "plate", _plate_name("columns", "²"), False),
    ("column 12", "plate", _plate_name("columns", "12"), True),
    ("well path newline", "plate", _well_path("A/1\n"), False),
    ("well path A newline", "plate", _well_path("A\n/1"), False),
    ("well path umlaut", "plate", _well_path("Ä/1"), False),
    ("well path empty", "plate", _well_path(""), False),
    ("well path three parts", "plate", _well_path("A/1/2"), False),
    ("color FF00FF", "image", _color("FF00FF"), True),
    ("color ff00fa", "image", _color("ff00fa"), True),
    ("color newline", "image", _color("FF00FF\n"), False),
    ("color G", "image", _color("ff00fG"), False),
    ("color short", "image", _color("FF00F"), False),
    ("color long", "image", _color("FF00FF0"), False),
    ("color hash", "image", _color("#FF00FF"), False),
    ("color empty", "image", _color(""), False),
    ("color fullwidth", "image", _color("ＦF00FF"), False),
    ("image path 7", "well", _image_path("7"), True),
    ("image path newline", "well", _image_path("0\n"), False),
    ("image path umlaut", "well", _image_path("ä"), False),
    ("image path empty", "well", _image_path(""), False),
]


@pytest.mark.parametrize(
    ("path", "matches"),
    [
        ("a.b_c-1", True),
        ("_a", True),
        ("a__", True),
        ("0\n", False),
        ("__a", False),
        ("..", False),
        ("..\n", False),
        (".\n.", False),
        ("a/b", False),
        ("ä", False),
        ("", False),
    ],
)
def test_06_image_path_patterns(path: str, matches: bool) -> None:
    """0.6rc0 field paths: a pattern, and a ``not`` of two more (one ending with ``$``)."""
    doc = {"ome": {"version": "0.6rc0", "well": {"images": [{"path": path, "acquisition": 0}]}}}
    _assert_programs_agree("0.6rc0", doc, judged=True)
    base, _, _ = _programs("0.6rc0")
    assert base.is_valid(doc) is matches


@pytest.mark.parametrize("version", NATIVE_CHECK)
@pytest.mark.parametrize(
    ("kind", "edit", "matches"),
    [pytest.param(kind, edit, matches, id=name) for name, kind, edit, matches in _PATTERN_CASES],
)
def test_patterns_agree_with_jsonschema_rs(
    version: str, kind: str, edit: Callable[[dict[str, Any]], None], matches: bool
) -> None:
    doc = example(version, kind)
    edit(_meta(doc))
    _assert_programs_agree(version, doc, judged=True)
    base, _, _ = _programs(version)
    assert base.is_valid(doc) is matches
    reference = _reference(doc, strict=True)
    hit = _check()(doc)
    if matches:
        assert not reference.issues, _issues(reference)
        assert hit == (version, kind)
    else:
        assert not reference.valid
        assert hit is None, f"checker hit {hit} on {_json(doc)}: {_issues(reference)}"


# small alphabets, so that atoms compete for the same characters
_PATTERN_ATOMS = st.sampled_from(("a", "b", "[ab]", "\\.", "[a-c0-9._-]"))
_QUANTIFIERS = st.sampled_from(("", "+", "*", "?", "{2}", "{1,2}", "{0,}"))
_PATTERNS = st.builds(
    lambda atoms, end: "^" + "".join(atoms) + ("$" if end else ""),
    st.lists(st.tuples(_PATTERN_ATOMS, _QUANTIFIERS).map("".join), min_size=1, max_size=4),
    st.booleans(),
)


def _pattern_program(source: str) -> tuple[Any, Any]:
    """The native program of ``{"type": "string", "pattern": source}``, lowered as our schemas
    are (``_fast._Lowering``: the native atom matcher where it applies, else Python's ``re``),
    and the jsonschema-rs validator of the same schema."""
    schema = {"type": "string", "pattern": source}
    lowering = _fast._Lowering({})
    root = lowering.node(schema, "https://omezarr.invalid/test.schema.json")
    program = type(_programs("0.5")[0])(tuple(lowering.nodes), root)
    return program, jsonschema_rs.validator_for(schema)


@settings(max_examples=_examples(500), **_SETTINGS)
@given(source=_PATTERNS, text=st.text(alphabet="ab.\n", max_size=5))
@known_case(source="^[A-Za-z0-9]+/[A-Za-z0-9]+$", text="A/1")
@known_case(source="^[0-9A-Fa-f]{6}$", text="FF00FF\n")
def test_simple_patterns_match_like_jsonschema_rs(source: str, text: str) -> None:
    """Patterns of the kind our schemas use (anchored; ASCII classes, literals, quantifiers)
    match as jsonschema-rs matches them."""
    program, rs = _pattern_program(source)
    assert program.is_valid(text) is rs.is_valid(text), (source, text)


def test_small_patterns_exhaustively() -> None:
    """Every pattern of up to three atoms (``a``, ``b`` or ``\\.``, alone or with ``+``, ``?``
    or ``*``), anchored at the end or not, on every string of up to three of ``a``, ``b``, ``.``:
    a greedy matcher must not take what a later atom needs (``^a+b?a`` matches ``aa``)."""
    atoms = [a + q for a in ("a", "b", "\\.") for q in ("", "+", "?", "*")]
    texts = ["".join(t) for n in range(4) for t in itertools.product("ab.", repeat=n)]
    wrong = []
    for n in (1, 2, 3):
        for combo in itertools.product(atoms, repeat=n):
            for end in ("", "$"):
                source = "^" + "".join(combo) + end
                program, rs = _pattern_program(source)
                wrong += [
                    (source, text, got)
                    for text in texts
                    if (got := program.is_valid(text)) is not rs.is_valid(text)
                ]
    assert not wrong, f"{len(wrong)} wrong answers (pattern, text, native), e.g. {wrong[:8]}"


# ---- 5. the checker: sound on generated documents, hits on plain ones ------------------------


def _assert_hit_is_sound(doc: Any, hit: tuple[str, str] | None, version: str | None) -> None:
    """A hit means the reference has no issue at all (strict or not), same version and kind."""
    if hit is None:
        return
    for strict in (False, True):
        reference = _reference_outcome(doc, version=version, strict=strict)
        assert isinstance(reference, Report), (
            f"checker hit {hit}, but the reference raises {reference!r} on {_json(doc)}"
        )
        assert not reference.issues, (
            f"checker hit {hit} (version={version}, strict={strict}), but the reference "
            f"reports {_issues(reference)} on {_json(doc)}"
        )
        assert (reference.version, reference.kind) == hit, (reference.version, reference.kind)


@pytest.mark.parametrize(("version", "kind"), CHECKED_CASES)
@settings(max_examples=_examples(50), **_SETTINGS)
@given(data=st.data())
def test_checker_is_sound(version: str, kind: str, data: st.DataObject) -> None:
    doc = data.draw(_mixed_documents(version, kind), label="doc")
    check = _check()
    for wanted in (None, version, "0.4" if version == "0.5" else "0.5"):
        hit = check(doc, wanted)
        assert hit is None or hit[0] == version
        _assert_hit_is_sound(doc, hit, wanted)
    # the JSON-parsed copy too (keys then share objects, which the evaluator notices)
    parsed = json.loads(json.dumps(doc))
    _assert_hit_is_sound(parsed, check(parsed), None)


def _bench_builders() -> Any:
    bench = str(REPO / "bench")
    sys.path.insert(0, bench)
    try:
        import validate_metadata  # type: ignore[import-not-found,unused-ignore]
    finally:
        sys.path.remove(bench)
    return validate_metadata


def _plain_documents() -> list[Any]:
    """Hand-written documents with nothing to report, as ``(version, kind, doc)`` params."""
    out: list[Any] = []
    for version in NATIVE_CHECK:
        for kind in example_kinds(version):
            if version == "0.4" and kind in ("labels", "bioformats2raw", "series"):
                continue  # no version in 0.4: judged with a version-missing warning
            expected = "image" if kind == "attributes" else kind
            out.append(
                pytest.param(version, expected, example(version, kind), id=f"{version}-{kind}")
            )
    bench = _bench_builders()
    rng = random.Random(7)
    for version in NATIVE_CHECK:
        rows = [bench.row_name(i) for i in range(30)]  # past Z: AA, AB, ...
        columns = [str(j + 1) for j in range(24)]
        built = [
            ("plate", bench.build_plate(version, rows, columns)),
            ("plate", bench.build_plate(version, ["A", "B"], ["1"])),
            ("well", bench.build_well(version)),
            ("image", bench.build_image(version, "B/7/2", 1, 6, rng)),
            ("image", bench.build_image(version, "AD/24/0", 29, 23, rng)),
        ]
        for n, (kind, doc) in enumerate(built):
            out.append(pytest.param(version, kind, doc, id=f"bench-{version}-{kind}-{n}"))
            out.append(
                pytest.param(
                    version, kind, bench.as_read(doc), id=f"bench-{version}-{kind}-{n}-read"
                )
            )
    return out


@pytest.mark.parametrize(("version", "kind", "doc"), _plain_documents())
def test_checker_hits_plain_documents(version: str, kind: str, doc: dict[str, Any]) -> None:
    check = _check()
    assert check(doc) == (version, kind)
    assert check(doc, version) == (version, kind)
    assert check(doc, "0.5" if version == "0.4" else "0.4") is None  # judged as another version
    for strict in (False, True):
        reference = _reference(doc, strict=strict, file="zarr.json")
        assert not reference.issues, _issues(reference)
        fast = validate_attributes(doc, strict=strict, file="zarr.json")
        assert _summary(fast) == _summary(reference)


def test_versionless_04_groups_are_no_hit() -> None:
    """0.4 labels and bioformats2raw groups declare no version: the reference warns
    (version-missing), so the checker must not hit."""
    check = _check()
    for kind in ("labels", "bioformats2raw", "series"):
        doc = example("0.4", kind)
        assert check(doc) is None
        assert [i.code for i in _reference(doc).issues] == ["version-missing"]


# ---- 6. validate_attributes: the same report with and without the native parts -------------


@pytest.mark.parametrize(("version", "kind"), CASES)
@settings(max_examples=_examples(30), **_SETTINGS)
@given(data=st.data())
def test_reports_are_the_same_without_native(version: str, kind: str, data: st.DataObject) -> None:
    doc = data.draw(_mixed_documents(version, kind), label="doc")
    strict = data.draw(st.booleans(), label="strict")
    # early documents may declare no version: judged as told, or as detected
    wanted = data.draw(st.sampled_from((None, version)), label="version")
    fast = validate_attributes(copy.deepcopy(doc), version=wanted, strict=strict, file="f")
    reference = _reference(doc, version=wanted, strict=strict, file="f")
    assert _summary(fast) == _summary(reference)
    assert fast.issues == reference.issues


# ---- 7. edge inputs ---------------------------------------------------------------------------


class Str(str):
    """A str subclass: not JSON's string type to an evaluator that checks exact types."""


class Dict(dict):  # type: ignore[type-arg]
    """A dict subclass."""


def _deep(depth: int, leaf: Any = 0) -> Any:
    value = leaf
    for _ in range(depth):
        value = [value]
    return value


def _ms(meta: dict[str, Any]) -> dict[str, Any]:
    ms: dict[str, Any] = meta["multiscales"][0]
    return ms


def _rename_key(obj: dict[str, Any], key: str, new: Any) -> None:
    """Replace ``key`` by ``new`` (an equal str subclass, say), keeping its value."""
    value = obj.pop(key)
    obj[new] = value


def _at(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def edit(meta: dict[str, Any]) -> None:
        target: Any = meta
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return edit


def _both(*edits: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def edit(meta: dict[str, Any]) -> None:
        for one in edits:
            one(meta)

    return edit


def _bad_omero_under_str_subclass_key(meta: dict[str, Any]) -> None:
    omero = meta.pop("omero")
    omero["channels"][0]["color"] = "not a colour"
    meta[Str("omero")] = omero


def _bad_axes_under_str_subclass_key(meta: dict[str, Any]) -> None:
    ms = _ms(meta)
    axes = ms.pop("axes")
    ms[Str("axes")] = [{"name": 5}, *axes]


def _outside_namespace(doc: dict[str, Any]) -> None:
    doc["multiscales"] = copy.deepcopy(doc["ome"]["multiscales"])


def _two_acquisitions(meta: dict[str, Any]) -> None:
    meta["well"]["images"] = [{"path": "0", "acquisition": 0}, {"path": "1", "acquisition": 1}]
    meta["well"]["images"].append({"path": "2"})


def _case_rows(meta: dict[str, Any]) -> None:
    plate = meta["plate"]
    plate["rows"] = [{"name": "A"}, {"name": "a"}]
    plate["wells"] = [
        {"path": "A/1", "rowIndex": 0, "columnIndex": 0},
        {"path": "a/2", "rowIndex": 1, "columnIndex": 1},
    ]


_SCALE = ("multiscales", 0, "datasets", 0, "coordinateTransformations", 0, "scale")
_COLOR0 = ("image-label", "colors", 0)
_WELL = ("plate", "wells")
_ACQ0 = ("plate", "acquisitions", 0)
_IMAGE0 = ("well", "images", 0)
_AXES = ("multiscales", 0, "axes")
_DATASET1 = ("multiscales", 0, "datasets", 1, "path")


#: (id, kind, edit of the OME metadata, a code the reference must report or None)
# fmt: off
_EDGES: list[tuple[str, str, Callable[[dict[str, Any]], None], str | None]] = [
    # Python types that are not JSON's
    ("axes tuple", "image", lambda m: _ms(m).update(axes=tuple(_ms(m)["axes"])), None),
    ("datasets tuple", "image", lambda m: _ms(m).update(datasets=tuple(_ms(m)["datasets"])), None),
    ("multiscales tuple", "image", lambda m: m.update(multiscales=tuple(m["multiscales"])), None),
    ("wells tuple", "plate", lambda m: m["plate"].update(wells=tuple(m["plate"]["wells"])), None),
    ("rgba tuple", "label-image", _at((*_COLOR0, "rgba"), (1, 2, 3, 4)), None),
    ("series tuple", "series", lambda m: m.update(series=tuple(m["series"])), None),
    ("plate dict subclass", "plate", lambda m: m.update(plate=Dict(m["plate"])), None),
    ("axis dict subclass", "image", lambda m: _ms(m)["axes"].__setitem__(0, Dict(_ms(m)["axes"][0])), None),
    ("image dict subclass", "well", lambda m: m["well"]["images"].__setitem__(0, Dict(m["well"]["images"][0])), None),
    ("metadata dict subclass", "image", lambda m: _ms(m).update(metadata=Dict(_ms(m)["metadata"])), None),
    ("axis name str subclass", "image", _at((*_AXES, -1, "name"), Str("x")), None),
    ("axis type str subclass", "image", _at((*_AXES, -1, "type"), Str("space")), None),
    ("well path str subclass", "plate", _at((*_WELL, 0, "path"), Str("A/1")), None),
    ("image path str subclass", "well", _at((*_IMAGE0, "path"), Str("0")), None),
    ("row name str subclass", "plate", _at(("plate", "rows", 0, "name"), Str("A")), None),
    ("color str subclass", "image", _at(("omero", "channels", 0, "color"), Str("zz")), None),
    ("labels str subclass", "labels", _at(("labels", 0), Str("../x")), None),
    ("metadata str subclass value", "image", lambda m: _ms(m)["metadata"].update(k=Str("v")), None),
    ("metadata str subclass key", "image", lambda m: _ms(m)["metadata"].update({Str("k"): 1}), None),
    ("omero key str subclass", "image", lambda m: _rename_key(m, "omero", Str("omero")), None),
    ("bad omero under str subclass key", "image", _bad_omero_under_str_subclass_key, None),
    ("bad axes under str subclass key", "image", _bad_axes_under_str_subclass_key, None),
    ("empty multiscale under str subclass key", "plate", lambda m: m.update({Str("multiscales"): [{}]}), None),
    ("datasets key str subclass", "image", lambda m: _rename_key(_ms(m), "datasets", Str("datasets")), None),
    # non-finite floats and huge integers
    ("nan in metadata", "image", lambda m: _ms(m)["metadata"].update(x=math.nan), None),
    ("inf in metadata", "image", lambda m: _ms(m)["metadata"].update(x=math.inf), None),
    ("nan scale", "image", _at((*_SCALE, 0), math.nan), None),
    ("inf scale", "image", _at((*_SCALE, 0), math.inf), None),
    ("nan window", "image", _at(("omero", "channels", 0, "window", "start"), math.nan), None),
    ("nan rowIndex", "plate", _at((*_WELL, 0, "rowIndex"), math.nan), None),
    ("inf acquisition id", "plate", _at((*_ACQ0, "id"), math.inf), None),
    ("nan label-value", "label-image", _at((*_COLOR0, "label-value"), math.nan), None),
    ("nan layout", "bioformats2raw", _at(("bioformats2raw.layout",), math.nan), None),
    ("huge acquisition id", "plate", _at((*_ACQ0, "id"), 10**40), None),
    ("huge rowIndex", "plate", _at((*_WELL, 0, "rowIndex"), 10**40), "well-index-out-of-range"),
    ("huge columnIndex", "plate", _at((*_WELL, 1, "columnIndex"), 10**40), "well-index-out-of-range"),
    ("huge negative rowIndex", "plate", _at((*_WELL, 0, "rowIndex"), -(10**40)), None),
    ("huge field_count", "plate", _at(("plate", "field_count"), 10**40), None),
    ("huge image acquisition", "well", _at((*_IMAGE0, "acquisition"), 10**40), None),
    ("huge label-value", "label-image", _at((*_COLOR0, "label-value"), 10**40), None),
    ("huge rgba", "label-image", _at((*_COLOR0, "rgba", 0), 10**40), None),
    ("huge omero id", "image", _at(("omero", "id"), 10**40), None),
    ("huge scale", "image", _at((*_SCALE, 0), 10**40), None),
    ("huge layout", "bioformats2raw", _at(("bioformats2raw.layout",), 3 + 2**64), None),
    # keys that are not strings
    ("int key in metadata", "image", lambda m: _ms(m)["metadata"].update({1: 2}), None),
    ("int key in multiscale", "image", lambda m: _ms(m).update({1: 2}), None),
    ("None key in omero", "image", lambda m: m["omero"].update({None: 2}), None),
    ("tuple key in axis", "image", lambda m: _ms(m)["axes"][0].update({(1, 2): 3}), None),
    ("int key in well", "plate", lambda m: m["plate"]["wells"][0].update({0: "A/1"}), None),
    ("bool key in meta", "well", lambda m: m.update({True: 1}), None),
    # deep nesting
    ("deep list in metadata", "image", lambda m: _ms(m)["metadata"].update(d=_deep(1000)), None),
    ("deep list as an axis", "image", lambda m: _ms(m)["axes"].append(_deep(1000)), None),
    ("deep list as axes", "image", lambda m: _ms(m).update(axes=_deep(1000)), None),
    ("deep list as axis name", "image", _at((*_AXES, 0, "name"), _deep(1000)), None),
    ("deep list in omero", "image", lambda m: m["omero"].update(extra=_deep(1000)), None),
    ("deep list as scale", "image", _at(_SCALE, _deep(1000)), None),
    ("deep list in a well", "plate", _at((*_WELL, 0, "extra"), _deep(1000)), None),
    # bools and floats for integers
    ("True rowIndex", "plate", _at((*_WELL, 1, "rowIndex"), True), None),
    ("False columnIndex", "plate", _at((*_WELL, 0, "columnIndex"), False), None),
    ("True acquisition id", "plate", _at((*_ACQ0, "id"), True), None),
    ("True image acquisition", "well", _at((*_IMAGE0, "acquisition"), True), None),
    ("True label-value", "label-image", _at((*_COLOR0, "label-value"), True), None),
    ("True layout", "bioformats2raw", _at(("bioformats2raw.layout",), True), None),
    ("rowIndex 1.0", "plate", _at((*_WELL, 1, "rowIndex"), 1.0), "wrong-type"),
    ("columnIndex 0.0", "plate", _at((*_WELL, 0, "columnIndex"), 0.0), "wrong-type"),
    ("rowIndex 1.5", "plate", _at((*_WELL, 1, "rowIndex"), 1.5), None),
    ("acquisition id 0.0", "plate", _at((*_ACQ0, "id"), 0.0), "wrong-type"),
    ("maximumfieldcount 2.0", "plate", _at((*_ACQ0, "maximumfieldcount"), 2.0), "wrong-type"),
    ("field_count 2.0", "plate", _at(("plate", "field_count"), 2.0), "wrong-type"),
    ("image acquisition 0.0", "well", _at((*_IMAGE0, "acquisition"), 0.0), "wrong-type"),
    ("label-value 1.0", "label-image", _at((*_COLOR0, "label-value"), 1.0), "wrong-type"),
    ("property label-value 1.0", "label-image", _at(("image-label", "properties", 0, "label-value"), 1.0), "wrong-type"),
    ("rgba 255.0", "label-image", _at((*_COLOR0, "rgba", 3), 255.0), "label-rgba-invalid"),
    ("layout 3.0", "bioformats2raw", _at(("bioformats2raw.layout",), 3.0), "wrong-type"),
    ("omero id 1.0", "image", _at(("omero", "id"), 1.0), "wrong-type"),
    ("defaultZ 0.0", "image", _at(("omero", "rdefs", "defaultZ"), 0.0), "wrong-type"),
    ("defaultT 0.0", "image", _at(("omero", "rdefs", "defaultT"), 0.0), "wrong-type"),
    # the hand-written rules
    ("duplicate well paths", "plate", _at((*_WELL, 1), {"path": "A/1", "rowIndex": 0, "columnIndex": 0}), "well-paths-not-unique"),
    ("duplicate acquisition ids", "plate", lambda m: m["plate"]["acquisitions"].append({"id": 0}), "acquisition-ids-not-unique"),
    ("two acquisitions, one field without", "well", _two_acquisitions, "well-image-acquisition-missing"),
    ("duplicate field paths", "well", _at(("well", "images", 1, "path"), "0"), "well-image-paths-not-unique"),
    ("rows differing in case", "plate", _case_rows, "row-names-case-collision"),
    ("duplicate row names", "plate", _at(("plate", "rows", 1, "name"), "A"), "row-names-not-unique"),
    ("well path row unknown", "plate", _at((*_WELL, 1, "path"), "C/2"), "well-path-row-unknown"),
    ("well index mismatch", "plate", _at((*_WELL, 1, "rowIndex"), 0), "well-index-mismatch"),
    ("well index out of range", "plate", _at((*_WELL, 1, "columnIndex"), 2), "well-index-out-of-range"),
    ("duplicate label values", "label-image", _at(("image-label", "colors", 1, "label-value"), 1), "label-values-not-unique"),
    ("labels path ../x", "labels", _at(("labels", 0), "../x"), "labels-path-invalid"),
    ("labels path a/./b", "labels", _at(("labels", 0), "a/./b"), "labels-path-invalid"),
    ("series path a/./b", "series", _at(("series", 1), "a/./b"), "series-path-invalid"),
    ("series path /abs", "series", _at(("series", 1), "/abs"), "series-path-invalid"),
    ("series path a.b", "series", _at(("series", 1), "a.b"), None),
    ("series path s3://x", "series", _at(("series", 1), "s3://x"), "series-path-invalid"),
    ("dataset path 0/../1", "image", _at(_DATASET1, "0/../1"), "dataset-path-invalid"),
    ("dataset path a//b", "image", _at(_DATASET1, "a//b"), "dataset-path-invalid"),
    ("dataset path 1.0", "image", _at(_DATASET1, "1.0"), None),
    ("duplicate dataset paths", "image", _at(_DATASET1, "0"), "dataset-paths-not-unique"),
    ("axes in wrong order", "image", lambda m: _ms(m)["axes"].reverse(), "axes-order"),
    ("duplicate axis names", "image", _at((*_AXES, 1, "name"), "x"), "axis-names-not-unique"),
    ("space axes xyz", "image", _both(
        _at((*_AXES, 0), {"name": "z", "type": "space", "unit": "micrometer"}),
        lambda m: _ms(m)["axes"].reverse(),
    ), "space-axes-not-zyx"),
    ("scale length mismatch", "image", lambda m: _ms(m)["datasets"][0]["coordinateTransformations"][0]["scale"].pop(), "scale-length-mismatch"),
    ("translation before scale", "image", lambda m: _ms(m)["datasets"][0].update(coordinateTransformations=[
        {"type": "translation", "translation": [0, 0, 0]}, {"type": "scale", "scale": [1, 1, 1]},
    ]), "translation-before-scale"),
    ("unknown axis unit", "image", _at((*_AXES, 1, "unit"), "furlong"), "axis-unit-unknown"),
]
# fmt: on


def _edge_documents() -> list[Any]:
    out = []
    for version in NATIVE_CHECK:
        for name, kind, edit, code in _EDGES:
            out.append(pytest.param(version, kind, edit, code, id=f"{version}-{name}"))
    out.append(
        pytest.param(
            "0.5", "image", None, "ome-key-outside-namespace", id="0.5-multiscales-outside"
        )
    )
    return out


def _build_edge(version: str, kind: str, edit: Callable[[dict[str, Any]], None] | None) -> Any:
    doc = example(version, kind)
    if edit is None:
        _outside_namespace(doc)
    else:
        edit(_meta(doc))
    return doc


def _no_issue(outcome: Report | Exception, hit: tuple[str, str]) -> str | None:
    """Why ``outcome`` (a reference report or exception) contradicts the checker's ``hit``."""
    if not isinstance(outcome, Report):
        return f"the reference raises {outcome!r}"
    if outcome.issues:
        return f"the reference reports {_issues(outcome)}"
    if (outcome.version, outcome.kind) != hit:
        return f"the reference judges it as {outcome.version} {outcome.kind}"
    return None


_EDGE_PARAMS = pytest.mark.parametrize(("version", "kind", "edit", "code"), _edge_documents())
_Edit = Callable[[dict[str, Any]], None] | None

# Each edge document is judged against the full path on the document itself and, for Python
# values JSON does not have (tuples, subclasses, non-string keys), against what it means as
# JSON (_as_json): jsonschema-rs refuses some of them outright (str subclasses, non-string keys
# in the objects it reads), and a native answer must then agree with the JSON meaning.


@_EDGE_PARAMS
def test_edge_inputs_programs(version: str, kind: str, edit: _Edit, code: str | None) -> None:
    """Each Program: unsure, or what jsonschema-rs says of the document's JSON meaning."""
    doc = _build_edge(version, kind, edit)
    meaning = _as_json(doc)
    if meaning is ...:
        for program in _programs(version):
            program.is_valid(doc)  # no crash; nothing to compare with
        return
    try:
        rs_base = schemas.validator(version, "attributes").is_valid(meaning)
        rs_should = schemas.validator(version, "should", strict=True).is_valid(meaning)
    except (ValueError, RecursionError):  # too deep for jsonschema-rs: nothing to compare with
        rs_base = rs_should = None
    expected = (rs_base, rs_should, rs_base and rs_should)
    names = ("attributes", "should", "attributes + should")
    for name, program, want in zip(names, _programs(version), expected, strict=True):
        got = program.is_valid(doc)
        if want is not None:
            assert got is None or got == want, (
                f"{name}: native {got}, jsonschema-rs on its JSON meaning {want}: {_json(doc)}"
            )


@_EDGE_PARAMS
def test_edge_inputs_checker(version: str, kind: str, edit: _Edit, code: str | None) -> None:
    """A hit only where the reference (or, where it refuses the document, the reference on its
    JSON meaning) has nothing to report; never a hit on a document with an issue."""
    doc = _build_edge(version, kind, edit)
    meaning = _as_json(doc)
    if code is not None:  # the case does break the rule it is about
        reference = _reference(meaning, strict=True)
        assert code in {i.code for i in reference.issues}, _issues(reference)
    check = _check()
    for strict in (False, True):
        for wanted in (None, version):
            hit = check(doc, wanted)
            if hit is None:
                continue
            assert code is None, f"checker hit {hit} on a document with {code}"
            outcome = _reference_outcome(doc, version=wanted, strict=strict)
            why = _no_issue(outcome, hit)
            if meaning is not ...:
                as_json = _reference_outcome(meaning, version=wanted, strict=strict)
                if why is not None and isinstance(outcome, Exception):
                    why = _no_issue(as_json, hit)  # refused as is: judged by its JSON meaning
                assert why is None, f"checker hit {hit} (strict={strict}), but {why}"
                why = _no_issue(as_json, hit)
                assert why is None, f"checker hit {hit} (strict={strict}); as JSON, {why}"
            assert why is None, f"checker hit {hit} (strict={strict}), but {why}"


@_EDGE_PARAMS
def test_edge_inputs_validate(version: str, kind: str, edit: _Edit, code: str | None) -> None:
    """``validate_attributes`` raises only where the reference raises (jsonschema-rs refusing
    the document), and otherwise gives the reference's report: of the document itself, or of
    its JSON meaning where the reference refuses the document."""
    doc = _build_edge(version, kind, edit)
    meaning = _as_json(doc)
    for strict in (False, True):
        for wanted in (None, version):
            outcome = _reference_outcome(doc, version=wanted, strict=strict, file="f")
            fast = _outcome(doc, version=wanted, strict=strict, file="f")
            if isinstance(fast, Exception):
                assert isinstance(outcome, Exception), (
                    f"the native path raises {fast!r}; the reference gives {outcome}"
                )
                assert type(fast) is type(outcome)
            elif isinstance(outcome, Report):
                assert _summary(fast) == _summary(outcome)
            elif meaning is not ...:
                as_json = _reference_outcome(meaning, version=wanted, strict=strict, file="f")
                assert isinstance(as_json, Report), as_json
                assert _summary(fast) == _summary(as_json), (
                    f"the native path reports {_issues(fast)} (valid: {fast.valid}); "
                    f"the reference refuses the document and reports {_issues(as_json)} "
                    "on its JSON meaning"
                )


_NOT_OBJECTS: list[Any] = [None, [], [{"ome": {"version": "0.5"}}], "0.5", 3, 1.5, True, (), Dict()]


@pytest.mark.parametrize("attrs", _NOT_OBJECTS, ids=repr)
def test_not_an_object(attrs: Any) -> None:
    assert _check()(attrs) is None
    fast = validate_attributes(attrs)
    assert [i.code for i in fast.issues] == ["attributes-not-object"]
    assert _summary(fast) == _summary(_reference(attrs))


@pytest.mark.parametrize(
    "attrs",
    [
        {"ome": {"version": "0.5", "labels": ["a"]}, "labels": ["a"]},
        {"ome": {"version": "0.5", "labels": ["a"]}, "version": "0.5"},
        {"ome": {"version": Str("0.5"), "labels": ["a"]}},
        {"ome": Dict(version="0.5", labels=["a"])},
        {"ome": {"version": "0.5", "labels": ["a"]}, 1: 2},
        {"ome": {"version": "0.4", "labels": ["a"]}},
        {"multiscales": [{"version": "0.4"}], "plate": {"version": "0.5"}},
        {"plate": {"version": "0.4"}, "well": {"version": "0.5"}},
        {"labels": ["a"], "plate": {"version": Str("0.4")}},
    ],
    ids=repr,
)
def test_versions_and_layouts(attrs: Any) -> None:
    """The declared version and the layout decide the path: no hit unless the reference has
    nothing to report, the same report either way."""
    check = _check()
    for wanted in (None, "0.4", "0.5"):
        hit = check(attrs, wanted)
        outcome = _reference_outcome(attrs, version=wanted)
        if hit is not None:
            assert isinstance(outcome, Report), outcome
            assert not outcome.issues, outcome
        if isinstance(outcome, Report):
            assert _summary(validate_attributes(attrs, version=wanted)) == _summary(outcome)


def test_version_must_be_known() -> None:
    doc = example("0.5", "image")
    assert _check()(doc, "9.9") is None
    with pytest.raises(ValueError, match="unsupported version"):
        validate_attributes(doc, version="9.9")


def _deep_objects(depth: int) -> dict[str, Any]:
    deep: dict[str, Any] = {}
    for _ in range(depth):
        deep = {"ome": deep, "multiscales": [deep], "version": "0.5"}
    return deep


def test_deep_nesting_of_the_whole_document() -> None:
    """The evaluator stops at its depth limit (unsure) instead of overflowing the C stack; a
    judgement it does give is the one jsonschema-rs gives of the same shape, shallower."""
    deep_lists, deep_objects = _deep(100_000), _deep_objects(100_000)
    for version in VERSIONS:
        rs = (
            schemas.validator(version, "attributes"),
            schemas.validator(version, "should", strict=True),
        )
        shallow = {
            "lists": [r.is_valid(_deep(3)) for r in rs],
            "objects": [r.is_valid(_deep_objects(3)) for r in rs],
        }
        for shape, deep in (("lists", deep_lists), ("objects", deep_objects)):
            base, should = shallow[shape]
            expected = (base, should, base and should)
            for program, want in zip(_programs(version), expected, strict=True):
                assert program.is_valid(deep) in (None, want), (version, shape)
    assert _check()(deep_objects) is None

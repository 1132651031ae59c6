"""Properties of the public Hypothesis strategies (``omezarr_models.testing.strategies``).

The strategies are checked against three independent judges: the validator (valid documents
pass, mutated ones fail with the expected code, at the expected place), the typed models (a
valid document survives dict -> model -> dict unchanged; a broken one is refused) and the
reference JSON Schema implementation, python-``jsonschema``, on our own schemas (it accepts
every valid document, and every strict one against the strict schemas). Every version, 0.1 to
0.5, and every kind it defines.
"""

from __future__ import annotations

import itertools
import json
import re
from functools import cache
from random import Random
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, assume, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import NoSuchExample
from jsonschema import Draft202012Validator
from pydantic import ValidationError
from referencing import Registry, Resource

from omezarr_models import Report, v01, v02, v03, v04, v05, validate_attributes
from omezarr_models._base import OmeModel
from omezarr_models.codes import CODES
from omezarr_models.detection import detect
from omezarr_models.testing import _mutations_v01_v03, strategies
from omezarr_models.testing._catalogue import candidates
from omezarr_models.testing.strategies import (
    KINDS,
    VERSIONS,
    Mutated,
    documents,
    kinds,
    mutation_codes,
    mutations,
)
from tests.conftest import REPO

EARLY = ("0.1", "0.2", "0.3")
MODULES = {"0.1": v01, "0.2": v02, "0.3": v03, "0.4": v04, "0.5": v05}
VERSION_KINDS = [(v, k) for v in VERSIONS for k in kinds(v)]
COMBOS = [(v, k, s) for v, k in VERSION_KINDS for s in (False, True)]
KIND_MODELS = {
    "image": "Image",
    "label-image": "LabelImage",
    "labels": "Labels",
    "plate": "Plate",
    "well": "Well",
    "bioformats2raw": "Bioformats2Raw",
    "series": "Series",
}
# Whole documents take longer to generate than Hypothesis expects of one strategy.
SLOW_OK = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
# For ``find``: the loaded profile, without example database or shrinking.
FIND = settings(database=None, phases=[Phase.generate], suppress_health_check=list(HealthCheck))


def _version_kind(pairs: list[tuple[str, str]]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("version", "kind"), pairs, ids=[f"{v}-{k}" for v, k in pairs])


# One test per version and kind, ``strict`` drawn: both settings share the profile's examples.
# 0.4 and 0.5: a test per judge. 0.1-0.3: every judge on each document drawn, and a third of the
# profile's examples (their documents are smaller, their rules fewer; the diversity tests below
# reach every kind, axis order and mutation of them).
later_version_kind = _version_kind([(v, k) for v, k in VERSION_KINDS if v not in EARLY])
early_version_kind = _version_kind([(v, k) for v, k in VERSION_KINDS if v in EARLY])
EARLY_EXAMPLES = settings(SLOW_OK, max_examples=max(25, settings().max_examples // 3))


def meta(doc: dict[str, Any], version: str) -> dict[str, Any]:
    """The object holding the OME keys: the document (up to 0.4) or its ``ome`` object (0.5)."""
    out: dict[str, Any] = doc["ome"] if version == "0.5" else doc
    return out


def judge(doc: Any, version: str, *, strict: bool = False) -> Report:
    """Validate ``doc``. A 0.1-0.3 document that declares no version (every version key is
    optional before 0.4) is judged as ``version``, as a reader told the version would; any other
    document as the version it declares."""
    declares = isinstance(doc, dict) and detect(doc).declared is not None
    told = version if version in EARLY and not declares else None
    return validate_attributes(doc, version=told, strict=strict)


def exact(value: Any) -> str:
    """JSON text that tells 1 from 1.0 (``==`` does not)."""
    return json.dumps(value, sort_keys=True)


def issues(report: Report) -> str:
    return "\n".join(f"{i.path} {i.code} {i.severity}: {i.message}" for i in report.issues)


def model_of(version: str, kind: str, content: Any) -> type[OmeModel]:
    """The model of a document of ``kind``. A bioformats2raw group holding a plate is a plate:
    the spec says the plate takes precedence (``Bioformats2Raw`` does not look at it)."""
    if kind == "bioformats2raw" and isinstance(content, dict) and "plate" in content:
        kind = "plate"
    model: type[OmeModel] = getattr(MODULES[version], KIND_MODELS[kind])
    return model


# --------------------------------------------------------------------------------------------
# 1. valid documents are valid


@later_version_kind
@SLOW_OK
@given(strict=st.booleans(), data=st.data())
def test_valid_documents_are_valid(version: str, kind: str, strict: bool, data: Any) -> None:
    check_valid(
        data.draw(documents(version, kind, strict=strict), label="doc"), version, kind, strict
    )


@early_version_kind
@EARLY_EXAMPLES
@given(strict=st.booleans(), data=st.data())
def test_early_valid_documents_pass_every_judge(
    version: str, kind: str, strict: bool, data: Any
) -> None:
    """Valid for the validator (strictly when asked), the same after dict -> model -> dict, and
    valid for the reference implementation."""
    doc = data.draw(documents(version, kind, strict=strict), label="doc")
    check_valid(doc, version, kind, strict)
    check_round_trip(doc, version, kind)
    check_reference(doc, version, strict)


def check_valid(doc: dict[str, Any], version: str, kind: str, strict: bool) -> None:
    report = judge(doc, version, strict=strict)
    assert report.valid, issues(report)
    assert report.version == version
    # a bioformats2raw group holding a plate is a plate (the plate takes precedence)
    assert report.kind == ("plate" if "plate" in meta(doc, version) else kind)
    if strict:
        # every SHOULD holds. A 0.4 labels, series or bioformats2raw group has no key to hold
        # a version, and is told so: that warning is no SHOULD rule.
        assert all(i.code == "version-missing" for i in report.warnings), issues(report)
        if version != "0.4" or kind in ("image", "label-image", "plate", "well"):
            assert not report.warnings, issues(report)


# --------------------------------------------------------------------------------------------
# 2. mutated documents are invalid, with the expected code


@later_version_kind
@SLOW_OK
@given(strict=st.booleans(), data=st.data())
def test_mutated_documents_report_their_code(
    version: str, kind: str, strict: bool, data: Any
) -> None:
    check_mutation(
        data.draw(mutations(version, kind, strict=strict), label="mutation"), version, strict
    )


@early_version_kind
@EARLY_EXAMPLES
@given(strict=st.booleans(), data=st.data())
def test_early_mutations_are_reported_and_refused(
    version: str, kind: str, strict: bool, data: Any
) -> None:
    """Reported with their code at their pointer; a MUST error refused by the model too."""
    mutation = data.draw(mutations(version, kind, strict=strict), label="mutation")
    check_mutation(mutation, version, strict)
    if not strict:  # only MUST rules are broken
        check_refused(mutation.document, version, kind)


def check_mutation(mutation: Mutated, version: str, strict: bool) -> None:
    code = mutation.code
    report = judge(mutation.document, version, strict=strict)
    assert not report.valid, f"expected {code}, but the document is valid"
    assert code in {i.code for i in report.errors}, f"expected {code}; got\n{issues(report)}"
    if mutation.pointer is not None:  # where the mutation says the rule breaks
        where = {i.path for i in report.errors if i.code == code}
        assert mutation.pointer in where, f"expected {code} at {mutation.pointer}; got {where}"


@pytest.mark.parametrize("version", EARLY)
@EARLY_EXAMPLES
@given(data=st.data())
def test_versionless_early_images_are_judged_by_their_layout(version: str, data: Any) -> None:
    """Without any version, a 0.3 image (axes as names) is judged as 0.3, a 0.1 or 0.2 image
    (no axes) as 0.2, with a warning that says so; the document is valid either way."""
    doc = data.draw(documents(version, "image"), label="doc")
    # (keys of later versions, unknown to this one, would tell another story)
    assume(version == "0.3" or all("axes" not in ms for ms in doc["multiscales"]))
    assume(not any("coordinateTransformations" in json.dumps(ms) for ms in doc["multiscales"]))
    for ms in doc["multiscales"]:
        ms.pop("version", None)
    report = validate_attributes(doc)
    assert report.version == ("0.3" if version == "0.3" else "0.2")
    assert report.valid, issues(report)
    assert [i.code for i in report.warnings if i.path == ""] == ["version-missing"]


@pytest.mark.parametrize("version", VERSIONS)
def test_documents_pairs_are_mutations(version: str) -> None:
    """``documents(valid=False)`` gives the document and code of :func:`mutations`."""
    strategy = documents(version, "image", valid=False)
    doc, code = find(strategy, lambda _: True, settings=FIND, random=Random(0))
    mutation = find(mutations(version, "image"), lambda _: True, settings=FIND, random=Random(0))
    assert (doc, code) == (mutation.document, mutation.code)


def test_mutations_cover_many_codes() -> None:
    every: set[str] = set()
    for version, kind, strict in COMBOS:
        codes = mutation_codes(version, kind, strict=strict)
        assert codes, (version, kind, strict)
        assert codes <= set(CODES), codes - set(CODES)
        every |= codes
    assert len(every) >= 20
    for version, kind in VERSION_KINDS:  # several rules per kind
        assert len(mutation_codes(version, kind)) >= (3 if kind in ("labels", "series") else 4), (
            kind
        )
    # a SHOULD before 0.4, a MUST from 0.4
    assert "well-image-acquisition-missing" in mutation_codes("0.1", "well", strict=True)
    assert "well-image-acquisition-missing" not in mutation_codes("0.1", "well")
    assert "well-image-acquisition-missing" in mutation_codes("0.4", "well")


def test_early_code_table_is_the_catalogue() -> None:
    """The table of codes per version in the docstring of the 0.1-0.3 mutations says what the
    catalogue draws: each code a MUST (drawn without strict), a SHOULD (only with strict) or
    not drawn, per version over all its kinds."""
    rows = re.findall(
        r"^([a-z-]+) +(must|should|none) +(must|should|none) +(must|should|none)$",
        _mutations_v01_v03.__doc__ or "",
        flags=re.MULTILINE,
    )
    assert len(rows) >= 30
    for k, version in enumerate(EARLY):
        lax = set().union(*(mutation_codes(version, kind) for kind in kinds(version)))
        every = set().union(
            *(mutation_codes(version, kind, strict=True) for kind in kinds(version))
        )
        table = {row[0]: row[k + 1] for row in rows}
        assert {code for code, level in table.items() if level == "must"} == lax, version
        assert {code for code, level in table.items() if level == "should"} == every - lax
        assert every <= set(table), every - set(table)


# The strict variants only add the codes of SHOULD rules (the MUST ones are the lax ones).
EVERY_MUTATION = [
    pytest.param(v, k, s, code, id=f"{v}-{k}-{'should' if s else 'must'}-{code}")
    for v, k, s in COMBOS
    for code in sorted(mutation_codes(v, k, strict=s) - (mutation_codes(v, k) if s else set()))
]


@pytest.mark.parametrize(("version", "kind", "strict", "code"), EVERY_MUTATION)
def test_every_mutation_is_drawn_and_reported(
    version: str, kind: str, strict: bool, code: str
) -> None:
    """Each code on its own (``codes=``): it can be drawn, and it is reported as an error (a
    SHOULD code: a warning when not strict, an error when strict)."""
    strategy = documents(version, kind, valid=False, strict=strict, codes={code})
    doc, got = find(strategy, lambda _: True, settings=FIND, random=Random(0))
    assert got == code
    report = judge(doc, version, strict=strict)
    assert code in {i.code for i in report.errors}, issues(report)
    if strict:
        lax = judge(doc, version)
        assert code in {i.code for i in lax.warnings}, issues(lax)


def test_kinds_are_those_each_version_defines() -> None:
    """Every kind of group a version has a schema for, and no other: bioformats2raw collections
    (and their series) begin with 0.4."""
    for version in EARLY:
        assert kinds(version) == ("image", "label-image", "labels", "plate", "well")
    for version in ("0.4", "0.5"):
        assert kinds(version) == KINDS
    assert {k for _, k in VERSION_KINDS} == set(KINDS)


def test_arguments_are_checked() -> None:
    with pytest.raises(ValueError, match="axis-names-not-unique"):
        documents("0.4", "plate", valid=False, codes={"axis-names-not-unique"})
    with pytest.raises(ValueError, match="valid=False"):
        documents("0.4", "plate", valid=True, codes={"plate-rows-missing"})
    with pytest.raises(ValueError, match="version"):
        documents("0.0", "image")
    with pytest.raises(ValueError, match="kind"):
        documents("0.4", "omero")
    with pytest.raises(ValueError, match="no bioformats2raw groups"):
        documents("0.3", "bioformats2raw")
    with pytest.raises(ValueError, match="no series groups"):
        mutations("0.1", "series")
    with pytest.raises(ValueError, match="axis-names-not-unique"):
        documents("0.2", "image", valid=False, codes={"axis-names-not-unique"})
    with pytest.raises(ValueError, match="ndim"):
        strategies.axes("0.4", ndim=6)
    with pytest.raises(ValueError, match="version"):
        strategies.axes("0.2")
    with pytest.raises(ValueError, match="no axes"):
        strategies.multiscale("0.1", ndim=3)
    with pytest.raises(ValueError, match="max_levels"):
        strategies.multiscale("0.4", max_levels=0)
    with pytest.raises(ValueError, match="version"):
        strategies.plate_metadata("0.0")
    with pytest.raises(ValueError, match="version"):
        strategies.bioformats2raw("0.3")


# --------------------------------------------------------------------------------------------
# 3. dict -> model -> dict is the identity; the models refuse what the validator refuses


@later_version_kind
@SLOW_OK
@given(strict=st.booleans(), data=st.data())
def test_models_round_trip(version: str, kind: str, strict: bool, data: Any) -> None:
    check_round_trip(data.draw(documents(version, kind, strict=strict), label="doc"), version, kind)


def check_round_trip(doc: dict[str, Any], version: str, kind: str) -> None:
    content = meta(doc, version)
    model = model_of(version, kind, content)
    assert exact(model.model_validate(content).to_json_dict()) == exact(content)


@pytest.mark.parametrize("version", ["0.4", "0.5"])
@SLOW_OK
@given(data=st.data())
def test_models_refuse_mutated_documents(version: str, data: Any) -> None:
    """What the validator calls a MUST error, the model of the kind refuses too."""
    kind = data.draw(st.sampled_from(kinds(version)), label="kind")
    doc, _ = data.draw(documents(version, kind, valid=False), label="pair")
    check_refused(doc, version, kind)


def check_refused(doc: dict[str, Any], version: str, kind: str) -> None:
    content = meta(doc, version)
    with pytest.raises(ValidationError):
        model_of(version, kind, content).model_validate(content)


# Minimal examples of model bugs found by these strategies (shrunk by Hypothesis), now fixed.
PLATE = {"rows": [{"name": "A"}], "columns": [{"name": "1"}], "wells": []}
IMAGE_04 = {
    "version": "0.4",
    "axes": [{"name": "y", "type": "space"}, {"name": "x", "type": "space"}],
    "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale", "scale": [1, 1]}]}],
}


@pytest.mark.parametrize(
    ("version", "doc"),
    [
        ("0.4", {"plate": PLATE, "bioformats2raw_layout": None}),
        ("0.5", {"ome": {"version": "0.5", "plate": PLATE, "bioformats2raw_layout": 3}}),
    ],
)
def test_models_keep_lookalike_keys(version: str, doc: dict[str, Any]) -> None:
    report = validate_attributes(doc)
    assert report.valid, issues(report)
    content = meta(doc, version)
    built = model_of(version, "plate", content).model_validate(content)
    assert exact(built.to_json_dict()) == exact(content)


@pytest.mark.parametrize(
    ("version", "kind", "doc", "code"),
    [
        pytest.param(
            "0.4",
            "label-image",
            {"multiscales": [IMAGE_04], "image-label": {"colors": [{"label_value": 1}]}},
            "label-value-missing",
            id="label_value",
        ),
        pytest.param(
            "0.5",
            "bioformats2raw",
            {"ome": {"version": "0.5", "bioformats2raw_layout": 3}},
            "no-ome-metadata",
            id="bioformats2raw_layout",
        ),
    ],
)
def test_models_refuse_lookalike_keys(
    version: str, kind: str, doc: dict[str, Any], code: str
) -> None:
    """A look-alike key ('label_value') does not stand in for the spec key ('label-value'):
    the document the validator rejects, the model refuses (found by these strategies)."""
    report = validate_attributes(doc)
    assert code in {i.code for i in report.errors}, issues(report)
    content = meta(doc, version)
    with pytest.raises(ValidationError):
        model_of(version, kind, content).model_validate(content)


# --------------------------------------------------------------------------------------------
# 4. the reference implementation agrees


@cache
def reference(version: str, strict: bool = False) -> Draft202012Validator:
    """python-jsonschema on ``schemas/<version>/attributes.schema.json`` (``strict/`` with
    ``strict``), with every schema of the version in the registry under its ``$id``."""
    resources = {}
    for path in sorted((REPO / "schemas" / version).rglob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources[schema["$id"]] = schema
    registry: Registry[Any] = Registry().with_resources(
        (uri, Resource.from_contents(schema)) for uri, schema in resources.items()
    )
    folder = "strict/" if strict else ""
    root = f"https://omezarr.invalid/schemas/{version}/{folder}attributes.schema.json"
    return Draft202012Validator(resources[root], registry=registry)


@later_version_kind
@SLOW_OK
@given(strict=st.booleans(), data=st.data())
def test_reference_implementation_accepts_valid_documents(
    version: str, kind: str, strict: bool, data: Any
) -> None:
    check_reference(
        data.draw(documents(version, kind, strict=strict), label="doc"), version, strict
    )


def check_reference(doc: dict[str, Any], version: str, strict: bool) -> None:
    errors = [
        f"{list(e.absolute_path)}: {e.message}" for e in reference(version, strict).iter_errors(doc)
    ]
    assert not errors, "\n".join(errors)


# --------------------------------------------------------------------------------------------
# 5. determinism and diversity


def drawn(strategy: Any, seed: int, count: int = 40) -> list[str]:
    """The first ``count`` examples of ``strategy`` under ``seed``, as exact JSON."""
    seen: list[str] = []

    def record(value: Any) -> bool:
        seen.append(exact(value))
        return len(seen) >= count

    find(strategy, record, settings=FIND, random=Random(seed))
    return seen


@pytest.mark.parametrize("valid", [True, False])
@pytest.mark.parametrize("version", ["0.2", "0.5"])
def test_strategies_are_deterministic_under_a_seed(version: str, valid: bool) -> None:
    strategy = st.sampled_from(kinds(version)).flatmap(
        lambda kind: documents(version, kind, valid=valid, strict=True)
    )
    first = drawn(strategy, 20240601)
    assert drawn(strategy, 20240601) == first
    assert drawn(strategy, 7) != first
    assert len(set(first)) > len(first) // 2  # not one document again and again


def found(strategy: Any, condition: Any) -> Any:
    """An example of ``strategy`` meeting ``condition`` (NoSuchExample if there is none)."""
    return find(strategy, condition, settings=FIND, random=Random(1))


def multiscales(doc: dict[str, Any], version: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = meta(doc, version)["multiscales"]
    return out


def plate(doc: dict[str, Any], version: str) -> dict[str, Any]:
    out: dict[str, Any] = meta(doc, version)["plate"]
    return out


@pytest.mark.parametrize("version", ["0.4", "0.5"])
def test_documents_are_diverse(version: str) -> None:
    v = version
    images = documents(v, "image")
    five_d = found(images, lambda d: any(len(ms["axes"]) == 5 for ms in multiscales(d, v)))
    assert validate_attributes(five_d).valid
    found(images, lambda d: len(multiscales(d, v)) == 2)
    found(images, lambda d: any(len(ms["datasets"]) == 5 for ms in multiscales(d, v)))
    found(
        images,
        lambda d: any(
            t["type"] == "scale" and "path" in t
            for ms in multiscales(d, v)
            for ds in ms["datasets"]
            for t in ds["coordinateTransformations"]
        ),
    )
    found(
        images,
        lambda d: any(
            len(ds["coordinateTransformations"]) == 2
            for ms in multiscales(d, v)
            for ds in ms["datasets"]
        ),
    )
    found(images, lambda d: any("coordinateTransformations" in ms for ms in multiscales(d, v)))
    found(
        images,
        lambda d: any(
            isinstance(ch["window"]["start"], float) and isinstance(ch["window"]["max"], int)
            for ch in meta(d, v).get("omero", {}).get("channels", [])
        ),
    )
    found(
        documents(v, "label-image", strict=True),
        lambda d: bool(meta(d, v)["image-label"].get("properties")),
    )
    plates = documents(v, "plate")
    found(plates, lambda d: len(plate(d, v).get("acquisitions", [])) == 2)
    found(plates, lambda d: any(r["name"] == "AA" for r in plate(d, v)["rows"]))
    found(
        plates,
        lambda d: (
            0 < len(plate(d, v)["wells"]) < len(plate(d, v)["rows"]) * len(plate(d, v)["columns"])
        ),
    )
    found(
        documents(v, "well"),
        lambda d: len({i.get("acquisition") for i in meta(d, v)["well"]["images"]}) >= 2,
    )
    found(documents(v, "bioformats2raw"), lambda d: "plate" in meta(d, v))
    found(documents(v, "labels"), lambda d: any("/" in p for p in meta(d, v)["labels"]))
    found(documents(v, "series"), lambda d: len(meta(d, v)["series"]) >= 2)
    # unknown keys, at the top and deeper down, look-alikes of spec keys included
    found(plates, lambda d: bool(set(meta(d, v)) - {"plate", "version"}))
    found(plates, lambda d: any(set(r) != {"name"} for r in plate(d, v)["rows"]))
    found(images, lambda d: "label_value" in json.dumps(d) or "image_label" in json.dumps(d))


@pytest.mark.parametrize("version", EARLY)
def test_early_documents_are_diverse(version: str) -> None:
    """What the texts before 0.4 allow and 0.4 does not, and what is optional in them."""
    v = version
    images = documents(v, "image")
    if v == "0.3":  # every multiscale has its axis names
        found(images, lambda d: all(len(ms["axes"]) == 2 for ms in multiscales(d, v)))
        with pytest.raises(NoSuchExample):
            found(images, lambda d: any("axes" not in ms for ms in multiscales(d, v)))
    else:  # no axes before 0.3 (but as an unknown key, with any value)
        found(images, lambda d: all("axes" not in ms for ms in multiscales(d, v)))
        found(images, lambda d: any("axes" in ms for ms in multiscales(d, v)))
    found(images, lambda d: len(multiscales(d, v)) == 2)
    found(images, lambda d: any(len(ms["datasets"]) == 5 for ms in multiscales(d, v)))
    versionless = found(images, lambda d: detect(d).declared is None)
    assert judge(versionless, v).version == v
    found(images, lambda d: "version" in multiscales(d, v)[0])
    found(images, lambda d: "omero" in d and "channels" not in d["omero"])
    found(
        images,
        lambda d: any(
            "color" not in ch or "window" not in ch or len(ch["window"]) < 4
            for ch in d.get("omero", {}).get("channels", [])
        ),
    )
    labelled = documents(v, "label-image")
    if v != "0.1":  # properties: from 0.2 (an unknown key, with any value, in 0.1)
        found(labelled, lambda d: bool(d["image-label"].get("properties")))
    found(labelled, lambda d: "colors" not in d["image-label"])
    plates = documents(v, "plate", strict=True)
    found(plates, lambda d: {} in plate(d, v)["rows"])
    found(plates, lambda d: not plate(d, v)["rows"])
    found(plates, lambda d: any(w["path"].count("/") >= 2 for w in plate(d, v)["wells"]))
    found(plates, lambda d: any(set(w) != {"path"} for w in plate(d, v)["wells"]))
    found(
        plates,
        lambda d: len({r.get("name") for r in plate(d, v)["rows"]}) < len(plate(d, v)["rows"]),
    )
    found(
        plates,
        lambda d: any(
            isinstance(a.get("starttime"), str) for a in plate(d, v).get("acquisitions", [])
        ),
    )
    found(plates, lambda d: "version" not in plate(d, v) and "field_count" not in plate(d, v))
    found(plates, lambda d: any(a["id"] < 0 for a in plate(d, v).get("acquisitions", [])))
    wells = documents(v, "well")
    found(wells, lambda d: len({i["path"] for i in d["well"]["images"]}) < len(d["well"]["images"]))
    partial = found(
        wells,
        lambda d: (
            len({i["acquisition"] for i in d["well"]["images"] if "acquisition" in i}) >= 2
            and any("acquisition" not in i for i in d["well"]["images"])
        ),
    )
    assert "well-image-acquisition-missing" in {i.code for i in judge(partial, v).warnings}
    # unknown keys, at the top and deeper down
    found(documents(v, "labels"), lambda d: bool(set(d) - {"labels"}))
    if v == "0.3":
        found(images, lambda d: d.get("_ARRAY_DIMENSIONS") == d["multiscales"][0]["axes"])
    # keys a later version defines, unknown to this one
    found(images, lambda d: "bioformats2raw.layout" in d or "series" in d)
    found(
        images,
        lambda d: any(
            "coordinateTransformations" in ds for ms in multiscales(d, v) for ds in ms["datasets"]
        ),
    )
    found(documents(v, "plate"), lambda d: any("rowIndex" in w for w in plate(d, v)["wells"]))
    if v == "0.1":
        found(labelled, lambda d: "properties" in d["image-label"])
    found(
        images,
        lambda d: any(set(ds) != {"path"} for ms in multiscales(d, v) for ds in ms["datasets"]),
    )


def test_0_1_label_mutations_leave_properties_alone() -> None:
    """``properties`` is an unknown key in 0.1 (it comes with 0.2): no mutation breaks a rule
    there, though 0.1 documents sometimes hold it (with entries as 0.2 writes them)."""
    labelled = mutations("0.1", "label-image", codes={"label-value-missing", "wrong-type"})
    found(labelled, lambda m: bool(m.document["image-label"].get("properties")))
    with pytest.raises(NoSuchExample):
        found(labelled, lambda m: "/image-label/properties" in (m.pointer or ""))


def test_every_axis_order_of_0_3_is_drawn() -> None:
    """0.3 axes: t, c, z, y, x with some of t, c, z left out; every such order, and no other."""
    orders = {tuple(order) for order in strategies.AXIS_ORDERS_03}
    assert len(orders) == 8
    assert {len(order) for order in orders} == {2, 3, 4, 5}
    for order in orders:
        assert list(order) == sorted(order, key="tczyx".index)
        assert order[-2:] == ("y", "x")
        names = found(strategies.axes("0.3", ndim=len(order)), lambda a, o=order: tuple(a) == o)
        assert tuple(names) == order
        found(
            documents("0.3", "image"),
            lambda d, o=order: any(tuple(ms["axes"]) == o for ms in d["multiscales"]),
        )
    with pytest.raises(NoSuchExample):
        found(strategies.axes("0.3"), lambda a: tuple(a) not in orders)


@pytest.mark.parametrize(
    ("version", "kind"), VERSION_KINDS, ids=[f"{v}-{k}" for v, k in VERSION_KINDS]
)
def test_every_mutation_label_is_drawn(version: str, kind: str) -> None:
    """Each mutation of the catalogue is reached, and reported as it should be."""
    wanted = {m.label for m in candidates(version, kind, True)}
    for code in mutation_codes(version, kind, strict=True):
        labels = {m.label for m in candidates(version, kind, True, frozenset({code}))}
        seen: set[str] = set()

        def all_seen(mutation: Mutated, labels: set[str] = labels, seen: set[str] = seen) -> bool:
            if mutation.label not in seen:  # the first of each is reported as it should be
                check_mutation(mutation, version, strict=True)
                assert version not in EARLY or mutation.pointer is not None, mutation.label
                seen.add(mutation.label)
            return seen >= labels

        found(mutations(version, kind, strict=True, codes={code}), all_seen)
        wanted -= seen
    assert not wanted


def _shape(axes: list[dict[str, Any]]) -> tuple[str, ...]:
    """Per axis: time, space, channel, custom or untyped."""
    out = []
    for axis in axes:
        kind = axis.get("type", "untyped")
        out.append(kind if kind in ("time", "space", "channel", "untyped") else "custom")
    return tuple(out)


@pytest.mark.parametrize("strict", [False, True])
def test_every_allowed_axes_shape_is_drawn(strict: bool) -> None:
    """Every order and type mix the spec allows: time?, channel/custom/untyped?, 2-3 space."""
    middles = ["channel", "custom"] + ([] if strict else ["untyped"])
    for time in ([], ["time"]):
        for middle in [[], *([m] for m in middles)]:
            for n_space in (2, 3):
                shape = (*time, *middle, *["space"] * n_space)
                drawn_axes = strategies.axes("0.4", strict=strict, ndim=len(shape))
                axes = found(drawn_axes, lambda a, shape=shape: _shape(a) == shape)
                assert len({a["name"] for a in axes}) == len(axes)


XYZ_NOT_ZYX = [list(p) for p in itertools.permutations("xyz") if p != ("z", "y", "x")]


def test_units_and_names() -> None:
    lax = strategies.axes("0.5")
    found(lax, lambda a: any(x["type"] == "space" and "unit" not in x for x in _typed(a)))
    found(
        lax,
        lambda a: any(
            x["type"] == "space" and x.get("unit") not in (None, *strategies.SPACE_UNITS)
            for x in _typed(a)
        ),
    )
    found(lax, lambda a: [x["name"] for x in a][-3:] in XYZ_NOT_ZYX)  # a SHOULD, broken
    found(lax, lambda a: any(x["name"] not in ("t", "c", "z", "y", "x") for x in a))
    strict = strategies.axes("0.5", strict=True)
    # the lists are drawn from (units are sampled uniformly, so any one needs many examples)
    found(strict, lambda a: any(x.get("unit") in strategies.SPACE_UNITS for x in a))
    found(strict, lambda a: any(x.get("unit") in strategies.TIME_UNITS for x in a))
    assert {"parsec", "angstrom"} <= set(strategies.SPACE_UNITS)
    assert {"zettasecond", "millisecond"} <= set(strategies.TIME_UNITS)
    with pytest.raises(NoSuchExample):  # never x, y, z out of order when strict
        found(strict, lambda a: [x["name"] for x in a][-3:] in XYZ_NOT_ZYX)


def _typed(axes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [a for a in axes if "type" in a]


# --------------------------------------------------------------------------------------------
# The building blocks


@pytest.mark.parametrize("version", ["0.4", "0.5"])
@SLOW_OK
@given(data=st.data())
def test_building_blocks_make_valid_documents(version: str, data: Any) -> None:
    ms = data.draw(strategies.multiscale(version, strict=True, ndim=4, max_levels=2))
    assert len(ms["axes"]) == 4
    assert 1 <= len(ms["datasets"]) <= 2
    block = data.draw(strategies.omero(channels=3, version=version))
    assert len(block["channels"]) == 3
    content = {
        "multiscales": [ms],
        "omero": block,
        "image-label": data.draw(strategies.image_label(version, strict=True)),
    }
    doc = content if version == "0.4" else {"ome": {"version": version, **content}}
    report = validate_attributes(doc, strict=True)
    assert report.valid, issues(report)
    assert not report.warnings, issues(report)
    plate_meta = data.draw(strategies.plate_metadata(version, max_rows=2, max_columns=2))
    assert len(plate_meta["rows"]) <= 2
    assert len(plate_meta["columns"]) <= 2
    well = data.draw(strategies.well_metadata(version, max_fields=2))
    assert len(well["images"]) <= 2
    for part in ({"plate": plate_meta}, {"well": well}):
        doc = part if version == "0.4" else {"ome": {"version": version, **part}}
        assert validate_attributes(doc).valid


@SLOW_OK
@given(value=strategies.json_values())
def test_json_values_are_json(value: Any) -> None:
    assert json.loads(json.dumps(value)) == value
    validate_attributes(value)  # a report, never an exception

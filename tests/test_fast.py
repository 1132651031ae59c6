"""The pure-Python side of the native fast path (``omezarr_models._fast``) and its fallback.

These tests run whether or not the C extension is built: the lowering of our schemas and of
patterns is plain Python, validation without the extension (``OMEZARR_NO_SPEEDUPS=1``) must
give the same reports, and the build hook must produce a module of the expected interface.
The differential tests of the extension itself are in ``tests/test_speedups.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from omezarr_models import _fast, schemas, validate_attributes
from omezarr_models.examples import example
from omezarr_models.examples import kinds as example_kinds

ROOT = Path(__file__).resolve().parents[1]

#: Documents with something to report and without, whose reports are compared across processes.
_BROKEN_04 = {
    "multiscales": [
        {
            "version": "0.4",
            "axes": [{"name": "x", "type": "space"}, {"name": "x", "type": "space"}],
            "datasets": [{"path": "0", "coordinateTransformations": [{"type": "scale"}]}],
        }
    ]
}


def _documents() -> list[dict[str, object]]:
    docs: list[dict[str, object]] = [_BROKEN_04, {"ome": {"version": "0.5", "labels": ["../a"]}}]
    for version in ("0.4", "0.5"):
        docs += [example(version, kind) for kind in example_kinds(version)]
    return docs


def _reports_in_subprocess(env: dict[str, str]) -> list[dict[str, object]]:
    code = (
        "import json, sys\n"
        "from omezarr_models import _fast, validate_attributes\n"
        "docs = json.load(sys.stdin)\n"
        "out = {'native': _fast.speedups() is not None, 'checker': _fast.checker() is not None,\n"
        "       'reports': [validate_attributes(d).to_dict() for d in docs]}\n"
        "print(json.dumps(out))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        input=json.dumps(_documents()),
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, **env},
    )
    out = json.loads(done.stdout)
    assert out["native"] is (env.get("OMEZARR_NO_SPEEDUPS") != "1" and _fast.speedups() is not None)
    assert out["checker"] is out["native"]
    reports: list[dict[str, object]] = out["reports"]
    return reports


def test_reports_without_the_extension_are_the_same() -> None:
    without = _reports_in_subprocess({"OMEZARR_NO_SPEEDUPS": "1"})
    here = [validate_attributes(d).to_dict() for d in _documents()]
    assert without == here
    assert not without[0]["valid"]
    assert not without[1]["valid"]
    assert all(r["valid"] for r in without[2:])
    codes = {i["code"] for i in without[0]["issues"]}  # type: ignore[attr-defined]
    assert {"axis-names-not-unique", "transformation-parameters-missing"} <= codes


def test_switched_off_means_no_programs() -> None:
    code = (
        "from omezarr_models import _fast\n"
        "assert _fast.speedups() is None\n"
        "assert _fast.program('0.4', 'attributes') is None\n"
        "assert _fast.checker() is None and _fast.report_checker() is None\n"
        "print('off')\n"
    )
    env = {**os.environ, "OMEZARR_NO_SPEEDUPS": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "off"


@pytest.mark.parametrize("version", schemas.versions())
def test_lowering_resolves_every_reference(version: str) -> None:
    nodes, root = _fast.lower(version, "attributes", also=("should", True))
    assert 0 <= root < len(nodes)
    indices = set()
    for node in nodes:
        for word, value in node.items():
            if word in ("items", "contains", "not", "if", "then", "else", "ref"):
                indices.add(value)
            elif word in ("allOf", "anyOf", "oneOf"):
                indices.update(value)
            elif word in ("properties", "dependentSchemas"):
                indices.update(i for _, i in value)
            elif word == "by":
                indices.update(i for _, i in value[1])
        assert "$ref" not in node
        assert not any(w.startswith("x-") for w in node)
    assert all(0 <= i < len(nodes) for i in indices)


def test_lowering_refuses_what_it_cannot_evaluate() -> None:
    lowering = _fast._Lowering({})
    with pytest.raises(_fast.UnsupportedSchemaError, match="additionalProperties"):
        lowering.node({"additionalProperties": False}, "https://omezarr.invalid/x")
    with pytest.raises(_fast.UnsupportedSchemaError, match=r"\$ref"):
        lowering.node({"$ref": "other.json"}, "https://omezarr.invalid/x")


def test_merged_tree_keeps_both_conditions() -> None:
    lowering = _fast._Lowering({})
    base = lowering.node(
        {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}}, "u:"
    )
    should = lowering.node(
        {"required": ["b"], "properties": {"a": {"minLength": 2}}, "not": {"required": ["c"]}},
        "u:",
    )
    merged = lowering.nodes[lowering.merge(base, should)]
    assert merged["required"] == ("a", "b")
    assert merged["types"] == 4
    assert "not" in merged
    (name, child), *_ = merged["properties"]
    assert name == "a"
    assert lowering.nodes[child] == {"types": 32, "minLength": 2}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("^[A-Za-z0-9]+$", 1),
        ("^[0-9A-Fa-f]{6}$", 1),
        ("^[A-Za-z0-9]+/[A-Za-z0-9]+$", 3),
        ("^__", 2),
        ("abc", None),  # not anchored: searched anywhere, left to re
        ("^a+a$", None),  # greedy would be wrong
        ("^a+b?a$", None),  # greedy would be wrong past the optional atom
        ("^[^a]$", None),  # negated classes are left to re
        ("^(a|b)$", None),
    ],
)
def test_pattern_atoms(source: str, expected: int | None) -> None:
    atoms = _fast.pattern_atoms(source)
    if expected is None:
        assert atoms is None
    else:
        assert atoms is not None
        assert len(atoms[0]) == expected
        assert atoms[1] is source.endswith("$")


@pytest.mark.parametrize(
    ("source", "text", "matches"),
    [
        ("^[A-Za-z0-9]+$", "A1", True),
        ("^[A-Za-z0-9]+$", "A1\n", False),  # ECMA: $ is the very end
        ("^[A-Za-z0-9]+$", "Ä", False),  # ASCII classes
        ("^[0-9A-Fa-f]{6}$", "ff00FF", True),
        ("^[0-9A-Fa-f]{6}$", "ff00FF0", False),
    ],
)
def test_python_patterns_follow_ecma(source: str, text: str, matches: bool) -> None:
    assert (_fast._pattern(source)(text) is not None) is matches


def test_pattern_with_inner_dollar_is_refused() -> None:
    with pytest.raises(_fast.UnsupportedSchemaError):
        _fast._pattern("^a$|^b$")


@pytest.mark.skipif(
    shutil.which("cc") is None and shutil.which("gcc") is None, reason="no C compiler"
)
def test_build_hook_compiles_the_extension(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("hatch_build", ROOT / "hatch_build.py")
    assert spec is not None
    assert spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    pytest.importorskip("hatchling")
    pytest.importorskip("setuptools")
    spec.loader.exec_module(hook)
    built = hook.compile_extension(ROOT, tmp_path)
    assert built.is_file()
    assert re.match(r"_speedups\..*(so|pyd)$", built.name)
    probe = (
        "import importlib.machinery, importlib.util, sys\n"
        f"loader = importlib.machinery.ExtensionFileLoader('omezarr_models._speedups', {str(built)!r})\n"
        "spec = importlib.util.spec_from_loader('omezarr_models._speedups', loader)\n"
        "module = importlib.util.module_from_spec(spec)\n"
        "loader.exec_module(module)\n"
        "print(module.ABI, sorted(n for n in dir(module) if not n.startswith('_')))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split(" ", 1)[0] == str(_fast.ABI)
    assert "Checker" in out.stdout
    assert "Program" in out.stdout

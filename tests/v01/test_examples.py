"""The example documents in the 0.1 spec text are valid, strictly so.

The examples are read from the text beside the repository (never copied in): the JSON blocks of
§plate-md and §well-md (§multiscale has a Python snippet only). Their ``#`` comments are removed
and the ``"plate": {...}`` and ``"well": {...}`` fragments are wrapped in an object. (The omero
example is a list of keys, not a document, and the image-label example's brackets do not match.)
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from omezarr_models import validate_attributes
from tests.conftest import assert_valid

VERSION = "0.1"


def text_examples(spec_dir: Path) -> dict[str, dict[str, Any]]:
    """The parseable JSON examples of the text, by the key they describe."""
    text = (spec_dir / f"ngff-{VERSION}.md").read_text(encoding="utf-8")
    out = {}
    for block in re.findall(r"```json\n(.*?)```", text, flags=re.S):
        body = re.sub(r"#[^\n]*", "", block).strip()
        if body.startswith(('"plate"', '"well"')):
            body = "{" + body + "}"
        try:
            doc = json.loads(body)
        except json.JSONDecodeError:
            continue
        if isinstance(doc, dict):
            for key in ("multiscales", "plate", "well"):
                if key in doc:
                    out[key] = doc
    return out


@pytest.mark.parametrize(("key", "kind"), [("plate", "plate"), ("well", "well")])
def test_text_example_is_valid_strictly(spec_dir: Path, key: str, kind: str) -> None:
    doc = text_examples(spec_dir)[key]
    report = validate_attributes(doc, strict=True)
    assert_valid(report, no_warnings=True)
    assert (report.version, report.kind) == (VERSION, kind)

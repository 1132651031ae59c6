"""Spec section anchors per version: the rules name sections once, each text names them its way."""

from __future__ import annotations

from typing import Final

#: Canonical section name -> the anchor of a version's text, where it differs.
_ANCHORS: Final[dict[str, dict[str, str]]] = {
    "0.1": {
        "multiscale-md": "multiscale",
        "omero-md": "omero",
        "labels-md": "labels",
        "label-md": "image-label",
    },
    "0.3": {"label-md": "image-label"},
    "0.6rc0": {"multiscale-md": "multiscales-md", "trafo-md": "coord-trafo-md"},
}


def anchor(version: str, section: str) -> str:
    """The anchor of ``section`` in the text of ``version`` (e.g. 0.1 calls omero-md "omero")."""
    return _ANCHORS.get(version, {}).get(section, section)


def reference(version: str, section: str | None) -> str:
    """The spec reference shown with an issue, e.g. ``"0.4 §plate-md"`` ("" without a section)."""
    return f"{version} §{anchor(version, section)}" if section else ""

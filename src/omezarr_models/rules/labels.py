"""Rules on image-label metadata that a JSON Schema cannot state."""

from __future__ import annotations

from typing import Any

from omezarr_models.rules.collector import Collector, check_integers


def label_section(version: str) -> str:
    """The section holding image-label rules: its own in 0.4, merged into labels-md from 0.5."""
    return "label-md" if version in ("0.1", "0.2", "0.3", "0.4") else "labels-md"


def check_image_label(image_label: Any, ptr: str, c: Collector) -> None:
    """Unique label values in ``colors``; integer label values and rgba components."""
    if not isinstance(image_label, dict):
        return
    section = label_section(c.version)
    colors = image_label.get("colors")
    if isinstance(colors, list):
        seen: dict[int, int] = {}
        for k, color in enumerate(colors):
            if not isinstance(color, dict):
                continue
            check_integers(color, ("label-value",), f"{ptr}/colors/{k}", c, section)
            value = color.get("label-value")
            if isinstance(value, int) and not isinstance(value, bool):
                if value in seen:
                    c.must(
                        f"{ptr}/colors/{k}/label-value",
                        "label-values-not-unique",
                        f"label-value {value} is already given by colors/{seen[value]}",
                        section,
                    )
                seen[value] = k
            rgba = color.get("rgba")
            if isinstance(rgba, list):
                for n, component in enumerate(rgba):
                    if type(component) is float and component.is_integer():
                        c.must(
                            f"{ptr}/colors/{k}/rgba/{n}",
                            "label-rgba-invalid",
                            f"{component!r} is a float; rgba components must be integers 0-255",
                            section,
                        )
    properties = image_label.get("properties")
    if isinstance(properties, list) and c.version != "0.1":  # an unknown key before 0.2
        for k, prop in enumerate(properties):
            if isinstance(prop, dict):
                check_integers(prop, ("label-value",), f"{ptr}/properties/{k}", c, section)

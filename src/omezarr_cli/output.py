"""Rendering validation results for people (text, coloured on a terminal) and for programs (JSON)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rich.console import Console
from rich.markup import escape

from omezarr_models import Report, Severity
from omezarr_models.dataset import DatasetReport


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one input: a report, or why the input could not be used."""

    path: str
    report: Report | DatasetReport | None = None
    unusable: str | None = None

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 unusable."""
        if self.unusable is not None:
            return 2
        assert self.report is not None
        if isinstance(self.report, DatasetReport) and self.report.unusable is not None:
            return 2
        return 0 if self.report.valid else 1

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of ``--format json`` (also what the conformance runner reads)."""
        if self.report is not None:
            out = self.report.to_dict()
            out["path"] = self.path
            return out
        return {
            "path": self.path,
            "valid": False,
            "version": None,
            "kind": None,
            "message": f"unusable input: {self.unusable}",
            "issues": [
                {
                    "path": "",
                    "code": "unusable-input",
                    "severity": "error",
                    "message": self.unusable,
                    "spec": "",
                }
            ],
        }


def print_json(outcomes: list[Outcome]) -> None:
    """One JSON object for one input, a list for several."""
    data: Any = outcomes[0].to_dict() if len(outcomes) == 1 else [o.to_dict() for o in outcomes]
    print(json.dumps(data, indent=2, ensure_ascii=False))


_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def _where(outcome: Outcome, file: str | None) -> str:
    """The file an issue is about: the document itself, or a file inside a dataset."""
    if isinstance(outcome.report, DatasetReport):
        return f"{outcome.path.rstrip('/')}/{file}" if file else outcome.path
    assert outcome.report is not None
    return outcome.report.source or outcome.path


def print_text(outcomes: list[Outcome], console: Console) -> None:
    """``PATH:/pointer  code  message  [spec X §section]`` per issue, then one verdict per input."""
    for o in outcomes:
        if o.report is None:
            console.print(f"{escape(o.path)}: [bold red]unusable[/]: {escape(o.unusable or '')}")
            continue
        for issue in o.report.issues:
            where = _where(o, issue.file)
            spec = f"  [dim]\\[spec {escape(issue.spec)}][/]" if issue.spec else ""
            style = _STYLE[issue.severity]
            console.print(
                f"{escape(where)}:{escape(issue.path or '/')}  [{style}]{issue.code}[/]  "
                f"{escape(issue.message)}{spec}",
                soft_wrap=True,
            )
        verdict = "[bold green]valid[/]" if o.report.valid else "[bold red]invalid[/]"
        console.print(f"{escape(o.path)}: {verdict} — {escape(o.report.message)}", soft_wrap=True)

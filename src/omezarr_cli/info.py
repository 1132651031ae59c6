"""``omezarr info``: a dataset's hierarchy as a tree, with what each node is and its problems."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.tree import Tree

from omezarr_models import Severity
from omezarr_models.dataset import DatasetReport, Node

_STYLE = {Severity.ERROR: "red", Severity.WARNING: "yellow"}


def _label(node: Node) -> str:
    name = escape(node.path.rsplit("/", 1)[-1] or "/")
    if node.node_type == "group":
        what = " ".join(
            x
            for x in (f"OME-Zarr {node.version}" if node.version else "", node.kind or "group")
            if x
        )
        return f"[bold]{name}[/]  [cyan]{escape(what)}[/]"
    parts = [f"array {node.shape}", node.dtype or "?"]
    if node.chunks:
        parts.append(f"chunks {node.chunks}")
    if node.shards:
        parts.append(f"shards {node.shards}")
    if node.codecs:
        parts.append("codecs " + ", ".join(node.codecs))
    return f"{name}  [green]{escape('  '.join(str(p) for p in parts))}[/]"


def _owner(file: str | None, paths: set[str]) -> str:
    """The node an issue's metadata file belongs to (its folder), or the root."""
    folder = (file or "").rsplit("/", 1)[0] if "/" in (file or "") else ""
    while folder and folder not in paths:
        folder = folder.rsplit("/", 1)[0] if "/" in folder else ""
    return folder


def render(report: DatasetReport, console: Console) -> None:
    """Print the tree of ``report.nodes`` with each issue under the node it is about."""
    by_path = {n.path: n for n in report.nodes}
    issues: dict[str, list[str]] = {}
    for issue in report.issues:
        spec = f" [dim]\\[spec {escape(issue.spec)}][/]" if issue.spec else ""
        line = (
            f"[{_STYLE[issue.severity]}]{issue.code}[/] {escape(issue.file or '')}:"
            f"{escape(issue.path or '/')}  {escape(issue.message)}{spec}"
        )
        issues.setdefault(_owner(issue.file, set(by_path)), []).append(line)
    root_node = by_path.get("")
    tree = Tree(
        f"[bold]{escape(report.source)}[/]"
        + (f"  {_label(root_node).split('  ', 1)[1]}" if root_node else "")
    )
    branches: dict[str, Tree] = {"": tree}
    for node in report.nodes:
        if node.path == "":
            continue
        parent = _owner(node.path + "/x", set(branches) - {node.path}) if "/" in node.path else ""
        while parent not in branches:
            parent = parent.rsplit("/", 1)[0] if "/" in parent else ""
        branches[node.path] = branches[parent].add(_label(node))
    for owner, lines in issues.items():
        target = branches.get(owner, tree)
        for line in lines:
            target.add(line)
    console.print(tree)
    verdict = "[bold green]valid[/]" if report.valid else "[bold red]invalid[/]"
    console.print(f"{verdict} — {escape(report.message)}", soft_wrap=True)

"""The documentation site (``docs/``, ``mkdocs.yml``): its examples run, and it builds.

Every page of ``docs/`` is run as a reader would go through it: in a fresh working directory
holding a copy of ``examples/``, its code blocks in order, so that a block can use what an
earlier one made (a dataset written in Python, then validated on the command line).

* ````` ```python ````` blocks are executed, sharing one namespace per page.
* ````` ```console ````` blocks are ``$ omezarr ...`` commands, each run with the CLI itself; its
  exit status must be 0, or the one the block's title states (``title="exit status 1"``), and
  the output shown under a command, if any, must be what the command prints (``...`` stands for
  any text; runs of white space compare equal).
* A block is left out only with a visible reason: a title that starts with ``not run:`` (e.g.
  an S3 bucket that the tests cannot reach).
* Other blocks (``bash`` install commands, ``yaml``, ``json``, ``text``) are not run.
"""

from __future__ import annotations

import doctest
import linecache
import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from omezarr_cli.main import app
from omezarr_cli.reference import cli_reference

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"
PAGES = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))

_FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,})(?P<info>[^`\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_TITLE = re.compile(r'title="([^"]*)"')
_EXIT = re.compile(r"exit status (\d+)")
_CHECKER = doctest.OutputChecker()
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: str
    line: int
    lang: str
    title: str
    body: str

    @property
    def where(self) -> str:
        return f"docs/{self.page}:{self.line}"

    @property
    def skipped(self) -> bool:
        return self.title.startswith("not run:")


def blocks(page: str) -> list[Block]:
    text = (DOCS / page).read_text(encoding="utf-8")
    out = []
    for m in _FENCE.finditer(text):
        info = m.group("info").strip()
        lang = info.split()[0].lstrip("{.").rstrip("}") if info else ""
        title = _TITLE.search(info)
        line = text.count("\n", 0, m.start()) + 1
        out.append(Block(page, line, lang, title.group(1) if title else "", m.group("body")))
    return out


def _commands(block: Block) -> list[tuple[str, str]]:
    """``(command, output shown)`` pairs of a console block."""
    pairs: list[tuple[str, list[str]]] = []
    for line in block.body.splitlines():
        if line.startswith("$ "):
            pairs.append((line[2:], []))
        elif pairs:
            pairs[-1][1].append(line)
        elif line.strip():
            raise AssertionError(f"{block.where}: a console block starts with '$ command'")
    return [(command, "\n".join(shown).strip()) for command, shown in pairs]


def _run_console(block: Block) -> None:
    found = _EXIT.search(block.title)
    expected = int(found.group(1)) if found else 0
    for command, shown in _commands(block):
        args = shlex.split(command)
        assert args[0] == "omezarr", f"{block.where}: only omezarr commands run here: {command}"
        assert not any("://" in a for a in args), (
            f"{block.where}: {command} needs the network; title the block 'not run: <reason>'"
        )
        result = CliRunner().invoke(app, args[1:], env={"COLUMNS": "200"})
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            f"{block.where}: {command} raised {result.exception!r}"
        )
        assert result.exit_code == expected, (
            f"{block.where}: {command} exited {result.exit_code}, the page says {expected}\n"
            f"{result.output}"
        )
        if shown and not _CHECKER.check_output(shown + "\n", result.output, _FLAGS):
            raise AssertionError(
                f"{block.where}: {command} prints\n{result.output}\nbut the page shows\n{shown}"
            )


def _exec(block: Block, namespace: dict[str, object]) -> None:
    """Run a python block; a traceback shows the page's file name and line numbers."""
    filename = f"docs/{block.page}"
    source = "\n" * block.line + block.body  # the body starts on the line after the fence
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    exec(compile(source, filename, "exec"), namespace)


@pytest.mark.parametrize("page", PAGES)
def test_page_examples_run(page: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(REPO / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{Path(page).stem}"}
    for block in blocks(page):
        if block.skipped:
            continue
        if block.lang == "python":
            _exec(block, namespace)
        elif block.lang == "console":
            _run_console(block)


def test_every_page_has_its_examples_found() -> None:
    """No code block hides where the runner does not look (indented, or of an unknown kind)."""
    known = {"python", "console", "bash", "yaml", "json", "text", ""}
    for page in PAGES:
        text = (DOCS / page).read_text(encoding="utf-8")
        assert text.count("```") == 2 * len(blocks(page)), f"docs/{page}: a fence is not closed"
        for block in blocks(page):
            assert block.lang in known, f"{block.where}: unknown language {block.lang!r}"
            if block.lang in ("python", "console") and block.skipped:
                assert len(block.title) > len("not run: ") + 5, f"{block.where}: give a reason"


def test_most_examples_run() -> None:
    runnable = [b for p in PAGES for b in blocks(p) if b.lang in ("python", "console")]
    skipped = [b for b in runnable if b.skipped]
    assert len(runnable) >= 20
    assert len(skipped) <= len(runnable) // 4, [b.where for b in skipped]


def test_getting_started_has_the_readme_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"```bash\n(.*?)\n```", readme, re.DOTALL)
    assert len(commands) >= 2
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for command in commands[:2]:
        assert command in index, command


def test_cli_reference_has_every_command_and_option() -> None:
    from typer.main import get_command
    from typer.models import Context

    page = cli_reference()
    group = get_command(app)
    ctx = Context(group, info_name="omezarr")
    names = group.list_commands(ctx)
    assert {"validate", "info", "schema", "docs"} <= set(names)
    for name in names:
        command = group.get_command(ctx, name)
        section = page.split(f"## `omezarr {name}`\n", 1)[1].split("\n## ", 1)[0]
        for param in command.params:
            for opt in param.opts:
                shown = opt if opt.startswith("-") else param.name
                assert f"`{shown}" in section, (name, shown)
        assert f"[`{name}`](#omezarr-{name})" in page


def test_mkdocs_build_strict(tmp_path: Path) -> None:
    """The site builds with ``--strict``: no broken link, anchor, nav entry or docstring."""
    pytest.importorskip("mkdocs", reason="the docs extra is not installed")
    pytest.importorskip("mkdocstrings", reason="the docs extra is not installed")
    site = tmp_path / "site"
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-4000:]
    assert (site / "index.html").is_file()
    assert (site / "cli" / "index.html").is_file()
    assert (site / "spec" / "0.5" / "image" / "index.html").is_file()
    assert (site / "spec" / "rules" / "index.html").is_file()
    api = (site / "api" / "validation" / "index.html").read_text(encoding="utf-8")
    assert "validate_attributes" in api
    assert not (site / "hooks.py").exists()
    strategies = (site / "api" / "strategies" / "index.html").read_text(encoding="utf-8")
    assert "<code>axes</code>" in strategies
    assert ":func:" not in strategies  # the hook drops the Sphinx roles of docstrings


def test_changes_page_links_nowhere_inside_itself(tmp_path: Path) -> None:
    from omezarr_models.docs import generate_docs

    generate_docs(tmp_path)
    assert "](#" not in (tmp_path / "changes.md").read_text(encoding="utf-8")


def test_spec_pages_show_what_their_kind_refers_to(tmp_path: Path) -> None:
    """A kind's page shows the objects its schema reaches by $ref, and every link in it lands."""
    from omezarr_models.docs import generate_docs

    for path in generate_docs(tmp_path):
        text = path.read_text(encoding="utf-8")
        anchors = {line[3:].strip().lower() for line in text.splitlines() if line.startswith("## ")}
        for target in re.findall(r"\]\(#([^)]+)\)", text):
            assert target in anchors, (path.name, target)
    headings = [
        line[3:]
        for line in (tmp_path / "0.5" / "image.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("## ")
    ]
    assert {"Image", "Multiscale", "Axis", "Omero", "Window"} <= set(headings)
    assert not {"Plate", "Well", "Labels", "ImageLabel", "Common definitions"} & set(headings)

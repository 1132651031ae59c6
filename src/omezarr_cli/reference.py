"""The CLI reference page, generated from the ``omezarr`` typer app itself.

The documentation site builds its "CLI reference" page from :func:`cli_reference` at build time
(``docs/hooks.py``), so the page always shows the commands, arguments, options and defaults that
``omezarr`` has: nothing is written by hand, nothing can drift.
"""

from __future__ import annotations

import re

from typer.cli import get_docs_for_click
from typer.main import get_command
from typer.models import Context

from omezarr_cli.main import app

__all__ = ["cli_reference"]

_INTRO = (
    "Generated from the `omezarr` command itself (its commands, arguments, options, defaults and "
    "help texts) each time this site is built. `omezarr COMMAND --help` prints the same in a "
    "terminal."
)


def cli_reference() -> str:
    """The Markdown page: every command of ``omezarr`` with its usage, arguments and options."""
    group = get_command(app)
    ctx = Context(group, info_name="omezarr")
    body = get_docs_for_click(obj=group, ctx=ctx, name="omezarr", title="CLI reference")
    # typer cuts each command's summary at 45 characters: list the whole first sentence instead.
    summaries = []
    for name in group.list_commands(ctx):  # type: ignore[attr-defined]
        command = group.get_command(ctx, name)  # type: ignore[attr-defined]
        if command is None or command.hidden:
            continue
        first = " ".join((command.help or "").split("\n\n", 1)[0].split())
        summaries.append(f"* [`{name}`](#omezarr-{name}): {first}")
    body = re.sub(
        r"(\*\*Commands\*\*:\n\n)(?:\* .*\n)+",
        lambda m: m.group(1) + "\n".join(summaries) + "\n",
        body,
        count=1,
    )
    title, _, rest = body.partition("\n")
    return f"{title}\n\n{_INTRO}\n{rest.rstrip()}\n"

"""MkDocs hooks: the generated pages of the site, made at build time (never committed).

* ``cli.md``: the CLI reference, from the ``omezarr`` typer app (:func:`omezarr_cli.reference.cli_reference`).
* ``spec/``: the spec reference, from the project's JSON Schemas
  (:func:`omezarr_models.docs.generate_docs`, what ``omezarr docs OUT`` writes), and its
  navigation: the ``Spec reference`` entry of ``mkdocs.yml``'s ``nav`` is filled in here, a
  section per version (newest first) with a page per kind.

Both are built from the code of the checkout, so they cannot drift from it.

The docstrings of the code name other objects with Sphinx roles (``:func:`axes```); the API
pages show those names as code, without the role.
"""

from __future__ import annotations

import re
import tempfile
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from omezarr_cli.reference import cli_reference
from omezarr_models.docs import generate_docs

#: Where the spec reference goes in the site, and the ``nav`` entry it fills in.
SPEC_DIR = "spec"
SPEC_NAV = "Spec reference"
CLI_PAGE = "cli.md"

_pages: dict[str, str] = {}
_ROLE = re.compile(r":(?:func|class|meth|mod|data|attr|exc|obj):(?=<code>)")


def _spec_pages() -> dict[str, str]:
    """The spec reference pages by their path under ``SPEC_DIR`` (``index.md``, ``0.5/image.md``)."""
    with tempfile.TemporaryDirectory() as tmp:
        return {
            path.relative_to(tmp).as_posix(): path.read_text(encoding="utf-8")
            for path in generate_docs(tmp)
        }


def _spec_nav(pages: dict[str, str]) -> list[Any]:
    by_version: dict[str, list[str]] = {}
    for name in pages:  # generate_docs lists a version's kinds in reading order
        if "/" in name:
            version, page = name.split("/", 1)
            by_version.setdefault(version, []).append(page)
    nav: list[Any] = [
        {"Overview": f"{SPEC_DIR}/index.md"},
        {"Rule index": f"{SPEC_DIR}/rules.md"},
        {"Changes between versions": f"{SPEC_DIR}/changes.md"},
    ]
    for version in reversed(by_version):  # generate_docs goes from the oldest version
        nav.append(
            {
                f"OME-Zarr {version}": [
                    {page.removesuffix(".md"): f"{SPEC_DIR}/{version}/{page}"}
                    for page in by_version[version]
                ]
            }
        )
    return nav


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Generate the pages, and fill in the spec reference's navigation."""
    _pages.clear()
    _pages[CLI_PAGE] = cli_reference()
    spec = _spec_pages()
    _pages.update({f"{SPEC_DIR}/{name}": text for name, text in spec.items()})
    nav = config.nav or []
    entries = [e for e in nav if isinstance(e, dict) and SPEC_NAV in e]
    if len(entries) != 1:
        raise ValueError(f"mkdocs.yml: nav needs one {SPEC_NAV!r} entry for the spec reference")
    entries[0][SPEC_NAV] = _spec_nav(spec)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated pages to the site's files."""
    for path, text in _pages.items():
        if files.get_file_from_path(path) is not None:
            raise ValueError(f"docs/{path} is generated at build time: remove the file")
        files.append(File.generated(config, path, content=text))
    return files


def on_page_content(html: str, **_: Any) -> str:
    """Drop the Sphinx roles of docstrings (``:func:`` before a name in code)."""
    return _ROLE.sub("", html)

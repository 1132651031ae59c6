"""Destinations: where a write goes, with the promise that nothing half-written claims validity.

A local folder is written into a hidden sibling (``.<name>.omezarr-partial-<id>``) and moved
into place only when every array and every metadata document is complete; replacing an
existing dataset (``overwrite=True``) moves the old one aside first and deletes it last, so an
interrupted write leaves either the old dataset or nothing under the destination's name.
Remote stores (``s3://``, ``http(s)://`` through fsspec) and store objects cannot rename: there
the arrays are written first and the group metadata last, and a failed write deletes what it
wrote.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from omezarr_write.errors import DestinationError, DestinationExistsError

if TYPE_CHECKING:
    from zarr.abc.store import Store

__all__ = ["Target", "prepare"]


@dataclass
class Target:
    """An open destination: a writable zarr store and the group path inside it."""

    store: Store
    path: str
    name: str
    final: Path | None = None
    staging: Path | None = None
    #: folders created to hold the staging folder (removed again if a write fails)
    created: list[Path] = field(default_factory=list)
    _done: bool = field(default=False, repr=False)

    def child(self, *parts: str) -> Target:
        """The same store, a group further down (no staging of its own)."""
        path = "/".join(p for p in (self.path, *parts) if p)
        return Target(self.store, path, f"{self.name}/{'/'.join(parts)}")

    def commit(self) -> None:
        """Move a staged local write into place (replacing what was there, if anything)."""
        if self._done:
            return
        self._done = True
        if self.final is None or self.staging is None:
            return
        old = None
        if self.final.exists():
            old = self.final.with_name(f".{self.final.name}.omezarr-old-{uuid.uuid4().hex[:8]}")
            os.replace(self.final, old)
        os.replace(self.staging, self.final)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        """Remove what a failed write wrote; the destination is as it was before."""
        if self._done:
            return
        self._done = True
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            for folder in reversed(self.created):
                with contextlib.suppress(OSError):
                    folder.rmdir()  # only when empty: never anyone else's content
            return
        # best effort: the group has no metadata, so what remains claims nothing
        with contextlib.suppress(Exception):
            _sync(self.store.delete_dir(self.path))


def _sync(coro: Any) -> Any:
    from zarr.core.sync import sync

    return sync(coro)


def _is_local(text: str) -> bool:
    return "://" not in text or text.startswith("file://")


def prepare(
    dest: Any,
    *,
    overwrite: bool,
    storage_options: dict[str, Any] | None = None,
    subpath: str = "",
) -> Target:
    """Open ``dest`` for a new dataset, refusing to touch existing data without ``overwrite``.

    ``dest`` is a local path, a ``file://``, ``s3://`` or ``http(s)://`` URL, or a zarr store;
    ``subpath`` a group inside it (e.g. ``labels/cells`` of an image), the one written.

    Raises
    ------
    DestinationExistsError
        ``dest`` holds something and ``overwrite`` is false.
    DestinationError
        ``dest`` is a file, or the store cannot be opened for writing.
    """
    from zarr.abc.store import Store
    from zarr.storage import FsspecStore, LocalStore

    if isinstance(dest, Store):
        if dest.read_only:
            raise DestinationError(str(dest), "the store is read-only")
        return _prepare_store(dest, str(dest), overwrite, subpath)
    text = os.fspath(dest) if isinstance(dest, os.PathLike) else str(dest)
    if text.startswith(("http://", "https://")):
        raise DestinationError(text, "HTTP is read-only here: write to a folder, s3:// or a store")
    if not _is_local(text):
        try:
            store = FsspecStore.from_url(
                text, storage_options=storage_options or {}, read_only=False
            )
        except (ImportError, ValueError, TypeError) as exc:
            raise DestinationError(text, f"cannot open for writing ({exc})") from None
        return _prepare_store(store, text, overwrite, subpath)
    final = Path(text.removeprefix("file://")).absolute()
    if subpath:
        final = final / subpath
        text = f"{text.rstrip('/')}/{subpath}"
    if final.exists() and not final.is_dir():
        raise DestinationError(text, "a file is in the way (a zarr group is a folder)")
    if final.exists() and any(final.iterdir()) and not overwrite:
        raise DestinationExistsError(text)
    created = [p for p in (final.parent, *final.parent.parents) if not p.exists()][::-1]
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        staging = final.with_name(f".{final.name}.omezarr-partial-{uuid.uuid4().hex[:8]}")
        staging.mkdir()
    except OSError as exc:
        raise DestinationError(text, f"cannot create ({exc.strerror or exc})") from None
    return Target(LocalStore(staging), "", text, final=final, staging=staging, created=created)


def _prepare_store(store: Store, name: str, overwrite: bool, subpath: str) -> Target:
    if subpath:
        name = f"{name.rstrip('/')}/{subpath}"
    try:
        empty = _sync(store.is_empty(subpath))
    except Exception as exc:
        raise DestinationError(name, f"cannot list the store ({exc})") from None
    if not empty:
        if not overwrite:
            raise DestinationExistsError(name)
        try:
            _sync(store.delete_dir(subpath))
        except Exception as exc:
            raise DestinationError(name, f"cannot delete the old content ({exc})") from None
    return Target(store, subpath, name)

"""Opening a dataset (folder, .zip, URL or zarr store) and reading its metadata documents.

zarr-python 3's stores do the I/O. Every document is read once, and reads run concurrently up to
a bound, so that remote datasets (HTTP, S3) with many small documents validate quickly.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zarr.abc.store import Store

#: Concurrent reads by default: enough to hide network latency, few enough for any server.
DEFAULT_CONCURRENCY = 64

__all__ = ["DEFAULT_CONCURRENCY", "JsonRead", "Reader", "StoreError", "open_store"]


class StoreError(Exception):
    """The dataset cannot be opened or read at all (missing, unreachable, not a zarr store)."""


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def open_store(source: Any, storage_options: dict[str, Any] | None = None) -> tuple[Store, str]:
    """Return a read-only zarr store for ``source`` and a name for messages.

    ``source`` is a local folder, a ``.zip`` file, an ``http(s)://`` or ``s3://`` URL (through
    fsspec, with ``storage_options``), or a zarr-python store, used as it is.

    Raises
    ------
    StoreError
        If a local path does not exist, or a URL scheme has no fsspec implementation installed.
    """
    from zarr.abc.store import Store
    from zarr.storage import FsspecStore, LocalStore, ZipStore

    if isinstance(source, Store):
        return source, str(source)
    text = str(source)
    if "://" in text and not text.startswith("file://"):
        # fsspec caches filesystems per event loop; each validation runs its own loop
        options = {"skip_instance_cache": True, **(storage_options or {})}
        try:
            store = FsspecStore.from_url(text, storage_options=options, read_only=True)
        except (ImportError, ValueError) as exc:
            raise StoreError(f"{text}: cannot open ({exc})") from None
        return store, text
    path = Path(text.removeprefix("file://"))
    if not path.exists():
        raise StoreError(f"{text}: no such file or folder")
    if path.is_file():
        if path.suffix.lower() != ".zip":
            raise StoreError(f"{text}: a file, not a zarr folder or .zip")
        try:
            return ZipStore(path, mode="r", read_only=True), text
        except Exception as exc:  # zipfile raises several types for a broken archive
            raise StoreError(f"{text}: not a readable zip file ({exc})") from None
    return LocalStore(path, read_only=True), text


@dataclass(frozen=True, slots=True)
class JsonRead:
    """The outcome of reading one JSON document.

    Exactly one of ``value`` (when ``present`` and parsed), ``error`` (why it could not be used)
    applies; ``present`` is False when the key does not exist.
    """

    key: str
    present: bool
    value: Any = None
    error: str | None = None


class Reader:
    """Reads JSON documents from a store, each at most once, ``concurrency`` at a time."""

    def __init__(self, store: Store, concurrency: int | None = None) -> None:
        from zarr.storage import LocalStore

        self.store = store
        self._limit = asyncio.Semaphore(concurrency or DEFAULT_CONCURRENCY)
        self._cache: dict[str, asyncio.Future[JsonRead]] = {}
        self.reads = 0
        # Small local files read faster in place than through a thread per read.
        self._local_root = Path(store.root) if isinstance(store, LocalStore) else None

    def read_json(self, key: str) -> asyncio.Future[JsonRead]:
        """Start (or join) the read of ``key``; await the result for its :class:`JsonRead`."""
        task = self._cache.get(key)
        if task is None:
            if self._local_root is not None:
                task = asyncio.get_running_loop().create_future()
                task.set_result(self._read_local(key))
            else:
                task = asyncio.ensure_future(self._read(key))
            self._cache[key] = task
        return task

    async def exists(self, key: str) -> bool:
        """Whether ``key`` exists: a stat for local files, a (cached) read elsewhere."""
        if self._local_root is not None and key not in self._cache:
            return (self._local_root / key).is_file()
        return (await self.read_json(key)).present

    def _read_local(self, key: str) -> JsonRead:
        assert self._local_root is not None
        self.reads += 1
        try:
            data = (self._local_root / key).read_bytes()
        except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
            return JsonRead(key, False)
        except OSError as exc:
            return JsonRead(key, True, error=f"cannot be read: {exc.strerror or exc}")
        return parse(key, data)

    async def _read(self, key: str) -> JsonRead:
        from zarr.core.buffer import default_buffer_prototype

        async with self._limit:
            self.reads += 1
            try:
                buffer = await self.store.get(key, prototype=default_buffer_prototype())
            except FileNotFoundError:
                return JsonRead(key, False)
            except Exception as exc:  # network and storage errors of any backend
                return JsonRead(key, True, error=f"cannot be read: {type(exc).__name__}: {exc}")
        if buffer is None:
            return JsonRead(key, False)
        return parse(key, buffer.to_bytes())


def parse(key: str, data: bytes) -> JsonRead:
    """Parse strict JSON; every failure becomes a :class:`JsonRead` error, never an exception."""
    try:
        value = json.loads(data.decode("utf-8"), parse_constant=_reject_constant)
    except UnicodeDecodeError as exc:
        return JsonRead(key, True, error=f"not UTF-8 text ({exc.reason} at byte {exc.start})")
    except json.JSONDecodeError as exc:
        return JsonRead(
            key, True, error=f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        )
    except ValueError as exc:
        return JsonRead(key, True, error=f"not valid JSON: {exc}")
    except RecursionError:
        return JsonRead(key, True, error="not usable JSON: nested too deeply")
    return JsonRead(key, True, value=value)

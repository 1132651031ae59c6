"""Running a write's dask graph, with an optional rich progress bar."""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any


def compute(*collections: Any, progress: bool = False, label: str = "writing") -> tuple[Any, ...]:
    """``dask.compute`` the collections together (one graph, shared blocks).

    With ``progress`` a rich progress bar counts finished tasks. The bar hooks dask's local
    schedulers; under a ``dask.distributed`` client the work runs on the cluster and the bar
    is not shown (use the dashboard there).
    """
    from dask.base import compute as dask_compute

    with _local_pool(collections) as options:
        if not progress:
            return tuple(dask_compute(*collections, **options))
        return _with_bar(collections, options, label)


@contextmanager
def _local_pool(collections: tuple[Any, ...]) -> Iterator[dict[str, Any]]:
    """For dask's threaded scheduler, a pool of our own that is drained before returning.

    When a task fails, dask raises at once while other tasks may still be writing chunks;
    waiting for them here means a failed write's cleanup never races with its own writes.
    Other schedulers (synchronous, processes, distributed) are used as configured.
    """
    import dask
    import dask.threaded
    from dask.base import get_scheduler

    # None: nothing configured, so arrays and delayed objects run on the threaded scheduler
    if get_scheduler() not in (None, dask.threaded.get):
        yield {}
        return
    workers = dask.config.get("num_workers", None) or os.cpu_count() or 1
    pool = ThreadPoolExecutor(workers)
    try:
        yield {"scheduler": "threads", "pool": pool}
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _with_bar(collections: tuple[Any, ...], options: dict[str, Any], label: str) -> tuple[Any, ...]:
    from dask.base import compute as dask_compute
    from dask.callbacks import Callback
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TimeElapsedColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        TaskProgressColumn(),
        TimeElapsedColumn(),
        transient=False,
    ) as bar:
        task = bar.add_task(label, total=None)

        class _Tick(Callback):
            def _start_state(self, dsk: Any, state: Any) -> None:
                bar.update(
                    task, total=len(state["ready"]) + len(state["waiting"]) + len(state["finished"])
                )

            def _posttask(
                self, key: Any, result: Any, dsk: Any, state: Any, worker_id: Any
            ) -> None:
                bar.advance(task)

        with _Tick():
            out = tuple(dask_compute(*collections, **options))
        bar.update(task, completed=bar.tasks[0].total or 0)
    return out

"""Running a write's dask graph, with an optional rich progress bar."""

from __future__ import annotations

from typing import Any


def compute(*collections: Any, progress: bool = False, label: str = "writing") -> tuple[Any, ...]:
    """``dask.compute`` the collections together (one graph, shared blocks).

    With ``progress`` a rich progress bar counts finished tasks. The bar hooks dask's local
    schedulers; under a ``dask.distributed`` client the work runs on the cluster and the bar
    is not shown (use the dashboard there).
    """
    from dask.base import compute as dask_compute

    if not progress:
        return tuple(dask_compute(*collections))
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
            out = tuple(dask_compute(*collections))
        bar.update(task, completed=bar.tasks[0].total or 0)
    return out

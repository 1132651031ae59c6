"""Local servers for the remote-store tests: a stdlib HTTP server and moto's S3, on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any


class _Handler(SimpleHTTPRequestHandler):
    """Serves a folder; can add latency and answer chosen paths with an error status."""

    latency: float = 0.0
    errors: dict[str, int] = {}  # noqa: RUF012 - set per server class below
    requests: list[str] = []  # noqa: RUF012

    def do_GET(self) -> None:
        self.requests.append(self.path)
        if self.latency:
            time.sleep(self.latency)
        status = self.errors.get(self.path.lstrip("/"))
        if status is not None:
            self.send_error(status)
            return
        super().do_GET()

    def do_HEAD(self) -> None:
        self.do_GET()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def http_server(
    root: Path, *, latency: float = 0.0, errors: dict[str, int] | None = None
) -> Iterator[tuple[str, list[str]]]:
    """Serve ``root`` on 127.0.0.1; yield the base URL and the list of requested paths."""
    requests: list[str] = []
    handler = type(
        "Handler",
        (_Handler,),
        {"latency": latency, "errors": dict(errors or {}), "requests": requests},
    )
    server_class = type(
        "Server", (ThreadingHTTPServer,), {"request_queue_size": 256}
    )  # real backlog
    server = server_class(("127.0.0.1", 0), partial(handler, directory=str(root)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@contextmanager
def s3_server() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1; yields its endpoint URL."""
    from moto.server import ThreadedMotoServer

    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def upload(endpoint: str, bucket: str, root: Path, prefix: str) -> None:
    """Copy every file under ``root`` to ``s3://bucket/prefix/``."""
    import boto3  # type: ignore[import-untyped]

    s3 = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        region_name="us-east-1",
    )
    s3.create_bucket(Bucket=bucket)
    for path in root.rglob("*"):
        if path.is_file():
            s3.upload_file(str(path), bucket, f"{prefix}/{path.relative_to(root).as_posix()}")


def _serve_forever(root: str, latency: float, port: Any, count: Any) -> None:
    class Counting(_Handler):
        def do_GET(self) -> None:
            with count.get_lock():
                count.value += 1
            super().do_GET()

    handler = type("Handler", (Counting,), {"latency": latency, "errors": {}, "requests": []})
    server_class = type("Server", (ThreadingHTTPServer,), {"request_queue_size": 256})
    server = server_class(("127.0.0.1", 0), partial(handler, directory=root))
    server.daemon_threads = True
    port.value = server.server_address[1]
    server.serve_forever()


@contextmanager
def http_server_process(root: Path, *, latency: float = 0.0) -> Iterator[tuple[str, Any]]:
    """Like :func:`http_server`, in a separate process (as a real server would be: no shared GIL).

    Yields the base URL and a shared counter of requests (``counter.value``).
    """
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")
    port, count = ctx.Value("i", 0), ctx.Value("i", 0)
    process = ctx.Process(
        target=_serve_forever, args=(str(root), latency, port, count), daemon=True
    )
    process.start()
    try:
        deadline = time.monotonic() + 30
        while port.value == 0:
            if time.monotonic() > deadline or not process.is_alive():
                raise RuntimeError("the HTTP server process did not start")
            time.sleep(0.01)
        yield f"http://127.0.0.1:{port.value}", count
    finally:
        process.terminate()
        process.join(5)

"""``sitrep serve``: the HTTP API (FastAPI) and the offline dashboard, over a Store.

``create_app(store, token)`` builds the application; ``serve(...)`` runs it with uvicorn;
``running(app)`` runs it in a background thread on a free port (tests, screenshots, benchmarks).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from ..errors import SitrepError
from .app import create_app

__all__ = ["create_app", "running", "serve"]


def serve(store: Any, token: str | None, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Run the API and dashboard until interrupted."""
    import uvicorn

    uvicorn.run(create_app(store, token), host=host, port=port, log_level="info", access_log=False)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(app: Any, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """Serve ``app`` with uvicorn in a thread; yields its base URL and stops it on exit."""
    import uvicorn

    port = port or free_port(host)
    server = uvicorn.Server(uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise SitrepError(f"the server did not start on {host}:{port}")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)

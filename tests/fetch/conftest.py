"""A real HTTP server on 127.0.0.1, scripted per test, and the fetcher pointed at it.

Routes map a path (without the query) to a :class:`Reply` or to a function of the request
that returns one. Every request is recorded, so tests can count calls and read the headers.
Sleeps (pacing, backoff, Retry-After) are recorded instead of slept, so the suite stays fast.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest

from fancompanion.fetch import http as http_module

TVMAZE = Path(__file__).resolve().parent.parent / "fixtures" / "tvmaze"
FEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "feeds"


@dataclass(frozen=True)
class Request:
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


Route = Reply | Callable[[Request], Reply]


def json_reply(data: Any, status: int = 200) -> Reply:
    return Reply(status, json.dumps(data).encode(), {"Content-Type": "application/json"})


def tvmaze_fixture(name: str) -> Any:
    return json.loads((TVMAZE / name).read_text(encoding="utf-8"))


class Server:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Request] = []
        self.lock = threading.Lock()
        server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        server.daemon_threads = True
        self.httpd = server
        self.url = f"http://127.0.0.1:{server.server_address[1]}"

    def route(self, path: str, reply: Route) -> None:
        self.routes[path] = reply

    def paths(self) -> list[str]:
        with self.lock:
            return [r.path for r in self.requests]

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                parts = urlsplit(self.path)
                request = Request(
                    parts.path,
                    parse_qs(parts.query),
                    {k.lower(): v for k, v in self.headers.items()},
                )
                with owner.lock:
                    owner.requests.append(request)
                route = owner.routes.get(parts.path)
                if route is None:
                    reply = json_reply({"name": "Not Found", "status": 404}, 404)
                else:
                    reply = route(request) if callable(route) else route
                if reply.delay:
                    threading.Event().wait(reply.delay)
                try:
                    self.send_response(reply.status)
                    for key, value in reply.headers.items():
                        self.send_header(key, value)
                    if reply.status != 304:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.status != 304:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: Any) -> None:
                """Quiet: the tests read ``requests`` instead."""

        return Handler


@pytest.fixture
def server() -> Iterator[Server]:
    srv = Server()
    thread = threading.Thread(target=srv.httpd.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every sleep the fetcher asks for, recorded and not slept."""
    asked: list[float] = []
    monkeypatch.setattr(http_module, "default_sleep", asked.append)
    return asked


@pytest.fixture
def tvmaze(server: Server, monkeypatch: pytest.MonkeyPatch, sleeps: list[float]) -> Server:
    """The server, with the fetcher's TVmaze base URL pointing at it."""
    monkeypatch.setenv("FANCOMPANION_TVMAZE_URL", server.url)
    return server

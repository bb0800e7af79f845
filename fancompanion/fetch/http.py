"""The one HTTP client: timeouts, a named User-Agent, paced calls, retries, capped bodies.

Every request the fetcher makes goes through :class:`Http`, so the rate limit (TVmaze allows
about 20 calls in 10 seconds per address), the retry policy and the size cap hold everywhere.
The clock and the sleep are injectable so tests can exercise pacing and backoff instantly.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from fancompanion import __version__

USER_AGENT = f"FanCompanion/{__version__} (+terminal TV companion)"
MAX_BODY = 5 * 1024 * 1024
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
MAX_RETRY_AFTER = 60.0

Clock = Callable[[], float]
Sleep = Callable[[float], None]


def default_sleep(seconds: float) -> None:
    """Module-level so tests can replace it for clients built by the CLI."""
    time.sleep(seconds)


def default_clock() -> float:
    return time.monotonic()


class FetchError(Exception):
    """One request failed for good; the message is one line a user can act on.

    ``offline`` is true when the host could not be reached at all (no network, DNS failure,
    connection refused); such a failure is not retried.
    """

    def __init__(self, message: str, *, status: int | None = None, offline: bool = False):
        super().__init__(message)
        self.status = status
        self.offline = offline


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    url: str
    headers: Mapping[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


@dataclass(slots=True)
class Pacer:
    """A sliding window: at most ``limit`` calls in any ``window`` seconds."""

    limit: int = 20
    window: float = 10.0
    clock: Clock = default_clock
    sleep: Sleep = default_sleep
    _stamps: deque[float] = field(default_factory=deque)

    def wait(self) -> None:
        now = self.clock()
        while self._stamps and now - self._stamps[0] >= self.window:
            self._stamps.popleft()
        if len(self._stamps) >= self.limit:
            self.sleep(self._stamps[0] + self.window - now)
            now = self.clock()
            self._stamps.popleft()
        self._stamps.append(now)


def check_url(url: str) -> str:
    """The URL itself if it is http(s) with a host; a :class:`FetchError` otherwise."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise FetchError(f"not an http(s) URL: {url[:200]}")
    return url.strip()


def retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta seconds or an HTTP date), capped."""
    if not value:
        return None
    value = value.strip()
    seconds: float | None = None
    if value.isdigit():
        seconds = float(value)
    else:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = moment.timestamp() - time.time()
    return min(max(seconds, 0.0), MAX_RETRY_AFTER)


class Http:
    """One ``httpx.Client`` with pacing and retries; use as a context manager."""

    def __init__(
        self,
        *,
        connect_timeout: float = 10.0,
        read_timeout: float = 20.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_body: int = MAX_BODY,
        sleep: Sleep | None = None,
        clock: Clock | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.sleep: Sleep = sleep or default_sleep
        self.clock: Clock = clock or default_clock
        self.pacers: dict[str, Pacer] = {}  # one window per host: each site has its own limit
        self.retries = retries
        self.backoff = backoff
        self.max_body = max_body
        self.calls = 0
        self.replies = 0  # answers of any status: proof the network is there
        self.client = httpx.Client(
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": USER_AGENT},
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            transport=transport,
        )

    def __enter__(self) -> Http:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    def pacer(self, url: str) -> Pacer:
        host = _host(url).lower()
        if host not in self.pacers:
            self.pacers[host] = Pacer(clock=self.clock, sleep=self.sleep)
        return self.pacers[host]

    def get(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        accept: Collection[str] = (),
        not_found_ok: bool = False,
    ) -> Reply:
        """GET with retries; a 200, 304 (or 404 if ``not_found_ok``) reply or a FetchError.

        ``accept`` lists content-type fragments a 200 body must match (empty: any).
        """
        check_url(url)
        attempt = 0
        while True:
            self.pacer(url).wait()
            self.calls += 1
            try:
                reply = self._once(url, params, headers)
            except FetchError as error:
                # A host that cannot be resolved or refuses the connection will not answer a
                # second later either: that is "no network", reported at once. Retries (with
                # backoff) are for timeouts and dropped connections, like 429/5xx replies.
                if error.status is None and not error.offline and attempt < self.retries:
                    self.sleep(self.backoff * 2**attempt)
                    attempt += 1
                    continue
                raise
            if reply.status in RETRY_STATUSES and attempt < self.retries:
                wait = retry_after(reply.headers.get("retry-after"))
                self.sleep(wait if wait is not None else self.backoff * 2**attempt)
                attempt += 1
                continue
            return self._checked(url, reply, accept, not_found_ok)

    def _checked(
        self, url: str, reply: Reply, accept: Collection[str], not_found_ok: bool
    ) -> Reply:
        if reply.status == 304 or (reply.status == 404 and not_found_ok):
            return reply
        if reply.status != 200:
            raise FetchError(f"HTTP {reply.status} from {_short(url)}", status=reply.status)
        kind = reply.content_type
        if accept and kind and not any(a in kind for a in accept):
            raise FetchError(f"unexpected content type {kind!r} from {_short(url)}", status=200)
        return reply

    def _once(
        self, url: str, params: Mapping[str, Any] | None, headers: Mapping[str, str] | None
    ) -> Reply:
        try:
            with self.client.stream("GET", url, params=params, headers=headers) as response:
                self.replies += 1
                final = str(response.url)
                check_url(final)
                if response.status_code != 200:
                    return Reply(response.status_code, final, dict(response.headers), b"")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > self.max_body:
                    raise FetchError(_too_big(url, self.max_body), status=200)
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.max_body:
                        raise FetchError(_too_big(url, self.max_body), status=200)
                    chunks.append(chunk)
                return Reply(200, final, dict(response.headers), b"".join(chunks))
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects from {_short(url)}", status=0) from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out talking to {_host(url)}") from None
        except httpx.ConnectError as error:
            reason = str(error).strip() or type(error).__name__
            raise FetchError(f"cannot reach {_host(url)} ({reason})", offline=True) from None
        except httpx.TransportError as error:
            raise FetchError(f"network error with {_host(url)} ({error})") from None


def _host(url: str) -> str:
    return urlsplit(url).netloc or url[:80]


def _short(url: str) -> str:
    return url if len(url) <= 100 else url[:99] + "…"


def _too_big(url: str, cap: int) -> str:
    return f"refused {_short(url)}: larger than {cap // (1024 * 1024)} MB"

"""The fetch tests' loopback TVmaze server, reused for ``import --fetch``."""

from tests.fetch.conftest import server, sleeps, tvmaze

__all__ = ["server", "sleeps", "tvmaze"]

"""The optional fetcher: brings the catalog up to date from TVmaze and news feeds.

Nothing here runs unless the user asks (``fancompanion add``/``fetch``, ``r`` in the app). It
writes only the catalog, never user state, and reports progress through a callback so the CLI
and the TUI can each show it their own way. ``httpx``, ``feedparser`` and ``trafilatura`` are
imported only by these modules, so ``fancompanion shows`` never pays for them.
"""

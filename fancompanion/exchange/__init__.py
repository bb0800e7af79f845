"""Moving the fan's history in and out: export, import, calendar files and stats.

Nothing here imports Textual or httpx; every write of user state goes through the core's
:class:`~fancompanion.core.store.user.UserState`.
"""

"""Inline styles for ``Content`` spans that read well in dark and light themes.

``$text-muted`` (``auto 60%``) works in CSS but renders as plain white in a Content span, and a
blend like ``$foreground 60%`` turns dark-on-dark on a light theme's cursor row. The terminal's
own ``dim`` dims whatever colour the row has, so it stays readable on every background.
"""

from __future__ import annotations

MUTED = "dim"
HEADING = "bold $text-accent"

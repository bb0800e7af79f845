"""FanCompanion: a terminal fan companion for TV series, offline first."""

__version__ = "0.1.0"

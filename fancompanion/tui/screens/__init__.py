"""Screens pushed over the library: news, up next, help."""

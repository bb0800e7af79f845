"""Pilot and snapshot tests of the TUI."""

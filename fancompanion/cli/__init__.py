"""The command line: a thin shell over the core. Only ``fancompanion`` (the TUI) imports Textual."""

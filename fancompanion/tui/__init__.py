"""The Textual app: presents the core's answers and dispatches the fan's commands."""

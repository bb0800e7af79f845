"""The UI-free core: models, the store, queries. Imports neither Textual nor httpx."""

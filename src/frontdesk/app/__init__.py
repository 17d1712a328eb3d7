"""Composition root and use-cases: paths, credentials, connections, booking, sync, demo."""

"""Connectors to the remote booking APIs: wire DTOs, mapping to the domain, HTTP clients.
Only ``providers.http`` imports httpx."""

"""The VantaX connector: wire DTOs, mapping and client."""

from frontdesk.providers.vantax.client import VantaxConnector

__all__ = ["VantaxConnector"]

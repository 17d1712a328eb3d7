"""The Vastal connector: wire DTOs, mapping and client."""

from frontdesk.providers.vastal.client import VastalConnector

__all__ = ["VastalConnector"]

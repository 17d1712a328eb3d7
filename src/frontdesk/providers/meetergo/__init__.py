"""The meetergo connector: wire DTOs, mapping and client."""

from frontdesk.providers.meetergo.client import MeetergoConnector

__all__ = ["MeetergoConnector"]

"""The HuskyVoice connector: wire DTOs, mapping and client."""

from frontdesk.providers.huskyvoice.client import HuskyVoiceConnector

__all__ = ["HuskyVoiceConnector"]

"""The CareValidate connector: wire DTOs, mapping and client."""

from frontdesk.providers.carevalidate.client import CareValidateConnector

__all__ = ["CareValidateConnector"]

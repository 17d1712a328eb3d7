"""The booking systems the desk knows, as the screens need them: each API's title and its
booking form (what a booking of it asks for), the declarations of ``providers.registry``, and
the record of a connection. The screens read them here: ``ui`` imports no provider, storage or
sync module (an import-linter contract)."""

from __future__ import annotations

from frontdesk.providers.registry import PROVIDERS, form_for, title
from frontdesk.storage.repo import ConnectionRecord

__all__ = ["PROVIDERS", "ConnectionRecord", "form_for", "title"]

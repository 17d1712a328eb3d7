"""The HuskyVoice connector: wire DTOs, mapping, placement and client, and its declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.translation import QT_TRANSLATE_NOOP
from frontdesk.providers.spec import (
    LostCreate,
    OptionField,
    OptionKind,
    ProviderForm,
    ProviderSpec,
    option_text,
)

if TYPE_CHECKING:
    from frontdesk.providers.huskyvoice.client import HuskyVoiceConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> HuskyVoiceConnector:
    from frontdesk.providers.huskyvoice.client import HuskyVoiceConnector  # when first built

    return HuskyVoiceConnector(
        connection_id, base_url, api_key, timezone=option_text(options, "timezone")
    )


PROVIDER = ProviderSpec(
    name="huskyvoice",
    title="HuskyVoice",
    connect=_connect,
    form=ProviderForm(
        "huskyvoice",
        base_url="https://api.huskyvoice.ai/v1",
        key_hint="sk_live_…",
        patient_required=frozenset({"patient_name", "patient_phone"}),
        options=(
            # The org's zone comes from GET /v1/appointment-config, whose shape is not
            # published: this is the fallback when that answer gives none.
            OptionField(
                "timezone",
                QT_TRANSLATE_NOOP("Connections", "Clinic time zone"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "IANA name, e.g. Asia/Kolkata; only used if HuskyVoice's configuration "
                    "does not give one",
                ),
                kind=OptionKind.ZONE,
            ),
        ),
    ),
    # PATCH takes confirmed, completed and cancelled; arrived and no-show are the desk's own
    remote_statuses=frozenset({VisitStatus.BOOKED, VisitStatus.COMPLETED, VisitStatus.CANCELLED}),
    lost_create=LostCreate.REPLAYED,
)

__all__ = ["PROVIDER", "HuskyVoiceConnector"]


def __getattr__(name: str) -> object:
    """The client's classes, imported when first asked for: the registry needs only
    ``PROVIDER``, and importing the client means its HTTP side and wire models."""
    if name == "HuskyVoiceConnector":
        from frontdesk.providers.huskyvoice.client import HuskyVoiceConnector

        return HuskyVoiceConnector
    raise AttributeError(name)

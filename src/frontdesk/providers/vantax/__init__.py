"""The VantaX connector: wire DTOs, mapping, errors and client, and its declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.translation import QT_TRANSLATE_NOOP
from frontdesk.providers.spec import (
    PATIENT_FIELDS,
    LostCreate,
    OptionField,
    OptionKind,
    ProviderForm,
    ProviderSpec,
    option_text,
)

if TYPE_CHECKING:
    from frontdesk.providers.vantax.client import VantaxConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> VantaxConnector:
    """Raises :class:`OptionError` (naming the option) when ``sub_account_id`` or
    ``timezone`` is missing, or the zone is not an IANA zone."""
    from frontdesk.providers.vantax.client import VantaxConnector  # when first built

    return VantaxConnector(
        connection_id,
        base_url,
        api_key,
        option_text(options, "sub_account_id"),
        option_text(options, "timezone"),
    )


PROVIDER = ProviderSpec(
    name="vantax",
    no_hours=QT_TRANSLATE_NOOP(
        "Providers", "VantaX documents no working hours: a calendar takes bookings at any time"
    ),
    title="VantaX",
    connect=_connect,
    form=ProviderForm(
        "vantax",
        base_url="https://api.vantaxai.com/v1",
        key_hint="vx_live_…",
        patient_required=frozenset(PATIENT_FIELDS),
        options=(
            OptionField(
                "sub_account_id",
                QT_TRANSLATE_NOOP("Connections", "Sub-account"),
                QT_TRANSLATE_NOOP("Connections", "the sub-account the API key belongs to"),
                True,
            ),
            OptionField(
                "timezone",
                QT_TRANSLATE_NOOP("Connections", "Time zone"),
                QT_TRANSLATE_NOOP("Connections", "the clinic's IANA zone, e.g. America/New_York"),
                True,
                kind=OptionKind.ZONE,
            ),
        ),
    ),
    remote_statuses=frozenset(
        {VisitStatus.BOOKED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED}
    ),
    lost_create=LostCreate.LOOKED_UP,
    patient_record=QT_TRANSLATE_NOOP("Providers", "VantaX contact"),
)

__all__ = ["PROVIDER", "OptionError", "VantaxConnector"]


def __getattr__(name: str) -> object:
    """The client's classes, imported when first asked for: the registry needs only
    ``PROVIDER``, and importing the client means its HTTP side and wire models."""
    if name == "OptionError":
        from frontdesk.providers.vantax.client import OptionError

        return OptionError
    if name == "VantaxConnector":
        from frontdesk.providers.vantax.client import VantaxConnector

        return VantaxConnector
    raise AttributeError(name)

"""The meetergo connector: wire DTOs, mapping, reads and client, and its declaration."""

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
    from frontdesk.providers.meetergo.client import MeetergoConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> MeetergoConnector:
    from frontdesk.providers.meetergo.client import MeetergoConnector  # when first built

    return MeetergoConnector(
        connection_id,
        base_url,
        api_key,
        option_text(options, "api_user_id"),
        option_text(options, "timezone"),
    )


PROVIDER = ProviderSpec(
    name="meetergo",
    no_hours=QT_TRANSLATE_NOOP(
        "Providers", "meetergo publishes free start times, not working hours"
    ),
    title="meetergo",
    connect=_connect,
    form=ProviderForm(
        "meetergo",
        base_url="https://api.meetergo.com/v4",
        key_hint=QT_TRANSLATE_NOOP(
            "Connections",
            "ak_live:<uuid>:<secret> (platform API key) or rgo-… (personal access token)",
        ),
        # the email is required unless the meeting type allows phone-only booking: the
        # offline rules say so per meeting type, as meetergo does
        patient_required=frozenset({"patient_name"}),
        options=(
            OptionField(
                "api_user_id",
                QT_TRANSLATE_NOOP("Connections", "API user id"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "x-meetergo-api-user-id: a user of the company (platform API key only)",
                ),
            ),
            OptionField(
                "timezone",
                QT_TRANSLATE_NOOP("Connections", "Time zone"),
                QT_TRANSLATE_NOOP("Connections", "the clinic's IANA zone, e.g. Europe/Berlin"),
                required=True,
                kind=OptionKind.ZONE,
            ),
        ),
    ),
    remote_statuses=frozenset({VisitStatus.BOOKED, VisitStatus.CANCELLED}),
    lost_create=LostCreate.LOOKED_UP_OR_UNKNOWN,
)

__all__ = ["PROVIDER", "MeetergoConnector"]


def __getattr__(name: str) -> object:
    """The client's classes, imported when first asked for: the registry needs only
    ``PROVIDER``, and importing the client means its HTTP side and wire models."""
    if name == "MeetergoConnector":
        from frontdesk.providers.meetergo.client import MeetergoConnector

        return MeetergoConnector
    raise AttributeError(name)

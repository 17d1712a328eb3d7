"""The CareValidate connector: wire DTOs, options, reads, pull, mapping and client, and its
declaration."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from frontdesk.domain.booking import VisitStatus
from frontdesk.domain.translation import QT_TRANSLATE_NOOP
from frontdesk.providers.carevalidate import options as cv_options
from frontdesk.providers.spec import (
    LostCreate,
    OptionField,
    OptionKind,
    ProviderForm,
    ProviderSpec,
)

if TYPE_CHECKING:
    from frontdesk.providers.carevalidate.client import CareValidateConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> CareValidateConnector:
    from frontdesk.providers.carevalidate.client import CareValidateConnector  # when first built

    return CareValidateConnector(connection_id, base_url, api_key, options)


PROVIDER = ProviderSpec(
    name="carevalidate",
    no_hours=QT_TRANSLATE_NOOP(
        "Providers", "CareValidate documents no opening hours (bookings go through Calendly)"
    ),
    title="CareValidate",
    connect=_connect,
    form=ProviderForm(
        "carevalidate",
        base_url="https://api.care360-next.carevalidate.com",
        key_label="cv-api-key",
        patient_required=frozenset({"patient_email"}),
        options=(
            OptionField(
                "provider_states",
                QT_TRANSLATE_NOOP("Connections", "Provider states"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "US state codes, comma-separated (CA,NY): CareValidate lists the providers "
                    "of these states",
                ),
                required=True,
                check=cv_options.states_of,
            ),
            OptionField(
                "timezone",
                QT_TRANSLATE_NOOP("Connections", "Clinic time zone"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "IANA zone (America/Los_Angeles); also sent as the invitee's zone. Default UTC",
                ),
                kind=OptionKind.ZONE,
            ),
            OptionField(
                "location",
                QT_TRANSLATE_NOOP("Connections", "Meeting location"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "google_conference (default), zoom_conference, gotomeeting_conference, "
                    "microsoft_teams_conference or webex_conference",
                ),
                kind=OptionKind.CHOICE,
                choices=cv_options.LOCATIONS,
            ),
            OptionField(
                "durations",
                QT_TRANSLATE_NOOP("Connections", "Visit lengths"),
                QT_TRANSLATE_NOOP(
                    "Connections",
                    "<eventTypeId>=<minutes>, comma-separated: CareValidate does not tell them",
                ),
                check=cv_options.durations_of,
            ),
            OptionField(
                "duration_minutes",
                QT_TRANSLATE_NOOP("Connections", "Other visits' length"),
                QT_TRANSLATE_NOOP(
                    "Connections", "minutes, for event types not listed above (default 30)"
                ),
                check=cv_options.minutes_of,
            ),
            OptionField(
                "provider_email",
                QT_TRANSLATE_NOOP("Connections", "Only this provider"),
                QT_TRANSLATE_NOOP(
                    "Connections", "a provider's email, to list only that provider's event types"
                ),
            ),
        ),
    ),
    remote_statuses=frozenset({VisitStatus.BOOKED, VisitStatus.CANCELLED}),
    lost_create=LostCreate.LOOKED_UP_OR_UNKNOWN,
)

__all__ = ["PROVIDER", "CareValidateConnector"]


def __getattr__(name: str) -> object:
    """The client's classes, imported when first asked for: the registry needs only
    ``PROVIDER``, and importing the client means its HTTP side and wire models."""
    if name == "CareValidateConnector":
        from frontdesk.providers.carevalidate.client import CareValidateConnector

        return CareValidateConnector
    raise AttributeError(name)

"""The Vastal connector: wire DTOs, mapping and client, and its declaration."""

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
)

if TYPE_CHECKING:
    from frontdesk.providers.vastal.client import VastalConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> VastalConnector:
    """The connector; raises ``ApiError("timezone: …")`` when the zone option is missing or
    not an IANA name (no Vastal page gives the organisation's zone)."""
    from frontdesk.providers.vastal.client import VastalConnector  # when first built

    return VastalConnector(
        connection_id, base_url, api_key, options.get("timezone"), options.get("plan")
    )


def _plan(text: str) -> int:
    """The ``plan`` option as requests per hour; ValueError when it is no plan."""
    from frontdesk.providers.vastal.client import plan_of

    return plan_of(text)


PROVIDER = ProviderSpec(
    name="vastal",
    title="Vastal",
    connect=_connect,
    form=ProviderForm(
        "vastal",
        # the endpoint pages' host; the Authentication and REST pages say api.vastal.com/v1
        base_url="https://api.vastal.agency/v1",
        key_hint=QT_TRANSLATE_NOOP("Connections", "vst_… (scopes read and write)"),
        patient_required=frozenset({"patient_name"}),
        options=(
            OptionField(
                "timezone",
                QT_TRANSLATE_NOOP("Connections", "Time zone"),
                QT_TRANSLATE_NOOP("Connections", "the clinic's IANA zone, e.g. America/New_York"),
                required=True,
                kind=OptionKind.ZONE,
            ),
            OptionField(
                "plan",
                QT_TRANSLATE_NOOP("Connections", "Plan"),
                QT_TRANSLATE_NOOP(
                    "Connections", "Starter, Professional, or Enterprise and its limit"
                ),
                check=_plan,
            ),
        ),
    ),
    remote_statuses=frozenset(
        {VisitStatus.BOOKED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED}
    ),
    lost_create=LostCreate.LOOKED_UP,
)

__all__ = ["PROVIDER", "VastalConnector"]


def __getattr__(name: str) -> object:
    """The client's classes, imported when first asked for: the registry needs only
    ``PROVIDER``, and importing the client means its HTTP side and wire models."""
    if name == "VastalConnector":
        from frontdesk.providers.vastal.client import VastalConnector

        return VastalConnector
    raise AttributeError(name)

"""The VantaX connector: wire DTOs, mapping and client, and its declaration."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain.booking import VisitStatus
from frontdesk.providers.spec import (
    PATIENT_FIELDS,
    LostCreate,
    OptionField,
    ProviderForm,
    ProviderSpec,
    option_text,
)
from frontdesk.providers.vantax.client import VantaxConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> VantaxConnector:
    return VantaxConnector(connection_id, base_url, api_key, option_text(options, "sub_account_id"))


PROVIDER = ProviderSpec(
    name="vantax",
    title="VantaX",
    connect=_connect,
    form=ProviderForm(
        "vantax",
        base_url="https://api.vantaxai.com/v1",
        key_hint="vx_live_…",
        patient_required=frozenset(PATIENT_FIELDS),
        options=(
            OptionField("sub_account_id", "Sub-account", "the clinic's sub_account_id", True),
        ),
    ),
    remote_statuses=frozenset(
        {VisitStatus.BOOKED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED}
    ),
    lost_create=LostCreate.REPLAYED,
    patient_record="VantaX contact",
)

__all__ = ["PROVIDER", "VantaxConnector"]

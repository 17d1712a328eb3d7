"""The Vastal connector: wire DTOs, mapping and client, and its declaration."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain.booking import VisitStatus
from frontdesk.providers.spec import LostCreate, ProviderForm, ProviderSpec
from frontdesk.providers.vastal.client import VastalConnector


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> VastalConnector:
    return VastalConnector(connection_id, base_url, api_key, options.get("plan"))


PROVIDER = ProviderSpec(
    name="vastal",
    title="Vastal",
    connect=_connect,
    form=ProviderForm(
        "vastal",
        base_url="https://api.vastal.agency/v1",
        key_hint="vst_…",
        patient_required=frozenset({"patient_name"}),
    ),
    remote_statuses=frozenset(
        {VisitStatus.BOOKED, VisitStatus.COMPLETED, VisitStatus.NO_SHOW, VisitStatus.CANCELLED}
    ),
    lost_create=LostCreate.LOOKED_UP,
)

__all__ = ["PROVIDER", "VastalConnector"]

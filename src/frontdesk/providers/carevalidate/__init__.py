"""The CareValidate connector: wire DTOs, mapping and client, and its declaration."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.domain.booking import VisitStatus
from frontdesk.providers.carevalidate.client import CareValidateConnector
from frontdesk.providers.spec import LostCreate, ProviderForm, ProviderSpec


def _connect(
    connection_id: str, base_url: str, api_key: str, options: Mapping[str, object]
) -> CareValidateConnector:
    return CareValidateConnector(connection_id, base_url, api_key, options)


PROVIDER = ProviderSpec(
    name="carevalidate",
    title="CareValidate",
    connect=_connect,
    form=ProviderForm(
        "carevalidate",
        base_url="https://api.care360-next.carevalidate.com",
        key_label="cv-api-key",
        patient_required=frozenset({"patient_email"}),
    ),
    remote_statuses=frozenset({VisitStatus.BOOKED, VisitStatus.CANCELLED}),
    lost_create=LostCreate.LOOKED_UP,
)

__all__ = ["PROVIDER", "CareValidateConnector"]

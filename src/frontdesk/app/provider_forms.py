"""What the desk's forms ask for, per remote API: the connection settings (default address,
what the key looks like, extra options) and which patient details the API requires.

A small descriptor registry beside ``app.connections``'s factories, so the connections dialog
and the booking dialog are built from data and a newly registered API gets sensible forms
without any screen changing. An API with no descriptor gets the generic one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

PATIENT_FIELDS = ("patient_name", "patient_phone", "patient_email")


@dataclass(frozen=True, slots=True)
class OptionField:
    """One extra connection setting, stored in the connection's ``options``."""

    key: str
    label: str
    hint: str = ""
    required: bool = False
    secret: bool = False  # goes to the keyring with the key, never into options


@dataclass(frozen=True, slots=True)
class ProviderForm:
    provider: str
    base_url: str = "https://"
    key_label: str = "API key"
    key_hint: str = ""
    patient_required: frozenset[str] = frozenset({"patient_name", "patient_phone"})
    options: tuple[OptionField, ...] = field(default_factory=tuple)


FORMS: dict[str, ProviderForm] = {
    "huskyvoice": ProviderForm(
        "huskyvoice",
        base_url="https://api.huskyvoice.ai/v1",
        key_hint="sk_live_…",
        patient_required=frozenset({"patient_name", "patient_phone"}),
    ),
    "vantax": ProviderForm(
        "vantax",
        base_url="https://api.vantaxai.com/v1",
        key_hint="vx_live_…",
        patient_required=frozenset(PATIENT_FIELDS),
        options=(
            OptionField("sub_account_id", "Sub-account", "the clinic's sub_account_id", True),
        ),
    ),
    "vastal": ProviderForm(
        "vastal",
        base_url="https://api.vastal.agency/v1",
        key_hint="vst_…",
        patient_required=frozenset({"patient_name"}),
    ),
    "meetergo": ProviderForm(
        "meetergo",
        base_url="https://api.meetergo.com/v4",
        key_hint="ak_live:<uuid>:<secret>",
        patient_required=frozenset({"patient_name", "patient_email"}),
        options=(
            OptionField("api_user_id", "API user id", "x-meetergo-api-user-id", required=True),
        ),
    ),
    "carevalidate": ProviderForm(
        "carevalidate",
        base_url="https://api.care360-next.carevalidate.com",
        key_label="cv-api-key",
        patient_required=frozenset({"patient_email"}),
    ),
}


def form_for(provider: str) -> ProviderForm:
    """The provider's descriptor, or the generic one (name and phone required)."""
    return FORMS.get(provider) or ProviderForm(provider)

"""Every remote booking API FrontDesk speaks, in the order the desk lists them.

A sixth API is a package under `providers/` exporting `PROVIDER` (`providers.spec`), and one
line here (its emulator is a package under `sandbox/` and one line in `sandbox.registry`).
"""

from __future__ import annotations

from frontdesk.providers import carevalidate, huskyvoice, meetergo, vantax, vastal
from frontdesk.providers.spec import ProviderForm, ProviderSpec

PROVIDERS: dict[str, ProviderSpec] = {
    spec.name: spec
    for spec in (
        huskyvoice.PROVIDER,
        vantax.PROVIDER,
        vastal.PROVIDER,
        meetergo.PROVIDER,
        carevalidate.PROVIDER,
    )
}


def provider(name: str) -> ProviderSpec:
    """The API called ``name``; KeyError if FrontDesk does not speak it."""
    return PROVIDERS[name]


def title(name: str) -> str:
    """The API's name as people write it (``VantaX``), or ``name`` itself if unknown."""
    spec = PROVIDERS.get(name)
    return spec.title if spec is not None else name


def form_for(name: str) -> ProviderForm:
    """The API's forms, or the generic ones (name and phone required) for an unknown API."""
    spec = PROVIDERS.get(name)
    return spec.form if spec is not None else ProviderForm(name)

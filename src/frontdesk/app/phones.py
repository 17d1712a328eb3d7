"""Patients' phone numbers as the clinic reads them: in the clinic's region (``app.settings``).

A number typed as a patient would dial it locally (``020 7946 0123`` in a UK clinic) or with
its country code (``+44 20 7946 0123``) is kept as E.164 (``+442079460123``), the form every
booking system takes; one that is not a valid number there is refused at the field with words
that say what to type. An empty phone is no problem here: whether the API needs one is the
booking form's question.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from frontdesk.app.settings import region_name

if TYPE_CHECKING:
    import phonenumbers


@lru_cache(maxsize=4096)
def _parsed(phone: str, region: str | None) -> phonenumbers.PhoneNumber | None:
    """``phone`` read in ``region``, None when it is not a valid number there; remembered (a
    form, a day's list or an import reads the same numbers again and again; nobody changes
    what this returns)."""
    import phonenumbers  # imported when a number is first read, not at the desk's start

    try:
        number = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalized(phone: str, region: str | None) -> str | None:
    """``phone`` as E.164, or None when it is not a valid number in ``region``."""
    import phonenumbers

    number = _parsed(phone, region)
    if number is None:
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def problem(phone: str, region: str | None) -> str | None:
    """Why ``phone`` cannot be used, in words for the receptionist; None when it can."""
    if not phone.strip() or _parsed(phone, region) is not None:
        return None
    if region is None:
        return (
            "This is not a phone number FrontDesk can read. Type it with its country code "
            "(+44 20 7946 0123), or set the clinic's phone region."
        )
    return (
        f"This is not a valid phone number in {region_name(region)}. Check the digits, or "
        "type a number from abroad with its country code (+…)."
    )


def shown(phone: str, region: str | None) -> str:
    """``phone`` as people write it (``+44 20 7946 0123``; national form for the clinic's
    own region), or as stored when it cannot be read."""
    import phonenumbers

    number = _parsed(phone, region)
    if number is None:
        return phone
    if region is not None and phonenumbers.region_code_for_number(number) == region:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)

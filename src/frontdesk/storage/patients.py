"""The patient index: who has booked, found by any word of their name, their phone number
(typed in any common form) or their email, with index range scans only.

Each patient is one row per (folded name, phone digits); its search terms live in
``patient_terms`` (primary key ``(term, patient_id)``), so a prefix is a range scan of that
key, and several words intersect their scans. The index is kept on every booking write and
merge; migration ``0002_desk`` fills it from the bookings already cached.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import phonenumbers
from sqlalchemy import Select, and_, func, select
from sqlalchemy.orm import Session

from frontdesk.storage.tables import PatientRow, PatientTermRow

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HIGH = "\U0010ffff"  # sorts after any character a term holds


@dataclass(frozen=True, slots=True)
class Patient:
    name: str
    phone: str
    email: str | None
    last_seen: datetime
    bookings: int


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def patient_key(name: str, phone: str) -> str:
    return f"{' '.join(name.casefold().split())}|{digits(phone)}"


def phone_terms(phone: str) -> set[str]:
    """The digit strings a receptionist may start typing: as stored, without the leading
    zeros, and in national form with and without its trunk 0 (``07700…``, ``7700…``)."""
    found = {digits(phone)}
    found.add(digits(phone).lstrip("0"))
    try:
        parsed = phonenumbers.parse(phone, None if phone.strip().startswith("+") else "GB")
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is not None:
        national = str(parsed.national_number)
        found.update({national, "0" + national})
    return {term for term in found if term}


def terms(name: str, phone: str, email: str | None) -> set[str]:
    found = {w.casefold() for w in _WORD.findall(name)}
    found.update(phone_terms(phone))
    if email:
        folded = email.strip().casefold()
        found.add(folded)
        found.update(w for w in _WORD.findall(folded.split("@", 1)[0]))
    return found


def query_terms(text: str) -> list[str]:
    """What to prefix-search for ``text``: digit runs as phone numbers, words as words."""
    stripped = text.strip()
    if not stripped:
        return []
    if re.fullmatch(r"[+\d\s().-]+", stripped):
        number = digits(stripped)
        return [number.lstrip("0") or number] if number else []
    if "@" in stripped:
        return [stripped.casefold()]
    return [w.casefold() for w in _WORD.findall(stripped)]


def remember(s: Session, name: str, phone: str, email: str | None, start: datetime) -> None:
    """Add or refresh the patient of one new booking (inside the caller's transaction)."""
    if not name.strip() and not phone.strip():
        return
    key = patient_key(name, phone)
    row = s.scalar(select(PatientRow).where(PatientRow.key == key))
    if row is None:
        row = PatientRow(
            key=key,
            name=name.strip(),
            phone=phone.strip(),
            email=email,
            last_seen=start,
            bookings=1,
        )
        s.add(row)
        s.flush()
        s.add_all(PatientTermRow(term=t, patient_id=row.id) for t in terms(name, phone, email))
        return
    row.bookings += 1
    row.last_seen = max(row.last_seen, start)
    if email and email != row.email:
        row.email = email
        known = set(
            s.scalars(select(PatientTermRow.term).where(PatientTermRow.patient_id == row.id))
        )
        s.add_all(
            PatientTermRow(term=t, patient_id=row.id) for t in terms(name, phone, email) - known
        )


def search_query(text: str, limit: int) -> Select[PatientRow] | None:
    words = query_terms(text)
    if not words:
        return None
    scans = [
        select(PatientTermRow.patient_id).where(
            and_(PatientTermRow.term >= w, PatientTermRow.term < w + _HIGH)
        )
        for w in dict.fromkeys(words)
    ]
    ids = scans[0] if len(scans) == 1 else scans[0].intersect(*scans[1:])
    return (
        select(PatientRow)
        .where(
            PatientRow.id.in_(
                ids.scalar_subquery() if len(scans) == 1 else select(ids.subquery().c[0])
            )
        )
        .order_by(PatientRow.last_seen.desc(), PatientRow.id)
        .limit(limit)
    )


def count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(PatientRow)) or 0)

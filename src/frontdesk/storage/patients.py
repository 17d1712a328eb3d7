"""The patient index: who has booked, found by any part of a word of their name, their phone
number (typed in any common form) or their email, with index range scans only.

Each patient is one row per (folded name, phone digits); its search terms live in
``patient_terms`` (primary key ``(term, patient_id)``), so a prefix is a range scan of that
key, and several words intersect their scans. The index is kept on every booking write and
merge; migration ``0002_desk`` fills it from the bookings already cached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, and_, func, insert, select
from sqlalchemy.orm import Session

from frontdesk.storage.plain import Patient as Patient
from frontdesk.storage.plain import digits as digits
from frontdesk.storage.plain import folded_name as folded_name
from frontdesk.storage.plain import patient_key as patient_key
from frontdesk.storage.tables import PatientRow, PatientTermRow

_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_HIGH = "\U0010ffff"  # sorts after any character a term holds


def phone_terms(phone: str) -> set[str]:
    """The digit strings a receptionist may start typing: as stored, without the leading
    zeros, and for an international number (``+44…``, as the desk keeps them) in national form
    with and without its trunk 0 (``020 7946…``, ``20 7946…``)."""
    found = {digits(phone)}
    found.add(digits(phone).lstrip("0"))
    parsed = None
    if phone.strip().startswith("+"):  # no region is guessed for a number kept without one
        import phonenumbers  # when a patient is first indexed, not at the desk's start

        try:
            parsed = phonenumbers.parse(phone, None)
        except phonenumbers.NumberParseException:
            parsed = None
    if parsed is not None:
        national = str(parsed.national_number)
        found.update({national, "0" + national})
    return {term for term in found if term}


def name_terms(name: str) -> set[str]:
    """Every word of the name and every tail of it of two letters or more, so that a prefix
    search finds any part of a word ("mel" finds Amelia, "son" finds Robinson)."""
    found: set[str] = set()
    for word in (w.casefold() for w in _WORD.findall(name)):
        found.add(word)
        found.update(word[i:] for i in range(1, len(word) - 1))
    return found


def terms(name: str, phone: str, email: str | None) -> set[str]:
    found = name_terms(name)
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
    if name.strip() or phone.strip():
        remember_many(s, [(name, phone, email, start)])


def remember_many(s: Session, people: Sequence[tuple[str, str, str | None, datetime]]) -> None:
    """:func:`remember` for a batch ``(name, phone, email, start)``: one bulk insert of the new
    patients and their terms, one update per patient already known."""
    merged: dict[str, tuple[str, str, str | None, datetime, int]] = {}
    for name, phone, email, start in people:
        key = patient_key(name, phone)
        seen = merged.get(key)
        if seen is None:
            merged[key] = (name.strip(), phone.strip(), email, start, 1)
        else:
            merged[key] = (seen[0], seen[1], seen[2] or email, max(seen[3], start), seen[4] + 1)
    keys = list(merged)
    known: dict[str, PatientRow] = {}
    for first in range(0, len(keys), 500):
        chunk = keys[first : first + 500]
        known.update(
            (r.key, r) for r in s.scalars(select(PatientRow).where(PatientRow.key.in_(chunk)))
        )
    for key, row in known.items():
        name, phone, email, last, count = merged.pop(key)
        row.bookings += count
        row.last_seen = max(row.last_seen, last)
        if email and not row.email:
            row.email = email
            have = set(
                s.scalars(select(PatientTermRow.term).where(PatientTermRow.patient_id == row.id))
            )
            s.add_all(
                PatientTermRow(term=t, patient_id=row.id) for t in terms(name, phone, email) - have
            )
    next_id = int(s.scalar(select(func.max(PatientRow.id))) or 0) + 1
    new_rows: list[dict[str, object]] = []
    new_terms: list[dict[str, object]] = []
    for number, (key, (name, phone, email, last, count)) in enumerate(merged.items(), next_id):
        new_rows.append(
            {"id": number, "key": key, "name": name, "phone": phone, "email": email,
             "last_seen": last, "bookings": count}
        )  # fmt: skip
        new_terms.extend({"term": t, "patient_id": number} for t in terms(name, phone, email))
    if new_rows:
        s.execute(insert(PatientRow), new_rows)
        s.execute(insert(PatientTermRow), new_terms)


def _matching_ids(words: list[str]) -> Select[int]:
    scans = [
        select(PatientTermRow.patient_id).where(
            and_(PatientTermRow.term >= w, PatientTermRow.term < w + _HIGH)
        )
        for w in dict.fromkeys(words)
    ]
    if len(scans) == 1:
        return scans[0]
    return select(scans[0].intersect(*scans[1:]).subquery().c[0])


def search_query(text: str, limit: int, offset: int = 0) -> Select[PatientRow] | None:
    """The patients matching every word typed, most recently seen first."""
    words = query_terms(text)
    if not words:
        return None
    return (
        select(PatientRow)
        .where(PatientRow.id.in_(_matching_ids(words).scalar_subquery()))
        .order_by(PatientRow.last_seen.desc(), PatientRow.id)
        .limit(limit)
        .offset(offset)
    )


def count_query(text: str) -> Select[int] | None:
    """How many patients match what was typed."""
    words = query_terms(text)
    if not words:
        return None
    return select(func.count()).select_from(_matching_ids(words).subquery())


def phones_of_names(s: Session, names: Sequence[str]) -> dict[str, list[str]]:
    """The phone numbers the patient index holds for each name (by :func:`folded_name`; one
    number per different digits, the most recently seen first); a name with none is left out.
    One range scan of the unique key per name."""
    found: dict[str, list[str]] = {}
    for name in dict.fromkeys(folded_name(n) for n in names):
        if not name:
            continue
        rows = s.execute(
            select(PatientRow.phone)
            .where(PatientRow.key >= f"{name}|", PatientRow.key < f"{name}|{_HIGH}")
            .order_by(PatientRow.last_seen.desc(), PatientRow.id)
        )
        seen: dict[str, str] = {}
        for (phone,) in rows:
            if digits(phone) and digits(phone) not in seen:
                seen[digits(phone)] = phone
        if seen:
            found[name] = list(seen.values())
    return found


def count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(PatientRow)) or 0)

"""Patients as records of their own on the remote (VantaX's contacts): which record a new
booking's create uses, or which ``CREATE_PATIENT`` operation it must wait for.

No table of its own. A patient's record id lives in the ``extra`` of their bookings
(``PATIENT_REF``: written by an accepted ``CREATE_PATIENT`` on every booking that waited for
it, and by pulls) and in the done operation's payload. A booking's earlier bookings are found
by phone (the bookings-by-phone index) and matched by :func:`patient_key`; a queued
``CREATE_PATIENT`` carries a digest of that key in its payload (``patient``), so a second
booking for the same new patient waits for the same operation instead of making a second
record. Only queued operations are looked at (the outbox's state index), never its history.
"""

from __future__ import annotations

import hashlib
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.domain.booking import Booking
from frontdesk.domain.outbox import PATIENT_REF, OperationKind, OperationState
from frontdesk.storage.patients import patient_key
from frontdesk.storage.tables import BookingRow, OutboxRow


def patient_token(booking: Booking) -> str:
    """What a queued ``CREATE_PATIENT`` stores to say whose record it makes (no name in it)."""
    key = patient_key(booking.patient_name, booking.patient_phone)
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def _phone_forms(phone: str) -> list[str]:
    """The phone as typed and as the APIs hold it (digits and a leading +): what an earlier
    booking of the patient, typed at the desk or pulled, has in its row."""
    compact = "".join(ch for ch in phone.strip() if ch.isdigit() or ch == "+")
    return list(dict.fromkeys([phone, phone.strip(), compact]))


def patient_payload(booking: Booking) -> dict[str, Any]:
    return {"patient": patient_token(booking)}


class PatientRecords:
    """Inside one write transaction: the remote record of a booking's patient, known or on its
    way. Remembers what it has looked up or added, so a bulk import asks once per patient."""

    def __init__(self, s: Session) -> None:
        self.s = s
        # (connection, patient token) -> the queued op making the record, None when there is none
        self._queued: dict[tuple[str, str], int | None] = {}

    def known(self, booking: Booking) -> str | None:
        """The record id an earlier booking of this patient on this connection carries."""
        if booking.extra.get(PATIENT_REF):
            return str(booking.extra[PATIENT_REF])
        key = patient_key(booking.patient_name, booking.patient_phone)
        rows = self.s.execute(
            select(BookingRow.patient_name, BookingRow.patient_phone, BookingRow.extra)
            .where(
                BookingRow.patient_phone.in_(_phone_forms(booking.patient_phone)),
                BookingRow.connection_id == booking.connection_id,
            )
            .order_by(BookingRow.start.desc())
        )
        for row in rows:
            ref = (row.extra or {}).get(PATIENT_REF)
            if ref and patient_key(row.patient_name, row.patient_phone) == key:
                return str(ref)
        return None

    def queued(self, booking: Booking) -> int | None:
        """The queued ``CREATE_PATIENT`` making this patient's record on this connection."""
        token = patient_token(booking)
        key = (booking.connection_id, token)
        if key not in self._queued:
            self._queued[key] = self.s.scalar(
                select(OutboxRow.id)
                .where(
                    OutboxRow.state == OperationState.QUEUED.value,
                    OutboxRow.kind == OperationKind.CREATE_PATIENT.value,
                    OutboxRow.connection_id == booking.connection_id,
                    OutboxRow.payload["patient"].as_string() == token,
                )
                .order_by(OutboxRow.id)
                .limit(1)
            )
        return self._queued[key]

    def add(self, booking: Booking, op_id: int) -> None:
        self._queued[(booking.connection_id, patient_token(booking))] = op_id

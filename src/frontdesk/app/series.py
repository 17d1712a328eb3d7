"""Series of recurring appointments (a course of therapy): every N weeks, N times or until a
date, at the same wall-clock time on the clinic's clock (a series crossing a daylight-saving
change keeps its local time).

:func:`plan` judges each occurrence offline by the connection's rules, as a single booking is
(``BookingService.validate``), and gives the ones that do not fit their nearest openings
(``app.openings``). :func:`book` books the chosen starts in ONE transaction (``storage.series``:
each judged again among the bookings as they stand, its create queued in order): all or
nothing. :mod:`frontdesk.app.series_following` changes an occurrence and the
later ones of its series together, each checked by the rules, all or nothing, refusals listed
per occurrence (:class:`SeriesRefused`). Every booking and change has its audit line.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from frontdesk.app.booking_checks import BookingRefused, refusal
from frontdesk.app.openings import Limits, Opening, OpeningQuery, find_openings
from frontdesk.domain.audit import AuditEvent
from frontdesk.domain.booking import Booking
from frontdesk.domain.timeutil import local_day_bounds, local_to_utc, to_local, utc_now
from frontdesk.domain.translation import plural, translate
from frontdesk.domain.verdict import Severity, Verdict
from frontdesk.storage.rows import BookingsBetween, Guard
from frontdesk.storage.series import TOPIC, NewBooking, SeriesInfo

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext
    from frontdesk.domain.booking_request import BookingRequest

__all__ = ["TOPIC", "Occurrence", "SeriesInfo", "SeriesRefused", "starts_of"]

MAX_OCCURRENCES = 52


class SeriesRefused(BookingRefused):
    """Some occurrences do not fit: ``refusals`` (the occurrence's start, its errors), in
    order; nothing was written."""

    def __init__(self, refusals: list[tuple[datetime, list[Verdict]]]) -> None:
        super().__init__([v for _, found in refusals for v in found])
        self.refusals = refusals


@dataclass(frozen=True, slots=True)
class Occurrence:
    """One occurrence of a planned series: where it was asked, what the rules say, and (when it
    does not fit) the nearest openings to pick instead."""

    number: int  # 1-based
    start: datetime  # UTC
    verdicts: list[Verdict]
    openings: list[Opening]

    @property
    def fits(self) -> bool:
        return not any(v.severity is Severity.ERROR for v in self.verdicts)

    @property
    def errors(self) -> list[Verdict]:
        return [v for v in self.verdicts if v.severity is Severity.ERROR]


def starts_of(
    first: datetime,
    zone: str,
    every_weeks: int,
    times: int | None = None,
    until: date | None = None,
) -> list[datetime]:
    """The series' starts (UTC): ``first``, then every ``every_weeks`` weeks at the same local
    wall time, ``times`` in all or up to ``until`` (the clinic's date, included). Raises
    ``ValueError`` naming the field when the rule makes no sense."""
    if not 1 <= every_weeks <= 52:
        raise ValueError(translate("Series", "every: type a number of weeks from 1 to 52."))
    if times is None and until is None:
        raise ValueError(translate("Series", "times: say how many times, or until which date."))
    if times is not None and not 2 <= times <= MAX_OCCURRENCES:
        raise ValueError(
            translate("Series", "times: a series has 2 to {most} appointments.").format(
                most=MAX_OCCURRENCES
            )
        )
    local = to_local(first, zone)
    if until is not None and until <= local.date():
        raise ValueError(translate("Series", "until: choose a date after the first appointment."))
    starts: list[datetime] = []
    day = local.date()
    while len(starts) < (times or MAX_OCCURRENCES):
        if until is not None and day > until:
            break
        starts.append(local_to_utc(day, local.time().replace(tzinfo=None), zone).instant)
        day += timedelta(weeks=every_weeks)
    return starts


def rule_words(every_weeks: int, count: int) -> str:
    """The series' rule as the store keeps it (English: ``every 2 weeks, 6 times``)."""
    every = "every week" if every_weeks == 1 else f"every {every_weeks} weeks"
    return f"{every}, {count} times"


def shown_rule(every_weeks: int, count: int) -> str:
    """The series' rule in the desk's language."""
    every = plural("Series", "every %n week(s)", every_weeks)
    return plural("Series", "{every}, %n time(s)", count).format(every=every)


def _counts() -> None:  # for lupdate: the counted sentences (never called)
    translate("Series", "every %n week(s)", None, 1)
    translate("Series", "{every}, %n time(s)", None, 1)


def _at(request: BookingRequest, start: datetime) -> BookingRequest:
    return request.model_copy(update={"start": start})


def nearest_openings(
    context: AppContext, request: BookingRequest, start: datetime, count: int = 3
) -> list[Opening]:
    """The openings nearest the wanted ``start``: from two days before its day, the patient's
    own bookings weighed (the duplicate rules), in the same connection."""
    zone = context.clinic_zone
    day = to_local(start, zone).date()
    after = local_day_bounds(day - timedelta(days=2), zone)[0]
    query = OpeningQuery(
        request.connection_id,
        request.service_id,
        (request.resource_id,) if request.resource_id else None,
        patient_phone=request.patient_phone or "+440000000000",
    )
    found = find_openings(context.booking, [query], after, Limits(count=count * 3, days=9))
    found.sort(key=lambda o: (abs((o.start - start).total_seconds()), o.start))
    return sorted(found[:count], key=lambda o: o.start)


def plan(
    context: AppContext,
    request: BookingRequest,
    starts: Sequence[datetime],
    now: datetime | None = None,
) -> list[Occurrence]:
    """Each occurrence judged offline; those that do not fit get their nearest openings."""
    when = now or utc_now()
    planned: list[Occurrence] = []
    for number, start in enumerate(starts, 1):
        verdicts = context.booking.validate(_at(request, start), when)
        fits = not any(v.severity is Severity.ERROR for v in verdicts)
        openings = [] if fits else nearest_openings(context, request, start)
        planned.append(Occurrence(number, start, verdicts, openings))
    return planned


def book(
    context: AppContext,
    request: BookingRequest,
    starts: Sequence[datetime],
    every_weeks: int,
    now: datetime | None = None,
) -> list[Booking]:
    """Book the series at ``starts`` (the chosen ones, alternatives included) in one
    transaction, the creates queued in order; refuses (:class:`SeriesRefused`, nothing
    written) when any of them does not fit."""
    service = context.booking
    when = now or utc_now()
    who = service.actor()
    ordered = sorted(starts)
    if len(ordered) < 1:
        raise BookingRefused(
            [refusal("EMPTY", translate("Series", "No appointment of the series is left to book."))]
        )
    refusals: list[tuple[datetime, list[Verdict]]] = []
    items: list[NewBooking] = []
    series_id = str(uuid.uuid4())
    for number, start in enumerate(ordered, 1):
        asked = _at(request, start)
        errors = [v for v in service.validate(asked, when) if v.severity is Severity.ERROR]
        if errors:
            refusals.append((start, errors))
            continue
        draft = service.draft(asked)
        detail = f"series {series_id[:8]}, {number} of {len(ordered)}"
        audit = service.audit_entry(AuditEvent.BOOKED, None, draft, detail)
        items.append(NewBooking(draft, guarded(context, draft, when), audit, str(uuid.uuid4())))
    if refusals:
        raise SeriesRefused(refusals)
    context.repo.series.book(
        series_id,
        every_weeks,
        rule_words(every_weeks, len(items)),
        items,
        who.label,
        patient_records=patient_records(context, request.connection_id),
    )
    return [i.booking for i in items]


def patient_records(context: AppContext, connection_id: str) -> bool:
    connector = context.connectors.get(connection_id)
    return connector is not None and connector.creates_patients


def guarded(context: AppContext, draft: Booking, now: datetime) -> Guard:
    """The rules again inside the write, naming the occurrence in a refusal."""
    inner = context.booking._still_fits(draft, now)

    def guard(between: BookingsBetween) -> None:
        try:
            inner(between)
        except BookingRefused as refused:
            raise SeriesRefused([(draft.start, refused.verdicts)]) from refused

    return guard


def series_of(context: AppContext, booking_id: str) -> SeriesInfo | None:
    return context.repo.series.of_booking(booking_id)


def following(context: AppContext, booking_id: str) -> list[Booking]:
    """This booking and the later active ones of its series, in order ([] if in none)."""
    info = series_of(context, booking_id)
    if info is None:
        return []
    ids = list(info.booking_ids[info.booking_ids.index(booking_id) :])
    found = {b.id: b for b in context.reads.bookings_by_ids(ids)}
    return [found[i] for i in ids if i in found and found[i].active]

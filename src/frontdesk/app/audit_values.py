"""The audit trail's stored values the viewer says in the desk's language beyond its sentences
(:mod:`frontdesk.app.audit_words`): an export's title (the trail keeps the English one the
desk wrote, ``Appointments on Sunday 28 March 2027``, and it is said again from the day, the
week or the patient it names), a clinic column as a setup change keeps it (``Dr Rao
(provider, #3366cc, hidden)``: its kind and "hidden" in the desk's words) and a service by the
name the catalogs know it by (the trail keeps its id). A value of another shape is shown as
stored.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta
from typing import TYPE_CHECKING

from frontdesk.app.exports import day_heading, patient_heading, week_heading
from frontdesk.domain.columns import ColumnKind
from frontdesk.domain.dates import ENGLISH
from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from frontdesk.app.context import AppContext

CONTEXT = "AuditLines"

# a column's kind as a setup change writes it, lower case inside its parentheses
COLUMN_KINDS = {
    ColumnKind.PROVIDER.value: QT_TRANSLATE_NOOP("AuditLines", "provider"),
    ColumnKind.CHAIR.value: QT_TRANSLATE_NOOP("AuditLines", "chair"),
    ColumnKind.ROOM.value: QT_TRANSLATE_NOOP("AuditLines", "room"),
}
HIDDEN = QT_TRANSLATE_NOOP("AuditLines", "hidden")

_COLUMN = re.compile(
    r"(?P<name>.*) \((?P<kind>[a-z]+)(?:, (?P<colour>#[0-9a-fA-F]{6}))?(?P<hidden>, hidden)?\)",
    re.S,
)
_DAY = re.compile(r"Appointments on (?P<wd>[A-Za-z]+) (?P<d>\d{1,2}) (?P<m>[A-Za-z]+) (?P<y>\d{4})")
_WEEK = re.compile(
    r"(?P<name>.+): week of [A-Za-z]{3} (?P<d1>\d{1,2}) [A-Za-z]{3} to [A-Za-z]{3} "
    r"(?P<d>\d{1,2}) (?P<m>[A-Za-z]{3}) (?P<y>\d{4})",
    re.S,
)
_PATIENT = re.compile(r"Appointments of (?P<name>.+)", re.S)


def column_words(value: str) -> str:
    """A clinic column as a setup change keeps it, its kind (and "hidden") in the desk's
    words; its name and colour as stored."""
    found = _COLUMN.fullmatch(value)
    if found is None or found["kind"] not in COLUMN_KINDS:
        return value
    parts = [translate(CONTEXT, COLUMN_KINDS[found["kind"]])]
    if found["colour"]:
        parts.append(found["colour"])
    if found["hidden"]:
        parts.append(translate(CONTEXT, HIDDEN))
    return f"{found['name']} ({', '.join(parts)})"


def title_words(title: str) -> str:
    """An export's title as the trail keeps it (English), in the desk's language."""
    day = _DAY.fullmatch(title)
    if day is not None:
        when = _english_day(day["d"], day["m"], day["y"], ENGLISH.months_long)
        if when is not None and ENGLISH.weekdays_long[when.weekday()] == day["wd"]:
            return day_heading(when)
    week = _WEEK.fullmatch(title)
    if week is not None:
        sunday = _english_day(week["d"], week["m"], week["y"], ENGLISH.months_short)
        if sunday is not None and (sunday - timedelta(days=6)).day == int(week["d1"]):
            return week_heading(week["name"], sunday - timedelta(days=6))
    patient = _PATIENT.fullmatch(title)
    if patient is not None:
        return patient_heading(patient["name"])
    return title


def _english_day(d: str, m: str, y: str, months: tuple[str, ...]) -> date | None:
    if m not in months:
        return None
    try:
        return date(int(y), months.index(m) + 1, int(d))
    except ValueError:
        return None


def service_names(context: AppContext) -> dict[str, str]:
    """Every service's name by its id, as the cached catalogs know them (retired ones too:
    an old line names what was booked then). Where two booking systems use one id for
    different services, the first connection's name."""
    names: dict[str, str] = {}
    for record in context.connections():
        for service in context.booking.catalog_for(record.id).services:
            names.setdefault(service.id, service.name)
    return names


def service_words(value: str, services: Mapping[str, str]) -> str:
    """A service's id as the trail keeps it: its name, or the id where no catalog has it."""
    return services.get(value, value)

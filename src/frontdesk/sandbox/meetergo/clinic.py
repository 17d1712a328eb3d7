"""The account a meetergo sandbox serves: users with weekly hours, meeting types, API keys.

Owns the default clinic of docs/providers.md ("meetergo", "The sandbox's default clinic") as
plain data. Nothing here knows about HTTP or bookings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

ZONE = "Europe/Berlin"
API_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:sandboxsecret"
EXPIRED_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:expiredsecret"
ANNA = "a1f0c3d2-5b6e-4f70-8a9b-0c1d2e3f4a51"
BEN = "b2e1d4c3-6c7f-4081-9bac-1d2e3f4a5b62"
CONSULTATION = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c01"
THERAPY = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c02"
CHECK_IN = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c03"
SECOND_OPINION = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c04"
TRIAGE = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c05"
GROUP = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c06"
TRIAGE_QUEUE = "d4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a07"


@dataclass(frozen=True)
class User:
    """A host: id, display name and weekly working intervals (ISO weekday → local spans)."""

    id: str
    name: str
    hours: dict[int, tuple[tuple[time, time], ...]]


@dataclass(frozen=True)
class MeetingType:
    id: str
    kind: str  # "one-to-one" | "group" | "round-robin"
    name: str
    duration: int
    channel: str
    host_ids: tuple[str, ...]  # the host, or the queue members in queue order
    queue_id: str | None = None
    buffer_before: int = 0
    buffer_after: int = 0
    allowed_durations: tuple[int, ...] = ()
    allowed_channels: tuple[str, ...] = ()
    allow_host_selection: bool = False
    double_opt_in: bool = False
    require_host_confirmation: bool = False
    allow_phone_only_booking: bool = False
    allow_adding_guests: bool = False
    max_attendees: int = 1

    @property
    def user_id(self) -> str | None:
        return None if self.kind == "round-robin" else self.host_ids[0]

    def durations(self) -> tuple[int, ...]:
        return (self.duration, *self.allowed_durations)


@dataclass
class Account:
    timezone: str
    users: list[User]
    types: list[MeetingType]
    keys: dict[str, bool] = field(default_factory=dict)  # key → expired

    def user(self, user_id: str) -> User | None:
        return next((u for u in self.users if u.id == user_id), None)

    def meeting_type(self, type_id: str) -> MeetingType | None:
        return next((t for t in self.types if t.id == type_id), None)


Spans = tuple[tuple[time, time], ...]


def _weekdays(days: range, spans: Spans) -> dict[int, Spans]:
    return dict.fromkeys(days, spans)


def default_account() -> Account:
    anna_hours = _weekdays(range(1, 6), ((time(8), time(12)), (time(13), time(17))))
    ben_hours = {**_weekdays(range(1, 5), ((time(9), time(18)),)), 6: ((time(9), time(13)),)}
    return Account(
        timezone=ZONE,
        users=[User(ANNA, "Dr. Anna Berger", anna_hours), User(BEN, "Dr. Ben Keller", ben_hours)],
        types=[
            MeetingType(
                CONSULTATION,
                "one-to-one",
                "Consultation",
                30,
                "local",
                (ANNA,),
                buffer_after=10,
                allow_adding_guests=True,
            ),
            MeetingType(
                THERAPY,
                "one-to-one",
                "Therapy Session",
                45,
                "local",
                (BEN,),
                buffer_before=5,
                buffer_after=5,
                allowed_durations=(30, 60),
                allowed_channels=("local", "zoom", "phone"),
                allow_phone_only_booking=True,
            ),
            MeetingType(
                CHECK_IN, "one-to-one", "Online Check-in", 20, "zoom", (BEN,), double_opt_in=True
            ),
            MeetingType(
                SECOND_OPINION,
                "one-to-one",
                "Second Opinion",
                60,
                "local",
                (ANNA,),
                require_host_confirmation=True,
            ),
            MeetingType(
                TRIAGE, "round-robin", "Video Triage", 20, "google", (ANNA, BEN), TRIAGE_QUEUE
            ),
            MeetingType(
                GROUP,
                "group",
                "Back Care Group",
                60,
                "local",
                (BEN,),
                allow_adding_guests=True,
                max_attendees=3,
            ),
        ],
        keys={API_KEY: False, EXPIRED_KEY: True},
    )

"""The account a meetergo sandbox serves: users with weekly hours, meeting types, keys.

Owns the default clinic of docs/providers.md ("meetergo", "The sandbox's default clinic") as
plain data. Nothing here knows about HTTP or bookings. A meeting type keeps the documented
settings (``userId``, ``queueId``, ``spots``, ``meetingInfo.groupBooking``, the
``meetingOptions``, ``timeslotInterval``, ``bookingMinimum``); its kind (one-to-one, group,
round-robin) is derived from them, as a client must derive it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time

ZONE = "Europe/Berlin"
COMPANY = "e5d4c3b2-a190-4f8e-9d7c-6b5a4f3e2d10"
API_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:sandboxsecret"
EXPIRED_KEY = "ak_live:6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f:expiredsecret"
ANNA = "a1f0c3d2-5b6e-4f70-8a9b-0c1d2e3f4a51"
BEN = "b2e1d4c3-6c7f-4081-9bac-1d2e3f4a5b62"
# Anna's personal access token: it always acts as Anna and never takes the user header.
PERSONAL_TOKEN = "rgo-7c1e9a2b4d6f8a0c2e4b6d8f0a2c4e6b"
CONSULTATION = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c01"
THERAPY = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c02"
CHECK_IN = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c03"
SECOND_OPINION = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c04"
TRIAGE = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c05"
GROUP = "c0a8012e-7f3d-4b5a-9c1e-2d3f4a5b6c06"
TRIAGE_QUEUE = "d4c3b2a1-0f9e-4d8c-b7a6-5e4d3c2b1a07"
# The string settings of doubleOptIn / requireHostConfirmation. The pages show only
# "useCompanySettings"; "enabled" / "disabled" are the dashboard's other two choices.
ENABLED, DISABLED, COMPANY_SETTING = "enabled", "disabled", "useCompanySettings"


@dataclass(frozen=True)
class User:
    """A host: id, names, admin flag and weekly working intervals (ISO weekday → spans)."""

    id: str
    given_name: str
    family_name: str
    title: str
    is_admin: bool
    hours: dict[int, tuple[tuple[time, time], ...]]

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"


@dataclass(frozen=True)
class MeetingType:
    id: str
    slug: str
    name: str
    duration: int
    channel: str
    host_ids: tuple[str, ...]  # the host, or the queue members in queue order
    queue_id: str | None = None
    group_booking: bool = False
    spots: int = 1
    buffer_before: int = 0
    buffer_after: int = 0
    timeslot_interval: int = 15
    booking_minimum: int = 0  # minutes of notice
    allowed_durations: tuple[int, ...] = ()
    allowed_channels: tuple[str, ...] = ()
    allow_host_selection: bool = False
    double_opt_in: str = DISABLED
    require_host_confirmation: str = DISABLED
    allow_phone_only_booking: bool = False
    allow_adding_guests: bool = False

    @property
    def kind(self) -> str:
        if self.queue_id is not None:
            return "round-robin"
        return "group" if self.group_booking or self.spots > 1 else "one-to-one"

    @property
    def user_id(self) -> str | None:
        return None if self.queue_id is not None else self.host_ids[0]

    def durations(self) -> tuple[int, ...]:
        return (self.duration, *self.allowed_durations)


@dataclass
class Account:
    timezone: str
    users: list[User]
    types: list[MeetingType]
    keys: dict[str, bool] = field(default_factory=dict)  # platform key → expired
    tokens: dict[str, str] = field(default_factory=dict)  # personal access token → owner
    # what "useCompanySettings" resolves to [ours]: the company's own setting
    company_double_opt_in: bool = False
    company_host_confirmation: bool = False

    def user(self, user_id: str) -> User | None:
        return next((u for u in self.users if u.id == user_id), None)

    def meeting_type(self, type_id: str) -> MeetingType | None:
        return next((t for t in self.types if t.id == type_id), None)

    def types_of(self, user_id: str) -> list[MeetingType]:
        """The meeting types associated with a user: those it hosts or is a queue member of."""
        return [t for t in self.types if user_id in t.host_ids]

    def provisional_kind(self, t: MeetingType) -> str | None:
        """``doubleOptIn`` / ``requireHostConfirmation`` when a create makes a provisional
        booking (double opt-in checked first), else None."""
        if _on(t.double_opt_in, self.company_double_opt_in):
            return "doubleOptIn"
        if _on(t.require_host_confirmation, self.company_host_confirmation):
            return "requireHostConfirmation"
        return None


def _on(setting: str, company: bool) -> bool:
    return setting == ENABLED or (setting == COMPANY_SETTING and company)


Spans = tuple[tuple[time, time], ...]


def _weekdays(days: range, spans: Spans) -> dict[int, Spans]:
    return dict.fromkeys(days, spans)


def default_account() -> Account:
    anna_hours = _weekdays(range(1, 6), ((time(8), time(12)), (time(13), time(17))))
    ben_hours = {**_weekdays(range(1, 5), ((time(9), time(18)),)), 6: ((time(9), time(13)),)}
    return Account(
        timezone=ZONE,
        users=[
            User(ANNA, "Anna", "Berger", "Dr.", True, anna_hours),
            User(BEN, "Ben", "Keller", "Dr.", False, ben_hours),
        ],
        types=[
            MeetingType(
                CONSULTATION,
                "consultation",
                "Consultation",
                30,
                "local",
                (ANNA,),
                buffer_after=10,
                allow_adding_guests=True,
            ),
            MeetingType(
                THERAPY,
                "therapy-session",
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
                CHECK_IN,
                "online-check-in",
                "Online Check-in",
                20,
                "zoom",
                (BEN,),
                double_opt_in=ENABLED,
            ),
            MeetingType(
                SECOND_OPINION,
                "second-opinion",
                "Second Opinion",
                60,
                "local",
                (ANNA,),
                require_host_confirmation=ENABLED,
            ),
            MeetingType(
                TRIAGE,
                "video-triage",
                "Video Triage",
                20,
                "google",
                (ANNA, BEN),
                TRIAGE_QUEUE,
            ),
            MeetingType(
                GROUP,
                "back-care-group",
                "Back Care Group",
                60,
                "local",
                (BEN,),
                group_booking=True,
                spots=3,
                allow_adding_guests=True,
            ),
        ],
        keys={API_KEY: False, EXPIRED_KEY: True},
        tokens={PERSONAL_TOKEN: ANNA},
    )

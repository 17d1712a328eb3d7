"""The organisation a CareValidate sandbox serves: providers, weekly hours, event types, key.

Owns the default clinic of docs/providers.md ("CareValidate", "The sandbox's default clinic")
as plain data. Hours are local wall times in each provider's zone; nothing here knows HTTP.
The hours, zones and durations are the sandbox's own (**[ours]**): CareValidate's pages name
none of them; they stand in for the Calendly event-type settings the real API books against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

DEFAULT_API_KEY = "cv_test_frontdesk_demo"
ZONE = "America/Los_Angeles"

TELEHEALTH_ID = "85f13305-0647-4473-9e63-0a56af405f6f"
FOLLOW_UP_ID = "5d0c2a8e-4b7f-4f0e-9a41-2c6f3e1b7d90"
WEIGHT_INTAKE_ID = "c9e4b1a2-7f3d-4e8a-b6c5-0d1e2f3a4b5c"
LEGACY_ID = "0f6a9d3c-1b2e-4c5d-8e7f-9a0b1c2d3e4f"
ANA_RUIZ_ID = "prov_ana_ruiz"
MARK_CHEN_ID = "prov_mark_chen"

HORIZON_DAYS = 60


@dataclass(frozen=True)
class Hours:
    """One weekly interval: ISO weekdays (1 = Monday) and local start/end."""

    weekdays: tuple[int, ...]
    start: time
    end: time


@dataclass(frozen=True)
class Provider:
    id: str
    name: str
    email: str
    slug: str
    timezone: str
    states: tuple[str, ...]
    hours: tuple[Hours, ...]


@dataclass(frozen=True)
class EventType:
    id: str
    name: str
    slug: str
    duration_minutes: int
    provider_id: str
    active: bool = True


@dataclass
class CvClinic:
    providers: list[Provider]
    event_types: list[EventType]
    api_keys: list[str]
    horizon_days: int = HORIZON_DAYS

    def provider(self, provider_id: str) -> Provider | None:
        return next((p for p in self.providers if p.id == provider_id), None)

    def event_type(self, event_type_id: str) -> EventType | None:
        """An active event type by exact id (inactive ones answer like unknown ones)."""
        return next((e for e in self.event_types if e.id == event_type_id and e.active), None)

    def link(self, event: EventType) -> str:
        provider = self.provider(event.provider_id)
        slug = provider.slug if provider else "provider"
        return f"https://calendly.com/{slug}-carevalidate/{event.slug}"


WEEKDAYS = (1, 2, 3, 4, 5)
EVERY_DAY = (1, 2, 3, 4, 5, 6, 7)


def default_cv_clinic() -> CvClinic:
    """A fresh copy of the default clinic."""
    return CvClinic(
        providers=[
            Provider(
                ANA_RUIZ_ID,
                "Dr. Ana Ruiz",
                "ana.ruiz@carevalidate-sandbox.test",
                "ana-ruiz",
                ZONE,
                ("AZ", "CA", "NV", "OR", "WA"),
                (Hours(WEEKDAYS, time(9), time(12)), Hours(EVERY_DAY, time(16), time(22))),
            ),
            Provider(
                MARK_CHEN_ID,
                "Dr. Mark Chen",
                "mark.chen@carevalidate-sandbox.test",
                "mark-chen",
                ZONE,
                ("CA", "CT", "NJ", "NY"),
                (Hours((1, 2, 3, 4), time(8), time(14)),),
            ),
        ],
        event_types=[
            EventType(
                TELEHEALTH_ID, "Telehealth Consultation", "telehealth-consultation", 30, ANA_RUIZ_ID
            ),
            EventType(FOLLOW_UP_ID, "Follow-up Visit", "follow-up-visit", 15, ANA_RUIZ_ID),
            EventType(
                WEIGHT_INTAKE_ID,
                "Weight Management Intake",
                "weight-management-intake",
                45,
                MARK_CHEN_ID,
            ),
            EventType(
                LEGACY_ID, "Legacy Screening", "legacy-screening", 30, MARK_CHEN_ID, active=False
            ),
        ],
        api_keys=[DEFAULT_API_KEY],
    )

"""The account a VantaX sandbox serves: sub-accounts, calendars, contacts and API keys.

Owns the default clinic of docs/providers.md (VantaX, "The sandbox's default clinic") as plain
data. Nothing here knows about HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field

ALL_SCOPES: frozenset[str] = frozenset(
    {
        "appointments:read",
        "appointments:write",
        "contacts:read",
        "contacts:write",
        "calendars:read",
    }
)
READ_SCOPES: frozenset[str] = frozenset({"appointments:read", "contacts:read", "calendars:read"})

DEFAULT_KEY = "vx_live_sandbox_frontdesk"
READONLY_KEY = "vx_live_sandbox_readonly"
SUB_ACCOUNT = "sub_8a1f4c2e"
OTHER_SUB_ACCOUNT = "sub_5c03b7d1"
CALENDAR = "cal_22f9"
CONSULT_CALENDAR = "cal_5b7d"
INACTIVE_CALENDAR = "cal_0c4e"
OTHER_CALENDAR = "cal_7a10"
CONTACT = "ct_4f8a21"
OTHER_CONTACT = "ct_9b3e77"
SEED_TIME = "2026-01-05T09:00:00Z"


@dataclass(frozen=True)
class SubAccount:
    id: str
    name: str
    timezone: str

    def json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "timezone": self.timezone}


@dataclass(frozen=True)
class Calendar:
    id: str
    name: str
    color: str
    is_active: bool
    slot_duration_minutes: int
    sub_account_id: str
    agent_id: str | None = None

    def json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "color": self.color,
            "is_active": self.is_active,
            "slot_duration_minutes": self.slot_duration_minutes,
            "sub_account_id": self.sub_account_id,
            "agent_id": self.agent_id,
        }


@dataclass(frozen=True)
class Contact:
    id: str
    first_name: str
    last_name: str
    email: str
    phone: str
    sub_account_id: str
    created_at: str

    def json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "sub_account_id": self.sub_account_id,
            "created_at": self.created_at,
        }


@dataclass
class VantaxClinic:
    sub_accounts: list[SubAccount]
    calendars: list[Calendar]
    contacts: list[Contact]
    keys: dict[str, frozenset[str]] = field(default_factory=dict)

    def sub_account(self, sub_id: str) -> SubAccount | None:
        return next((s for s in self.sub_accounts if s.id == sub_id), None)

    def calendar(self, calendar_id: str) -> Calendar | None:
        return next((c for c in self.calendars if c.id == calendar_id), None)


def default_clinic() -> VantaxClinic:
    """A fresh copy of the default clinic."""
    return VantaxClinic(
        sub_accounts=[
            SubAccount(SUB_ACCOUNT, "Downtown Dental", "America/New_York"),
            SubAccount(OTHER_SUB_ACCOUNT, "Uptown Dental", "America/New_York"),
        ],
        calendars=[
            Calendar(CALENDAR, "Dental cleaning", "#4F8EF7", True, 30, SUB_ACCOUNT, "agt_3d9b21"),
            Calendar(
                CONSULT_CALENDAR, "New patient consultation", "#34C47C", True, 45, SUB_ACCOUNT
            ),
            Calendar(INACTIVE_CALENDAR, "Teeth whitening", "#9E9E9E", False, 60, SUB_ACCOUNT),
            Calendar(OTHER_CALENDAR, "Uptown hygiene", "#F5A623", True, 20, OTHER_SUB_ACCOUNT),
        ],
        contacts=[
            Contact(
                CONTACT,
                "Jordan",
                "Lee",
                "jordan.lee@example.com",
                "+12125550142",
                SUB_ACCOUNT,
                SEED_TIME,
            ),
            Contact(
                OTHER_CONTACT,
                "Sam",
                "Rivera",
                "sam.rivera@example.com",
                "+12125550199",
                OTHER_SUB_ACCOUNT,
                SEED_TIME,
            ),
        ],
        keys={DEFAULT_KEY: ALL_SCOPES, READONLY_KEY: READ_SCOPES},
    )

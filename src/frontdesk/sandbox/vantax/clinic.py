"""The agency a VantaX sandbox serves: sub-accounts, calendars, Agents, contacts and API keys.

Owns the default clinic of docs/providers.md (VantaX, "The sandbox's default clinic") as plain
data, in the record shapes of the vendor's pages. Nothing here knows about HTTP.

Keys come in the two documented scopes (``/authentication``): an AGENCY key reaches the
agency endpoints only; a SUB-ACCOUNT key reaches the resource endpoints and "acts on the
owning sub-account", so each is bound to one sub-account here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

AGENCY = "agency"
SUB_ACCOUNT_SCOPE = "sub_account"

DEFAULT_KEY = "vx_live_sandbox_frontdesk"  # Downtown Dental's sub-account key (printed)
OTHER_KEY = "vx_live_sandbox_uptown"  # Uptown Dental's sub-account key
AGENCY_KEY = "vx_live_sandbox_agency"
SUB_ACCOUNT = "sub_8a1f4c2e"
TIMEZONE = "America/New_York"  # the demo clinic's zone (VantaX documents none)
OTHER_SUB_ACCOUNT = "sub_5c03b7d1"
CALENDAR = "cal_22f9"
CONSULT_CALENDAR = "cal_5b7d"
INACTIVE_CALENDAR = "cal_0c4e"
OTHER_CALENDAR = "cal_7a10"
AGENT = "agt_3d9b21"
CONTACT = "ct_4f8a21"
OTHER_CONTACT = "ct_9b3e77"
SEED_TIME = "2026-01-05T09:00:00Z"


@dataclass(frozen=True)
class ApiKey:
    """A key's scope, and for a sub-account key the sub-account it acts on."""

    scope: str
    sub_account_id: str | None = None


@dataclass(frozen=True)
class SubAccount:
    """``timezone`` is the demo's (for seeding in working hours): VantaX serves no zone."""

    id: str
    name: str
    timezone: str

    def json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name}  # ours: the vendor shows no sub-account


@dataclass(frozen=True)
class Calendar:
    """``/calendars/list-calendars``'s record (no Agent field: an Agent names its calendar)."""

    id: str
    name: str
    color: str
    is_active: bool
    slot_duration_minutes: int
    sub_account_id: str
    description: str | None = None
    created_at: str = SEED_TIME

    def json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "name": self.name,
            "description": self.description,
            "color": self.color,
            "is_active": self.is_active,
            "slot_duration_minutes": self.slot_duration_minutes,
            "sub_account_id": self.sub_account_id,
            "created_at": self.created_at,
        }


@dataclass(frozen=True)
class Agent:
    """An Agent and the calendar it books on (``calendar_id``, ``/agents/update-agent``)."""

    id: str
    name: str
    calendar_id: str | None
    sub_account_id: str


@dataclass(frozen=True)
class Contact:
    """``/contacts/list-contacts``'s record; ``sub_account_id`` is kept but never served."""

    id: str
    first_name: str
    last_name: str
    email: str
    phone: str
    sub_account_id: str
    created_at: str
    status: str = "active"
    address: str | None = None
    lead_source: str | None = None
    tags: tuple[str, ...] = ()

    def json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "email": self.email,
            "phone": self.phone,
            "status": self.status,
            "address": self.address,
            "lead_source": self.lead_source,
            "tags": list(self.tags),
            "created_at": self.created_at,
        }


@dataclass
class VantaxClinic:
    sub_accounts: list[SubAccount]
    calendars: list[Calendar]
    contacts: list[Contact]
    agents: list[Agent] = field(default_factory=list)
    keys: dict[str, ApiKey] = field(default_factory=dict)

    def sub_account(self, sub_id: str) -> SubAccount | None:
        return next((s for s in self.sub_accounts if s.id == sub_id), None)

    def calendar(self, calendar_id: str) -> Calendar | None:
        return next((c for c in self.calendars if c.id == calendar_id), None)

    def agent_of(self, calendar_id: str | None) -> str | None:
        """The Agent a calendar is tied to (the first, if several name it), else None."""
        if calendar_id is None:
            return None
        return next((a.id for a in self.agents if a.calendar_id == calendar_id), None)


def default_clinic() -> VantaxClinic:
    """A fresh copy of the default clinic."""
    return VantaxClinic(
        sub_accounts=[
            SubAccount(SUB_ACCOUNT, "Downtown Dental", TIMEZONE),
            SubAccount(OTHER_SUB_ACCOUNT, "Uptown Dental", TIMEZONE),
        ],
        calendars=[
            Calendar(CALENDAR, "Dental cleaning", "#4F8EF7", True, 30, SUB_ACCOUNT),
            Calendar(
                CONSULT_CALENDAR, "New patient consultation", "#34C47C", True, 45, SUB_ACCOUNT
            ),
            Calendar(INACTIVE_CALENDAR, "Teeth whitening", "#9E9E9E", False, 60, SUB_ACCOUNT),
            Calendar(OTHER_CALENDAR, "Uptown hygiene", "#F5A623", True, 20, OTHER_SUB_ACCOUNT),
        ],
        agents=[Agent(AGENT, "Front Desk Agent", CALENDAR, SUB_ACCOUNT)],
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
        keys={
            DEFAULT_KEY: ApiKey(SUB_ACCOUNT_SCOPE, SUB_ACCOUNT),
            OTHER_KEY: ApiKey(SUB_ACCOUNT_SCOPE, OTHER_SUB_ACCOUNT),
            AGENCY_KEY: ApiKey(AGENCY),
        },
    )

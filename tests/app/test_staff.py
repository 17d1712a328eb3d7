"""Signing in: PINs kept as scrypt hashes and checked in constant time, wrong PINs counted in
the store with a lockout, the desk's changes refused while nobody is signed in or the desk is
locked, and only an administrator managing staff; each step in the audit trail."""

from __future__ import annotations

from datetime import timedelta

import pytest

from frontdesk.app import pins
from frontdesk.app.staff import (
    NotAllowed,
    NotSignedIn,
    Role,
    SignInRefused,
    StaffRefused,
    StaffSession,
    command_line_user,
)
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.staff import lockout_after
from frontdesk.domain.timeutil import utc_now
from frontdesk.storage.repo import Repository


@pytest.fixture
def session(repo: Repository) -> StaffSession:
    return StaffSession(repo, "reception-1")


def events(repo: Repository) -> list[tuple[str, str, str | None]]:
    return [(r.event, r.staff, r.detail) for r in reversed(repo.audit.audit_page(AuditFilter()))]


def test_a_pin_is_kept_as_a_salted_scrypt_hash() -> None:
    first, second = pins.hash_pin("2580"), pins.hash_pin("2580")
    assert first.startswith("scrypt$15$8$1$") and first != second  # a salt per hash
    assert "2580" not in first
    assert pins.verify_pin("2580", first) and not pins.verify_pin("2581", first)
    assert not pins.verify_pin("2580", "plain-text") and not pins.verify_pin("2580", "")
    weaker = pins.hash_pin("2580", pins.Kdf(log2_n=10))
    assert pins.verify_pin("2580", weaker) and pins.outdated(weaker)
    assert not pins.outdated(first)


@pytest.mark.parametrize(
    ("pin", "why"),
    [
        ("12a4", "digits only"),
        ("258", "4 to 12"),
        ("1234567890123", "4 to 12"),
        ("7777", "repeated"),
        ("1234", "in a row"),
        ("6543", "in a row"),
        ("２５８０", "digits only"),  # full-width digits are not what a keypad types
    ],
)
def test_a_pin_too_easy_to_guess_is_refused(pin: str, why: str) -> None:
    assert why in (pins.pin_problem(pin) or "")


def test_the_first_start_makes_one_administrator(session: StaffSession, repo: Repository) -> None:
    assert session.first_start
    with pytest.raises(StaffRefused, match="digits only"):
        session.create_first_admin("Anna", "abcd")
    anna = session.create_first_admin("Anna Berg", "2580")
    assert anna.admin and session.signed_in and not session.first_start
    other_desk = StaffSession(repo, "reception-2")
    with pytest.raises(StaffRefused, match="sign in instead"):
        other_desk.create_first_admin("Mallory", "9182")
    assert events(repo) == [
        ("staff added", "Anna Berg", "the first administrator, at the first start"),
        ("signed in", "Anna Berg", None),
    ]


def test_a_desk_refuses_changes_while_nobody_is_signed_in(session: StaffSession) -> None:
    assert session.actor().staff == command_line_user()  # a headless tool: the OS user
    session.require_sign_in()
    with pytest.raises(NotSignedIn):
        session.actor()
    session.create_first_admin("Anna", "2580")
    assert session.actor().label == "Anna at reception-1"
    session.lock("by hand")
    with pytest.raises(NotSignedIn):  # a locked desk writes under nobody's name
        session.actor()
    with pytest.raises(NotAllowed):
        session.require_admin("add staff")
    session.sign_in("anna", "2580")
    assert session.signed_in


def test_wrong_pins_are_counted_and_lock_the_member_out(
    session: StaffSession, repo: Repository
) -> None:
    session.create_first_admin("Anna", "2580")
    session.add_staff("Ben", Role.STAFF, "4826")
    for attempt in range(4):
        with pytest.raises(SignInRefused, match="do not match") as refused:
            session.sign_in("Ben", f"99{attempt}1")
        assert refused.value.wait_s == 0
    with pytest.raises(SignInRefused, match="try again in 30 seconds") as refused:
        session.sign_in("Ben", "9951")
    assert refused.value.wait_s == 30
    with pytest.raises(SignInRefused, match="Too many wrong PINs"):
        session.sign_in("Ben", "4826")  # the right PIN waits out the lockout too
    later = utc_now() + timedelta(seconds=31)
    assert session.sign_in("Ben", "4826", now=later).name == "Ben"
    assert lockout_after(6) == timedelta(seconds=60)
    assert lockout_after(40) == timedelta(minutes=15)
    ben = repo.staff.staff_member("Ben")
    assert ben is not None and ben.failed == 0
    refusals = [e for e in events(repo) if e[0] == "sign-in refused"]
    assert [d for _, _, d in refusals] == ["wrong PIN"] * 5 + ["locked out"]


def test_unknown_and_disabled_members_cannot_sign_in(
    session: StaffSession, repo: Repository
) -> None:
    session.create_first_admin("Anna", "2580")
    session.add_staff("Ben", Role.STAFF, "4826")
    with pytest.raises(SignInRefused, match="do not match"):
        session.sign_in("Nobody", "4826")
    session.set_disabled("Ben", True)
    with pytest.raises(SignInRefused, match="may no longer sign in"):
        session.sign_in("Ben", "4826")
    with pytest.raises(SignInRefused, match="do not match"):  # a wrong PIN says no more
        session.sign_in("Ben", "1357")
    session.set_disabled("Ben", False)
    assert session.sign_in("Ben", "4826").name == "Ben"
    assert ("sign-in refused", "(a name nobody has)", "unknown name") in events(repo)


def test_only_an_administrator_manages_staff(session: StaffSession, repo: Repository) -> None:
    session.create_first_admin("Anna", "2580")
    session.add_staff("Ben", Role.STAFF, "4826")
    with pytest.raises(StaffRefused, match="already"):
        session.add_staff("ben", Role.STAFF, "4826")
    session.lock("idle")
    session.sign_in("Ben", "4826")
    assert not session.is_admin
    for attempt in (
        lambda: session.add_staff("Cleo", Role.ADMIN, "3691"),
        lambda: session.reset_pin("Anna", "3691"),
        lambda: session.set_disabled("Anna", True),
    ):
        with pytest.raises(NotAllowed, match="Only an administrator"):
            attempt()
    session.lock("by hand")
    session.sign_in("Anna", "2580")
    session.reset_pin("Ben", "7319")
    with pytest.raises(SignInRefused):
        session.check("Ben", "4826")
    assert session.check("Ben", "7319").name == "Ben"
    details = [(e, s, d) for e, s, d in events(repo) if e in ("signed in", "locked", "PIN reset")]
    assert details[-5:] == [
        ("locked", "Anna", "idle"),
        ("signed in", "Ben", "took over from Anna"),
        ("locked", "Ben", "by hand"),
        ("signed in", "Anna", "took over from Ben"),
        ("PIN reset", "Anna", "for Ben"),
    ]


def test_a_hash_made_with_older_parameters_is_made_again_at_sign_in(
    session: StaffSession, repo: Repository
) -> None:
    session.create_first_admin("Anna", "2580")
    repo.staff.set_pin("Anna", pins.hash_pin("2580", pins.Kdf(log2_n=12)), None)
    session.lock("by hand")
    session.sign_in("Anna", "2580")
    found = repo.staff.staff_pin("Anna")
    assert found is not None and not pins.outdated(found[1])
    assert pins.verify_pin("2580", found[1])


def test_a_pin_hashed_ahead_is_taken_once() -> None:
    """The demo's first start hashes its administrator's PIN on a thread while the desk
    imports; the next hash of that PIN takes it (a valid hash), the one after makes its own."""
    pins.hash_ahead("2580")
    first, second = pins.hash_pin("2580"), pins.hash_pin("2580")
    assert pins.verify_pin("2580", first) and pins.verify_pin("2580", second)
    assert first != second  # each with its own salt
    assert not pins.verify_pin("2581", first)

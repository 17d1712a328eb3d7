"""A desk signed in for the tests that build one on a profile of their own (the demo's desks
sign in the demo's administrator themselves): a test administrator, made on the store's first
start and signed in with a real PIN, as a clinic's first start does."""

from __future__ import annotations

from frontdesk.app.context import AppContext
from frontdesk.app.settings import MAX_IDLE_LOCK

TEST_ADMIN, TEST_PIN = "Test Admin", "2580"


def sign_in_admin(context: AppContext) -> None:
    """``context``'s store gets its test administrator (once), who signs in; the desk's idle
    lock is the longest the clinic may set, so a slow test run is not locked halfway."""
    session = context.staff
    if session.first_start:
        session.create_first_admin(TEST_ADMIN, TEST_PIN)
    else:
        session.sign_in(TEST_ADMIN, TEST_PIN)
    long_idle(context)


def long_idle(context: AppContext) -> None:
    context.update_settings(context.settings.changed(idle_lock_minutes=MAX_IDLE_LOCK))

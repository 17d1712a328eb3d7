"""The demo clinic: emulated booking APIs (the sandbox) in-process on free loopback ports, each
seeded with a week of bookings, and a profile with one connection per API.

The demo opens straight into a usable desk for training: it signs in its administrator itself
(`DEMO_ADMIN`, PIN `DEMO_ADMIN_PIN`) and also has a receptionist (`DEMO_STAFF`, PIN
`DEMO_STAFF_PIN`, not an administrator), both made on its first start; the lock screen shows
both PINs, so a trainee can unlock it and try what a receptionist may not do.

`Demo()` serves HuskyVoice alone (what the desk's tests use); `frontdesk --demo` serves all five
(`ALL_PROVIDERS`), so the day view shows the columns of five connections side by side, as a
clinic using several APIs sees them, under the demo clinic's own columns and views
(`clinic_columns`, `app/demo_columns.py`). With `quick_start` only the first API is seeded and (in a
new profile) connected at once, for a quick first paint; `finish()` seeds and connects the
others, which the launcher calls once the window is painted, before the sync worker starts.
With `open_later` its store is not even opened (nor its administrator signed in) until `open()`
(or `begin()`): the launcher builds and paints the window first.
"""

from __future__ import annotations

import logging
import tempfile
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING

from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.domain.timeutil import local_to_utc, to_local, utc_now

if TYPE_CHECKING:
    from frontdesk.sandbox import SandboxServer
    from frontdesk.sandbox.emulator import Emulator

log = logging.getLogger("frontdesk.app")

# every API the desk connects to that the sandbox emulates, in the registry's order (named
# here: the registry, with every API's declarations, is imported after the first paint; a
# test keeps the two the same, and every API has its emulator: tests/app/test_demo.py)
ALL_PROVIDERS = ("huskyvoice", "vantax", "vastal", "meetergo", "carevalidate")
# The first API's connection keeps the demo's old name: it sorts first (a space before the
# others' colon), so the desk's zone, the first connection's, is the same before and after the
# worker pulls the rest, and demo profiles kept from before the five-API demo still match.
DEMO_CONNECTION = "Demo clinic (HuskyVoice sandbox)"
DEMO_ADMIN, DEMO_ADMIN_PIN = "Demo Admin", "2580"
DEMO_STAFF, DEMO_STAFF_PIN = "Demo Receptionist", "1470"
DEMO_HINT = (
    f"Demo clinic: {DEMO_ADMIN} (administrator), PIN {DEMO_ADMIN_PIN}; "
    f"{DEMO_STAFF}, PIN {DEMO_STAFF_PIN}."
)


def sign_in_demo(context: AppContext) -> None:
    """The demo's staff (made on its first start) and its administrator signed in; a kept demo
    profile whose PIN was changed opens on the lock screen instead."""
    from frontdesk.app.staff import SignInRefused

    session = context.staff
    session.hint = DEMO_HINT
    if session.first_start:
        session.create_first_admin(DEMO_ADMIN, DEMO_ADMIN_PIN)
        # the receptionist comes with the sandboxes (Demo.begin): each PIN's hash takes a
        # tenth of a second, which the first paint need not wait for
        return
    try:
        session.sign_in(DEMO_ADMIN, DEMO_ADMIN_PIN, detail="the demo")
    except SignInRefused as refused:
        log.warning("demo: %s; the desk asks for a PIN", refused)


def add_demo_receptionist(context: AppContext) -> None:
    """The demo's receptionist, added by its administrator (signed in by :func:`sign_in_demo`
    on the demo's first start)."""
    from frontdesk.app.staff import Role

    try:
        context.staff.add_staff(DEMO_STAFF, Role.STAFF, DEMO_STAFF_PIN)
    except Exception:  # the demo goes on with its administrator alone; the log says why
        log.warning("demo: the receptionist was not added", exc_info=True)


def _emulators() -> dict[str, Emulator]:
    """The sandbox's emulators, imported when the demo first needs them (not at the start)."""
    from frontdesk.sandbox.registry import EMULATORS

    return EMULATORS


def connection_name(provider: str) -> str:
    """The demo connection's name, e.g. ``Demo: VantaX sandbox``."""
    if provider == "huskyvoice":
        return DEMO_CONNECTION
    from frontdesk.providers.registry import PROVIDERS

    return f"Demo: {PROVIDERS[provider].title} sandbox"


# the demo's daily lunch: one provider's column (CareValidate's Dr. Ana Ruiz, whose booking
# system publishes no hours: the clinic knows when she lunches), every day for a year from the
# first start, on the clinic's clock
LUNCH_PROVIDER, LUNCH_RESOURCE = "carevalidate", "Dr. Ana Ruiz"
LUNCH_FROM, LUNCH_TO = time(12, 30), time(13, 30)


def add_demo_lunch(context: AppContext, connection_id: str) -> None:
    """A daily lunch blockout on the demo provider's column (``docs/desk-blockouts.md``)."""
    from frontdesk.app.blockouts import new_id
    from frontdesk.domain.blockouts import Blockout, Reason, Repeat

    zone_name = context.clinic_zone
    today = to_local(utc_now(), zone_name).date()
    lunch = Blockout(
        id=new_id(),
        start=local_to_utc(today, LUNCH_FROM, zone_name).instant,
        end=local_to_utc(today, LUNCH_TO, zone_name).instant,
        zone=zone_name,
        reason=Reason.LUNCH,
        connection_id=connection_id,
        resource_id=LUNCH_RESOURCE,
        repeat=Repeat.DAILY,
        weeks=52,
    )
    try:
        context.blockouts.add(lunch)
    except Exception:  # nobody signed in (a changed PIN): the demo goes on without it
        log.warning("demo: the lunch blockout was not added", exc_info=True)


class Demo:
    """A running demo: the sandbox servers and the app context wired to them."""

    def __init__(
        self,
        profile_dir: Path | None = None,
        rate_limit: int = 60,
        providers: Sequence[str] = ("huskyvoice",),
        quick_start: bool = False,
        clinic_zone: str | None = None,
        defer: bool = False,
        own_zones: bool = False,
        clinic_columns: bool = False,
        open_later: bool = False,
    ) -> None:
        if not providers:
            raise ValueError("the demo needs at least one provider")
        self._tmp: tempfile.TemporaryDirectory[str] | None = None
        self.kept = profile_dir is not None  # a kept profile keeps its sandboxes' bookings too
        if profile_dir is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="frontdesk-demo-")
            profile_dir = Path(self._tmp.name)
        self.providers = tuple(providers)
        self.context = AppContext(
            Paths.resolve(profile_dir), use_keyring=False, connect=False, open_store=False
        )
        if clinic_zone is not None:  # else the profile's, by default the computer's
            self.context.update_settings(self.context.settings.changed(timezone=clinic_zone))
        self._receptionist_due = False
        self._opened = False
        # the demo clinics keep their hours on the desk's clock: 09:00 is 09:00 at the desk;
        # ``own_zones``: each keeps its own default zone instead (London, Los Angeles, ...)
        self.zone: str | None = None if own_zones else self.context.clinic_zone
        self._rate_limit = rate_limit
        self._columns = clinic_columns  # the demo clinic's own columns and views
        self._quick = quick_start
        self._server: SandboxServer | None = None
        self._unseeded = list(self.providers)
        self._unconnected = list(self.providers)
        self._beginning: threading.Thread | None = None
        if not open_later:
            self.open()
        if not defer:
            self.begin()

    def open(self) -> None:
        """Open the demo's store and sign its administrator in (once; ``open_later``: the
        launcher does it once the window is painted, ``begin`` at the latest)."""
        if self._opened:
            return
        self._opened = True
        self.context.open_store()
        self._receptionist_due = self.context.staff.first_start
        sign_in_demo(self.context)

    @property
    def server(self) -> SandboxServer:
        if self._server is None:
            raise RuntimeError("the demo's sandboxes are not started yet (Demo.begin)")
        return self._server

    @property
    def begun(self) -> bool:
        return self._server is not None

    def begin(self, reload: bool = True) -> None:
        """Start the sandboxes, seed them (or put back what a kept profile's held), and
        connect the profile to them; ``reload``: build the connectors now (else the caller's
        sync worker does). A deferred demo (``defer=True``) is begun after the first paint."""
        from frontdesk.sandbox import SandboxServer

        self.open()
        if self._receptionist_due:
            self._receptionist_due = False
            add_demo_receptionist(self.context)
        self._server = SandboxServer(
            rate_limit=self._rate_limit, providers=self.providers, timezone=self.zone
        ).start()
        first = self.providers[:1] if self._quick else self.providers
        # a week of bookings from today on (the sandboxes only book in the future)
        for provider in first:
            self._seed(provider)
        self._connect(first)
        if reload:
            self.context.reload_connectors()

    def begin_in_background(self, then: Callable[[], None]) -> None:
        """:meth:`begin` on a thread of its own (the sandboxes' start and seeding take a
        moment the window need not wait for), then ``then`` (the worker builds the
        connectors and pulls); :meth:`close` waits for it."""

        def run() -> None:
            try:
                self.begin(reload=False)
            except Exception:  # the desk stays open on its cache; the log says why
                log.exception("demo: the sandboxes could not start")
                return
            then()

        self._beginning = threading.Thread(target=run, name="demo-begin", daemon=True)
        self._beginning.start()

    def _kept_state(self, provider: str) -> Path:
        return self.context.paths.data_dir / "demo-sandbox" / f"{provider}.state"

    def _seed(self, provider: str) -> None:
        """A week of bookings in ``provider``'s sandbox; in a kept profile, the bookings the
        sandbox held when the demo last closed instead (so a restart shows the same week, not
        a second seeding beside the first)."""
        self._unseeded.remove(provider)
        emulator, state = _emulators()[provider], self.server.provider(provider).build.state
        if self.kept and emulator.load(state, self._kept_state(provider)):
            log.info("demo: the %s sandbox holds what it held last time", provider)
            return
        made = emulator.seed_demo(state, utc_now().date())
        log.info("demo: %d bookings seeded in the %s sandbox", made, provider)

    def keep(self) -> None:
        """Save what each seeded sandbox holds, for the next run of a kept profile."""
        if not self.kept or self._server is None:
            return
        for provider in self.providers:
            if provider not in self._unseeded:
                state = self.server.provider(provider).build.state
                _emulators()[provider].save(state, self._kept_state(provider))

    def _connect(self, now: Sequence[str]) -> None:
        """Add the connections to `now`'s sandboxes, and point every connection a kept demo
        profile already has at this run's sandbox; the connectors are left to the caller."""
        repo, credentials = self.context.repo, self.context.credentials
        for provider in list(self._unconnected):
            served = self.server.provider(provider)
            url, key = served.base_url, served.build.api_key
            options = dict(_emulators()[provider].demo_options)
            if "timezone" in options and self.zone is not None:
                options["timezone"] = self.zone
            existing = repo.catalogs.connection_by_name(connection_name(provider))
            if existing is not None:  # a kept demo profile: point it at this run's sandbox
                merged = {**existing.options, **options}
                repo.catalogs.update_connection(replace(existing, base_url=url, options=merged))
                credentials.set(existing.id, key)
            elif provider in now:
                from frontdesk.app.connections import add_connection

                name = connection_name(provider)
                record = add_connection(repo, credentials, provider, name, url, key, options)
                if provider == "huskyvoice":  # two patients on the ASAP list (F9)
                    from frontdesk.app.demo_asap import seed_asap

                    seed_asap(self.context, record.id)
                if provider == LUNCH_PROVIDER:
                    add_demo_lunch(self.context, record.id)
            else:
                continue
            self._unconnected.remove(provider)
        if self._columns:
            from frontdesk.app.demo_columns import add_demo_columns

            connected = {
                p: self.connection_id(p) for p in self.providers if p not in self._unconnected
            }
            add_demo_columns(self.context, connected)

    def finish(self) -> bool:
        """Seed and connect what `quick_start` left; True when connections were added (the
        connectors are then to be reloaded). A no-op afterwards."""
        for provider in list(self._unseeded):
            self._seed(provider)
        added = bool(self._unconnected)
        self._connect(self._unconnected)
        return added

    def connection_id(self, provider: str) -> str:
        """The id of the demo connection to `provider`'s sandbox."""
        record = self.context.repo.catalogs.connection_by_name(connection_name(provider))
        if record is None:
            raise KeyError(provider)
        return record.id

    def pull_first(self) -> None:
        """Refresh only the first API's connection: what the first paint shows."""
        self.context.engine.pull(self.connection_id(self.providers[0]))

    def pull(self) -> None:
        """Finish a quick start, then refresh every connection."""
        if self.finish():
            self.context.reload_connectors()
        for cid in list(self.context.connectors):
            self.context.engine.pull(cid)

    def close(self) -> None:
        if self._beginning is not None:
            self._beginning.join(60)
        try:
            self.keep()
        except OSError as exc:  # a full disk must not stop the desk closing
            log.warning("demo: the sandboxes' bookings could not be kept: %s", exc)
        self.context.close()
        if self._server is not None:
            self._server.stop()
        if self._tmp is not None:
            self._tmp.cleanup()

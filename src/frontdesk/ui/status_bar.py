"""The status bar: per connection, whether it is online, offline or paused, how many changes
wait to be sent (and how many were sent with no answer: outcome unknown, for a person to
settle), how fresh its cached calendar is, and which parts of it its last refresh could not
read (the tooltip says which and since when); then the totals. While API keys are kept in a
file rather than the system keyring (none on this computer, or it refused them), a warning
says so at every start, until fixed; a connection whose key the keyring will not give (locked)
says that rather than "not set up".

Every label elides (``ElidedLabel``): the connections share what width is left and give it up
first, the totals keep theirs, and the window never grows to show a long line."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QStatusBar, QWidget

from frontdesk.app import sync_status
from frontdesk.app.desk import clinic_zone, today_in
from frontdesk.domain import dates
from frontdesk.domain.timeutil import to_local
from frontdesk.domain.translation import plural, translate
from frontdesk.ui.elided_label import ElidedLabel
from frontdesk.ui.theme import Tones

if TYPE_CHECKING:
    from frontdesk.app.apis import ConnectionRecord
    from frontdesk.app.context import AppContext


def fresh_words(fresh: datetime | None, zone: str) -> str:
    if fresh is None:
        return translate("StatusBar", "not refreshed yet")
    local = to_local(fresh, zone)
    if local.date() == today_in(zone):
        return dates.clock(local)
    return f"{dates.day_month(local.date())} {dates.clock(local)}"


class ConnectionStatusBar(QStatusBar):
    openSyncPanel = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setSizeGripEnabled(True)
        self.health: dict[str, dict[str, Any]] = {}
        self.busy = False
        self._records: list[ConnectionRecord] = []
        self._zone = "UTC"
        self.connection_labels: dict[str, ElidedLabel] = {}
        self.pending_label = ElidedLabel(self, min_chars=12)
        self.pending_label.setAccessibleName(translate("StatusBar", "Waiting to sync"))
        self.pending_label.setToolTip(translate("StatusBar", "Open the sync panel"))
        self.pending_label.clicked.connect(self.openSyncPanel)
        self.pending_label.setContentsMargins(6, 0, 6, 0)
        self.fresh_label = ElidedLabel(self, min_chars=10)
        self.fresh_label.setAccessibleName(translate("StatusBar", "Calendar last refreshed"))
        self.fresh_label.setContentsMargins(6, 0, 6, 0)
        self.keys_label = ElidedLabel(self, min_chars=12)
        self.keys_label.setAccessibleName(translate("StatusBar", "Where the API keys are kept"))
        self.keys_label.setContentsMargins(6, 0, 6, 0)
        self.keys_label.hide()
        self.addPermanentWidget(self.keys_label)
        self.addPermanentWidget(self.pending_label)
        self.addPermanentWidget(self.fresh_label)

    def _label(self, cid: str, name: str) -> ElidedLabel:
        label = self.connection_labels.get(cid)
        if label is None:
            label = ElidedLabel(self, min_chars=3)
            label.setAccessibleName(translate("StatusBar", "Connection {name}").format(name=name))
            label.setContentsMargins(6, 0, 6, 0)
            label.clicked.connect(self.openSyncPanel)
            self.connection_labels[cid] = label
            self.addWidget(label, 1)  # they share the width left and give it up first
        return label

    def set_health(self, health: dict[str, dict[str, Any]]) -> None:
        self.health = dict(health)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.refresh()  # the states' colours come from the palette
        super().changeEvent(event)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        if not busy:
            self.refresh()

    def refresh(
        self, pending: dict[str, int] | None = None, unknown: dict[str, int] | None = None
    ) -> None:
        """Redraw; ``pending`` (waiting operations per connection) and ``unknown`` (those whose
        outcome is unknown) come with a sync's change record, and then nothing is read from the
        database."""
        if pending is None or not self._records:
            self._records = self.context.connections()
            self._zone = clinic_zone(self.context)
        records, zone = self._records, self._zone
        known = {r.id for r in records}
        for cid in [c for c in self.connection_labels if c not in known]:
            label = self.connection_labels.pop(cid)
            self.removeWidget(label)
            label.deleteLater()
        oldest: datetime | None = None
        total = unsettled = 0
        tones = Tones.of(self.palette())
        for record in records:
            label = self._label(record.id, record.name)
            state = self.health.get(record.id)
            waiting = (
                pending.get(record.id, 0)
                if pending is not None
                else self.context.reads.pending_count(record.id)
            )
            total += waiting
            open_ = (
                unknown.get(record.id, 0)
                if unknown is not None
                else self.context.reads.unknown_count(record.id)
            )
            unsettled += open_
            fresh = record.last_fresh_at
            if state is not None and state.get("last_fresh_at") is not None:
                fresh = max(fresh or state["last_fresh_at"], state["last_fresh_at"])
            if fresh is not None and (oldest is None or fresh < oldest):
                oldest = fresh
            if not self.context.connectors_ready:
                color, words = tones.hint, translate("StatusBar", "connecting…")
            elif record.id not in self.context.connectors and self.context.shared_store:
                # no key on this desk: it books and pencils; a desk with the key sends
                color, words = tones.hint, translate("StatusBar", "sent by a desk with its key")
            elif record.id not in self.context.connectors:
                problem = self.context.connector_problems.get(record.id, "")
                color, words = (
                    tones.error,
                    (
                        translate(
                            "StatusBar", "key locked in the keyring: unlock it, then Sync now"
                        )
                        if "keyring" in problem
                        else translate("StatusBar", "not set up: check it in Connections")
                    ),
                )
            elif state is None:
                color, words = tones.hint, translate("StatusBar", "connecting…")
            elif state.get("paused"):
                color, words = tones.paused, translate("StatusBar", "paused: check the API key")
            elif state.get("sent_elsewhere"):
                color, words = tones.ok, translate("StatusBar", "sent by another desk")
            elif state.get("online"):
                color, words = tones.ok, translate("StatusBar", "online")
            else:
                color, words = tones.error, translate("StatusBar", "offline: bookings wait here")
            extra = " · " + plural("StatusBar", "%n waiting", waiting) if waiting else ""
            if open_:
                extra += " · " + plural("StatusBar", "%n outcome unknown", open_)
            fresh_part = translate("StatusBar", "fresh {when}").format(
                when=fresh_words(fresh, zone)
            )
            stale = (state or {}).get("stale") or {}
            parts = [
                ("● ", color),
                (f"{record.name}: {words}{extra} ", None),
                (f"· {fresh_part}", tones.hint),
            ]
            if stale:  # some parts a refresh could not read: kept as they were, said so
                parts.append((f" · {sync_status.stale_label(stale)}", tones.error))
            label.set_parts(parts)
            label.setToolTip(
                "\n".join(sync_status.stale_lines(stale, zone))
                or (state or {}).get("last_error")
                or self.context.connector_problems.get(record.id)
                or ""
            )
        text = (
            translate("StatusBar", "All bookings synced")
            if total == 0 and unsettled == 0
            else plural("StatusBar", "%n waiting to sync", total)
        )
        if unsettled:  # sent, no answer: neither waiting nor synced, a person settles them
            text = plural(
                "StatusBar", "%n outcome unknown: settle in the sync panel", unsettled
            ) + (f" · {text}" if total else "")
        if self.busy:
            text += " · " + translate("StatusBar", "syncing…")
        self.pending_label.setText(text)
        self._show_key_store(tones)
        if oldest is None:
            self.fresh_label.setText(translate("StatusBar", "Calendar not refreshed yet"))
        else:
            self.fresh_label.setText(
                translate("StatusBar", "Calendar refreshed {when}").format(
                    when=fresh_words(oldest, zone)
                )
            )

    def _show_key_store(self, tones: Tones) -> None:
        warning = self.context.key_store_warning if self.context.connectors_ready else None
        self.keys_label.setVisible(bool(warning))
        if warning:
            kept = translate("StatusBar", "API keys kept in a file")
            self.keys_label.set_parts([("⚠ ", tones.error), (kept, None)])
            self.keys_label.setToolTip(warning[:1].upper() + warning[1:])


def _counts() -> None:  # never called: for lupdate (domain.translation.plural)
    translate("StatusBar", "%n waiting", None, 1)
    translate("StatusBar", "%n outcome unknown", None, 1)
    translate("StatusBar", "%n waiting to sync", None, 1)
    translate("StatusBar", "%n outcome unknown: settle in the sync panel", None, 1)

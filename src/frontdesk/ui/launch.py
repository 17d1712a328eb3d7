"""Starting the desk: arguments, the QApplication, the demo or the profile, and the last line
of defence (``ui.start_errors``) that turns any unexpected error into a plain message instead
of a traceback.

``--smoke-test`` builds the main window offscreen and, once it is painted (as a start paints
it: the benchmarks time this), the About dialog; lets them settle and exits 0: the check a
packaged build runs (a missing app icon fails it; in a normal start it is only logged). It
prints the version the About dialog shows.
``--version`` prints the version from the package metadata.
A second desk on a profile a desk already holds (:mod:`frontdesk.app.desk_lock`) says which one
holds it and exits 4.
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from frontdesk import version
from frontdesk.ui.start_errors import make_excepthook, start_error_words

if TYPE_CHECKING:
    from frontdesk.app.desk_lock import DeskLock
    from frontdesk.app.lock_peek import LockFacts

log = logging.getLogger("frontdesk.ui")

APP_NAME = "FrontDesk"
SMOKE_SETTLE_MS = 300
SMOKE_WAIT_MS = 5000  # for the first paint (ui.first_paint gives up waiting at 1.5 s)
EARLY_PAINT_WAIT_MS = 1000


def parse_args(argv: list[str], tools: Sequence[str] = ()) -> tuple[argparse.Namespace, list[str]]:
    """The desk's options; ``tools``: the headless commands its help names (``frontdesk.main``
    gives them: the desk does not import the tools)."""
    epilog = (
        "The headless tools (for a clinic's IT, scripts and support): frontdesk COMMAND "
        f"[--help], where COMMAND is one of {', '.join(tools)}. See docs/headless-tools.md."
        if tools
        else None
    )
    parser = argparse.ArgumentParser(
        prog="frontdesk", description="The FrontDesk booking desk.", epilog=epilog
    )
    parser.add_argument("--demo", action="store_true", help="open a demo clinic (sandbox)")
    parser.add_argument(
        "--smoke-test", action="store_true", help="build the main window offscreen and exit"
    )
    parser.add_argument("--profile-dir", type=Path, default=None, help="keep every file here")
    parser.add_argument(
        "--database-url", default=None, help="the clinic's shared store (postgresql://…)"
    )
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="log everything from DEBUG up, for support (patients' data and keys are masked)",
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    return parser.parse_known_args(argv)


class _VersionAction(argparse.Action):
    """``--version``: the package metadata is read only when asked (not at every start)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: Any, **_kwargs: Any) -> None:
        print(f"{APP_NAME} {version()}")  # on standard output, as argparse's own action
        parser.exit()


def _profile_language(args: argparse.Namespace) -> str | None:
    """The language the profile's settings name, read before anything else is opened (so that
    a start that fails says so in it); None: the computer's (no profile yet, a throwaway demo,
    or settings that cannot be read)."""
    if args.demo and args.profile_dir is None:
        return None
    from frontdesk.app import settings
    from frontdesk.app.paths import Paths

    try:
        return settings.load(Paths.resolve(args.profile_dir).config_dir).language
    except Exception:  # a profile folder that cannot be made: the context will say why
        log.info("the profile's language could not be read before the start", exc_info=True)
        return None


# Qt says this on platforms without window-manager hints (offscreen); it means nothing here.
_QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _qt_to_log(mode: object, context: object, message: str) -> None:
    """Qt's own messages go to the log file, not to a console the receptionist never sees."""
    from PySide6.QtCore import QtMsgType

    if any(noise in message for noise in _QT_NOISE):
        level = logging.DEBUG
    elif mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        level = logging.ERROR
    elif mode == QtMsgType.QtWarningMsg:
        level = logging.WARNING
    else:
        level = logging.DEBUG
    logging.getLogger("frontdesk.ui.qt").log(level, "%s", message)


def launch(argv: list[str], tools: Sequence[str] = ()) -> int:
    """Run the desk; returns the process exit code (``tools``: what its help names)."""
    args, qt_args = parse_args(argv, tools)
    # no cycle collection while the start builds its many objects: the window collects and
    # freezes them once it is painted (ui.gc_policy), and gc is on again from then
    gc.disable()
    if args.verbose:
        from frontdesk.app import logs

        logs.want_verbose(True)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if args.demo and _new_demo(args.profile_dir):  # its administrator is made first
        from frontdesk.app.demo import DEMO_ADMIN_PIN
        from frontdesk.app.pins import hash_ahead

        hash_ahead(DEMO_ADMIN_PIN)  # while PySide6 loads and the window is built
    # a normal start paints its lock screen first, from names read ahead through the driver,
    # and loads the desk behind it (ui.early_lock); where that cannot be told cheaply (and for
    # the demo) the desk's own modules are loaded first, before PySide6, whose import hook
    # looks at every module imported after it (made cheap: ui.qt_hook); the store is imported
    # as the context opens it (the demo's after its first paint)
    facts = None if args.demo else _peek(args)
    if facts is None:
        from frontdesk.app.context import AppContext
    from frontdesk.app.desk_lock import DeskRunning
    from frontdesk.app.system_libs import advice, missing_libraries

    missing = missing_libraries()
    if missing:  # Qt would abort (rc 134) naming none of them
        print(advice(missing), file=sys.stderr)
        return 3

    from frontdesk.ui.qt_hook import quicken

    quicken()  # before anything else is imported after PySide6
    from PySide6.QtCore import QCoreApplication, QTimer, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication, QMessageBox

    from frontdesk.ui.branding import apply_branding, apply_icon, apply_version

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(APP_NAME)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *qt_args])
    app.setApplicationDisplayName(APP_NAME)
    from frontdesk.ui.theme import follow_color_scheme

    follow_color_scheme(app)

    from frontdesk.ui.i18n import forget_language, install_language

    language = _profile_language(args) if facts is None else _peeked_language(facts)
    install_language(app, language)  # before any message or screen: each speaks it
    log_path: list[str] = []
    previous_handler = qInstallMessageHandler(_qt_to_log)
    previous_hook = sys.excepthook
    sys.excepthook = make_excepthook(lambda: log_path[0] if log_path else None)
    demo = None
    context = None
    window = None
    lock = None
    early = None
    report = bool(os.environ.get("FRONTDESK_REPORT_FIRST_PAINT"))
    try:
        try:
            lock = _hold_profile(args)
        except DeskRunning as exc:
            print(f"{APP_NAME}: {exc}", file=sys.stderr)
            if not args.smoke_test and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
                QMessageBox.warning(None, APP_NAME, str(exc))
            return 4
        try:
            apply_branding(app)  # the icon once the first paint is done (give_icon)
            if facts is not None:  # the lock screen now; the desk is loaded behind it
                early = _paint_early(app, facts, report)
            from frontdesk.app.context import AppContext
            from frontdesk.ui.main_window import MainWindow

            if args.demo:
                from frontdesk.app.demo import ALL_PROVIDERS, Demo

                # the window first, built and painted before the store is opened (or even
                # SQLAlchemy imported); then the store, what a kept profile has cached and the
                # administrator signed in (``open_after_first_paint``); the sandboxes are
                # started, seeded, connected and pulled after that
                demo = Demo(
                    args.profile_dir,
                    providers=ALL_PROVIDERS,
                    defer=True,
                    clinic_columns=True,
                    open_later=True,
                )
                context = demo.context
                context.demo = True  # sample records too (app.desk_day.demo_sample)
            else:  # the connectors are built once the window is painted
                context = AppContext.open(
                    args.profile_dir, connect=False, database_url=args.database_url
                )
            log_path.append(str(context.paths.log_dir / "frontdesk.log"))
            if context.settings.language != language:  # a demo's own profile
                forget_language(app)
                install_language(app, context.settings.language)  # before any screen is built
            window = MainWindow(context, start_sync=False)
        except Exception as exc:
            log.exception("FrontDesk could not start")
            if early is not None:
                early.close()
            if not args.smoke_test:
                QMessageBox.critical(None, APP_NAME, start_error_words(exc))
            else:
                print(f"smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            return 1
        if report:
            from frontdesk.ui.first_paint import after_first_paint

            said = ("desk painted",) if early is not None else ("first paint", "desk painted")
            after_first_paint(window, lambda: _report(*said))
        icon_broken: list[Exception] = []

        def give_icon() -> None:
            try:
                apply_icon(app)
            except (OSError, ValueError) as exc:  # a build without its resources
                icon_broken.append(exc)
                log.warning("the app icon could not be loaded", exc_info=True)

        failed: list[Exception] = []
        if demo is not None:
            open_after_first_paint(window, demo, failed, args.smoke_test, report)
        window.first_paint.later(gc.enable)
        window.first_paint.later(give_icon)
        window.first_paint.later(lambda: apply_version(app))
        window.first_paint.later(lambda: _recheck_keyring(context))
        sync_after_first_paint(window, demo)
        if early is not None:  # the desk's window takes the lock screen's place
            early.hand_over(window.guard.screen)
        else:
            window.show()
        if args.smoke_test:
            about_says: list[str] = []

            def about() -> None:  # once the desk is painted, as a receptionist would open it
                from frontdesk.ui.about_dialog import show_about

                dialog = show_about(window, context.paths)  # a packaged build shows its version
                about_says.append(dialog.version_label.text())
                QTimer.singleShot(SMOKE_SETTLE_MS, dialog.close)
                QTimer.singleShot(SMOKE_SETTLE_MS, window.close)

            window.first_paint.later(about)
            if existing is None:
                app.exec()
            else:  # inside a running application (tests): settle without a nested loop
                _settle(app, SMOKE_WAIT_MS, until=lambda: bool(about_says))
                _settle(app, SMOKE_SETTLE_MS + 100)
                window.close()
            if failed:
                return 1
            if not about_says:
                print("smoke test failed: the window was never painted", file=sys.stderr)
                return 1
            if icon_broken:  # a packaged build without its resources is broken
                problem = icon_broken[0]
                print(f"smoke test failed: {type(problem).__name__}: {problem}", file=sys.stderr)
                return 1
            print("FrontDesk smoke test: main window built")
            print(f"FrontDesk smoke test: About says {about_says[0]}")
            return 0
        code = int(app.exec())
        return 1 if failed else code
    finally:
        if window is not None:
            window.shutdown()
            window.deleteLater()
        if demo is not None:
            demo.close()
        elif context is not None:
            context.close()
        if lock is not None:
            lock.release()
        sys.excepthook = previous_hook
        qInstallMessageHandler(previous_handler)
        gc.enable()


def _peek(args: argparse.Namespace) -> LockFacts | None:
    """The first lock screen's facts, read ahead (``app.lock_peek``); None: load the desk."""
    from frontdesk.app.lock_peek import peek

    return peek(args.profile_dir, args.database_url)


def _peeked_language(facts: LockFacts) -> str | None:
    from frontdesk.app.lock_peek import language

    return language(facts.config_dir)


def _report(*painted: str) -> None:
    """``FRONTDESK_REPORT_FIRST_PAINT``: when the start painted what (bench/cold_start.py)."""
    for what in painted:
        print(f"frontdesk: {what}", file=sys.stderr, flush=True)


def _paint_early(app: Any, facts: LockFacts, report: bool) -> Any:
    """Show the lock screen (``ui.early_lock``) and wait until it is painted (at most
    ``EARLY_PAINT_WAIT_MS``: a window manager that never exposes it does not hold the desk
    back); the desk is then loaded while it is on screen."""
    from PySide6.QtCore import QEventLoop, QTimer

    from frontdesk.ui.early_lock import EarlyLock

    early = EarlyLock(facts)
    loop = QEventLoop()
    early.firstPainted.connect(loop.quit)
    QTimer.singleShot(EARLY_PAINT_WAIT_MS, loop.quit)
    early.show()
    if not early.painted:
        loop.exec()
    if report:
        _report("first paint")
    return early


def open_after_first_paint(
    window: Any, demo: Any, failed: list[Exception], smoke_test: bool, report: bool
) -> None:
    """Once the demo's window is painted: open its store, sign its administrator in and fill
    the window (``MainWindow.store_opened``), before the sandboxes are begun. A store that
    cannot be opened is said as a start that failed (``failed`` gets it; the window closes)."""

    def open_store() -> None:
        if not window.isVisible():  # closed before it was painted
            return
        try:
            demo.open()
            window.store_opened()
        except Exception as exc:
            failed.append(exc)
            log.exception("FrontDesk could not start")
            if smoke_test:
                print(f"smoke test failed: {type(exc).__name__}: {exc}", file=sys.stderr)
            else:
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.critical(window, APP_NAME, start_error_words(exc))
            window.close()
            return
        if report:
            _report("desk ready")

    window.first_paint.later(open_store)


def _new_demo(profile_dir: Path | None) -> bool:
    """Whether the demo starts on a new profile (a throwaway one, or a kept one not made yet)."""
    from frontdesk.app.paths import Paths

    return profile_dir is None or not Paths.resolve(profile_dir).database.exists()


def _recheck_keyring(context: Any) -> None:
    """Where the last start found no system keyring, search again on a thread of its own
    (``Credentials.recheck``): one installed since is used from the next start."""

    def recheck() -> None:
        try:
            context.credentials.recheck()
        except Exception:  # a keyring backend's own failure: the next start searches again
            log.info("the system keyring could not be searched for", exc_info=True)

    threading.Thread(target=recheck, name="keyring-recheck", daemon=True).start()


def _hold_profile(args: argparse.Namespace) -> DeskLock | None:
    """Take the profile's desk lock (a demo in a throwaway folder needs none)."""
    if args.demo and args.profile_dir is None:
        return None
    from frontdesk.app.desk_lock import DeskLock
    from frontdesk.app.paths import Paths

    return DeskLock.acquire(Paths.resolve(args.profile_dir).data_dir)


def sync_after_first_paint(window: Any, demo: Any = None) -> None:
    """Start the window's sync worker once the window is on screen: its first cycle pulls
    every stale connection, which would slow the first paint. A deferred demo is begun then
    (on a thread of its own: its sandboxes started, seeded and connected), a quick-started
    one finished (its other sandboxes seeded and connected); the connectors are built on the
    worker's thread, whose next cycle pulls them (the window's work put off until its first
    paint: ``ui.first_paint``)."""

    def start() -> None:
        if not window.isVisible():  # closed before it was painted
            return
        if demo is not None and not demo.begun:  # a deferred demo: its sandboxes come now
            window.sync.start()
            demo.begin_in_background(window.sync.reload_connectors)
            return
        added = demo is not None and demo.finish()
        window.sync.start()
        if added or not window.context.connectors_ready:
            window.sync.reload_connectors()

    window.first_paint.later(start)


def _settle(app: object, ms: int, until: Callable[[], bool] | None = None) -> None:
    """Let ``app`` run its events for ``ms`` (or until ``until()`` says so)."""
    import time

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline and not (until is not None and until()):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)

"""What a receptionist reads when the desk fails: the last line of defence (``sys.excepthook``)
that logs an unexpected error and says it in plain words instead of a traceback, and the
words for a start that failed (a newer cache, an unreachable shared store, a refused key, a
data folder it may not write), in the desk's language."""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from frontdesk import APP_NAME

log = logging.getLogger("frontdesk.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def make_excepthook(log_file: Callable[[], str | None]) -> ExceptHook:
    """A ``sys.excepthook`` that logs the error and tells the receptionist in plain words."""
    showing = threading.Event()

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("unexpected error", exc_info=(kind, error, tb))
        if showing.is_set() or threading.current_thread() is not threading.main_thread():
            return
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is None or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            return
        showing.set()
        try:
            QMessageBox.critical(None, APP_NAME, unexpected_error_words(log_file()))
        finally:
            showing.clear()

    return hook


def unexpected_error_words(log_file: str | None) -> str:
    """What the receptionist reads of an unexpected error, in the desk's language."""
    from frontdesk.domain.translation import translate

    said = translate(
        "Launch",
        "Something went wrong inside FrontDesk, and that part of the screen may not have been "
        "updated.\n\nBookings already saved are safe. If what you see looks wrong, close "
        "FrontDesk and open it again.",
    )
    if log_file:
        where = translate("Launch", "The details were written to the log file:\n{path}")
        said += "\n\n" + where.format(path=log_file)
    return said


def start_error_words(exc: Exception) -> str:
    """What the receptionist reads when the desk cannot start, in the desk's language (the
    profile's, or the computer's where the profile's settings cannot be read)."""
    from frontdesk.domain.translation import translate

    said = translate(
        "Launch",
        "FrontDesk could not start.\n\n{why}\n\nThe details were written to the log file.",
    )
    return said.format(why=_plain_start_error(exc))


def _plain_start_error(exc: Exception) -> str:
    from frontdesk.app.cache_key import CacheKeyRefused, CacheKeyUnavailable
    from frontdesk.app.credentials import CredentialsFileError
    from frontdesk.app.store import NewerCache, StoreUnreachable, StoreUrlError

    if isinstance(
        exc,
        NewerCache
        | StoreUnreachable
        | StoreUrlError
        | CacheKeyRefused
        | CacheKeyUnavailable
        | CredentialsFileError,
    ):  # their message in the desk's language (str(): the English the log keeps)
        return str(getattr(exc, "words", None) or exc)
    from frontdesk.domain.translation import translate

    if isinstance(exc, PermissionError):
        return translate(
            "Launch",
            "FrontDesk may not write to its data folder. Ask IT to check the folder's rights.",
        )
    if isinstance(exc, OSError):
        return translate(
            "Launch", "FrontDesk could not open its data files (disk full or folder missing?)."
        )
    return translate("Launch", "An unexpected problem stopped FrontDesk from opening.")

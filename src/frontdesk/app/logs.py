"""Logging: one rotating file per profile, and redaction of every record the process makes.

Nothing patient-identifying is passed to a logger on purpose, but a library may log a URL with
a phone in its query, an exception may quote a body, a traceback may show a note. So every
record, of any logger (ours, httpx's, uvicorn's), is cleaned as it is made: its message (with
its arguments), its exception's text and its stack. First by value: every API key and patient
value the process has seen (``domain.sensitive``), wherever it appears. Then by shape, a second
line for what was never seen: emails, phone numbers in international form, bearer tokens,
``api-key``-style fields and the vendors' documented key formats (docs/providers.md).

``configure`` writes ``frontdesk.*`` records of level INFO and up to ``logs/frontdesk.log``;
verbose (``--verbose``, or ``FRONTDESK_VERBOSE=1`` in the environment) writes every record of
every logger from DEBUG up, for support.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
from pathlib import Path
from typing import Any

from frontdesk.domain import sensitive
from frontdesk.domain.sensitive import MASK

VERBOSE_ENV = "FRONTDESK_VERBOSE"
_TRUE = ("1", "true", "yes", "on", "debug")

# The vendors' documented key formats (and the sandboxes'): HuskyVoice sk_live_/sk_test_,
# VantaX vx_live_, Vastal vst_, meetergo ak_live:<uuid>:<secret> and personal tokens rgo-,
# CareValidate's sandbox cv_test_ (its pages show none).
_KEYS = re.compile(
    r"\b(?:(?:sk|pk|rk|vx|cv)_(?:live|test)_\w+"
    r"|vst_\w{6,}"
    r"|ak_(?:live|test)(?::|%3[Aa])[^\s\"',;&)\]}]+"
    r"|rgo-[\w-]{8,})"
)
_KEY_WORDS = ("_live", "_test", "vst_", "rgo-")
_BEARER = re.compile(r"(?i)\b(bearer)(\s+|%20|\+)(?!\[redacted\])[\w.~+/:=%-]{6,}")
# a key-like field and its value: `x-api-key: ...`, `"api_key": "..."`, `access_token=...`
_FIELD = re.compile(
    r"(?i)\b((?:x-|cv-)?api[_-]?key|apikey|access[_-]?token|client[_-]?secret|password)"
    r"(\s*[\"']?\s*[:=]\s*[\"']?\s*)(?!\[redacted\]|bearer\b)([^\s\"',;&)\]}]{8,})"
)
_FIELD_WORDS = ("key", "token", "secret", "password")
_EMAIL = re.compile(
    r"(?<![\w.+/%-])[\w.+-]+(?:@|%40)[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])", re.ASCII
)
# a number in international form, 7 to 15 digits (E.164), spaced as people write them;
# never an ISO date, a time or an offset (+02:00), which carry no leading + and 7 digits
_PHONE = re.compile(r"(?<![\w+%])(?:\+|%2[Bb])\(?\d(?:(?:[ .\-/]|%20){0,2}\(?\d\)?){6,14}(?!\d)")


def redact(text: str) -> str:
    """``text`` without a key or patient value seen so far, nor anything shaped like one.
    The shapes are masked first: a remembered value masked inside an email address first
    (its first name) would leave the rest of the address unshaped, and unmasked."""
    low = text.lower()  # each shape looked for only where its telltale is (a record's cost)
    if any(word in low for word in _KEY_WORDS):
        text = _KEYS.sub(MASK, text)
    if "bearer" in low:
        text = _BEARER.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    if any(word in low for word in _FIELD_WORDS):
        text = _FIELD.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}", text)
    if "@" in text or "%40" in text:
        text = _EMAIL.sub(MASK, text)
    if "+" in text or "%2b" in low:
        text = _PHONE.sub(MASK, text)
    return sensitive.redact(text)


def _clean_args(record: logging.LogRecord) -> bool:
    """Redact the message's parts in place, keeping its arguments' shape (a formatter may
    unpack them, as uvicorn's access log does); False when that cannot be done cleanly."""
    args = record.args
    if not isinstance(record.msg, str) or not isinstance(args, tuple):
        return False
    msg = redact(record.msg)
    cleaned = tuple(redact(a) if isinstance(a, str) else a for a in args)
    try:
        message = msg % cleaned if cleaned else msg
    except (TypeError, ValueError, KeyError):
        return False
    if redact(message) != message:
        return False
    record.msg, record.args = msg, cleaned
    return True


def _parts(record: logging.LogRecord) -> tuple[object, ...]:
    return (record.msg, record.args, record.exc_info, record.exc_text, record.stack_info)


def _mark(record: logging.LogRecord) -> None:
    """Remember that ``record`` is clean as it stands (``makeLogRecord`` fills a record the
    factory made, and cleaned, empty)."""
    setattr(record, "frontdesk_redacted", _parts(record))  # noqa: B010 (not a LogRecord field)


def _clean(record: logging.LogRecord) -> bool:
    marked = getattr(record, "frontdesk_redacted", None)
    return marked is not None and all(a is b for a, b in zip(marked, _parts(record), strict=True))


def scrub(record: logging.LogRecord) -> None:
    """Clean ``record`` in place: message, arguments, exception text and stack."""
    if _clean(record):
        return
    try:
        message = record.getMessage()
    except Exception:  # a format and arguments that do not fit: logged as they are, cleaned
        message = f"{record.msg} {record.args!r}"
        record.msg, record.args = redact(message), None
    else:
        cleaned = redact(message)
        if cleaned != message and not _clean_args(record):
            record.msg, record.args = cleaned, None
    if record.exc_info and not record.exc_text:
        record.exc_text = _FORMATTER.formatException(record.exc_info)
    if record.exc_text:
        record.exc_text = redact(record.exc_text)
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    _mark(record)


_FORMATTER = logging.Formatter()
_make_record = logging.getLogRecordFactory()


def _scrubbed(record: logging.LogRecord) -> logging.LogRecord:
    try:
        scrub(record)
    except Exception:  # never the caller's failure, and never the record as it was
        record.msg, record.args = "(a record that could not be cleaned; left out)", None
        record.exc_info = record.exc_text = record.stack_info = None
        _mark(record)
    return record


def _redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    return _scrubbed(_make_record(*args, **kwargs))


class RedactFilter(logging.Filter):
    """The file's own check, for a record made without the factory (``makeLogRecord``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        _scrubbed(record)
        return True


def install() -> None:
    """Clean every record of every logger as it is made (once per process)."""
    global _make_record
    current = logging.getLogRecordFactory()
    if current is not _redacting_factory:
        _make_record = current
        logging.setLogRecordFactory(_redacting_factory)


_verbose: bool | None = None  # --verbose; None: as the environment says


def want_verbose(verbose: bool | None) -> None:
    """Whether the logs the process configures from now on are verbose (``--verbose``);
    None: as the environment says (``FRONTDESK_VERBOSE=1``)."""
    global _verbose
    _verbose = verbose


def wants_verbose() -> bool:
    """Whether every record is wanted: ``--verbose``, or ``FRONTDESK_VERBOSE=1``."""
    if _verbose is not None:
        return _verbose
    return os.environ.get(VERBOSE_ENV, "").strip().lower() in _TRUE


_root_level: int | None = None  # the root logger's level before verbose logging raised it


def detach() -> None:
    """Close the profile's log file (its handler leaves the loggers)."""
    global _root_level
    for logger in (logging.getLogger(), logging.getLogger("frontdesk")):
        for handler in list(logger.handlers):
            if getattr(handler, "_frontdesk", False):
                logger.removeHandler(handler)
                handler.close()
    if _root_level is not None:
        logging.getLogger().setLevel(_root_level)
        _root_level = None


def configure(log_dir: Path, verbose: bool | None = None) -> Path:
    """Send ``frontdesk.*`` logs (every logger's, from DEBUG, when ``verbose``; None: as
    :func:`wants_verbose` says) to ``log_dir/frontdesk.log``; returns the file's path."""
    global _root_level
    install()
    detach()
    verbose = wants_verbose() if verbose is None else verbose
    path = log_dir / "frontdesk.log"
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8", delay=True
    )
    handler._frontdesk = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactFilter())
    ours = logging.getLogger("frontdesk")
    if verbose:
        root = logging.getLogger()
        _root_level = root.level
        root.setLevel(logging.DEBUG)
        root.addHandler(handler)
        ours.setLevel(logging.DEBUG)
    else:
        ours.addHandler(handler)
        ours.setLevel(logging.INFO)
    return path

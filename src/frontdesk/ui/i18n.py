"""Speaking the clinic's language on the desk: Qt translators for the desk's words (and Qt's
own: the buttons of Qt's dialogs), the locale that formats dates, times and numbers, and the
layout direction (right-to-left for a language written so).

The translations are Qt Linguist files (``src/frontdesk/translations/frontdesk_<code>.ts``).
An installed desk carries them compiled (``.qm``, made by the packaging step); a checkout
compiles a missing or older ``.qm`` on first use with the ``lrelease`` that comes with PySide6,
into the user's cache, never into the source tree. A translation that cannot be had leaves the
desk in English and says so in the log; it never stops the desk.
"""

from __future__ import annotations

import hashlib
import logging
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QLibraryInfo,
    QLocale,
    QStandardPaths,
    Qt,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QCalendarWidget, QDateEdit

from frontdesk.app.languages import SOURCE, chosen, language_of, ts_file
from frontdesk.domain import dates, translation

log = logging.getLogger("frontdesk.ui")

_KEPT: list[QTranslator] = []  # installed translators live as long as the application


@dataclass(frozen=True)
class Spoken:
    """The language the desk speaks and the locale it formats with."""

    code: str
    locale: QLocale
    translated: bool  # False: English, asked for or for want of a translation


def _lrelease() -> Path | None:
    import PySide6

    name = "lrelease.exe" if sys.platform == "win32" else "lrelease"
    tool = Path(PySide6.__file__).resolve().parent / name
    return tool if tool.exists() else None


def compiled(code: str) -> Path | None:
    """The compiled translation of ``code``: the one shipped beside its source if it is as new,
    else one compiled now into the cache; None when there is none to be had."""
    source = ts_file(code)
    shipped = source.with_suffix(".qm")
    if shipped.exists() and (
        not source.exists() or shipped.stat().st_mtime >= source.stat().st_mtime
    ):
        return shipped
    if not source.exists():
        return None
    digest = hashlib.sha256(source.read_bytes()).hexdigest()[:16]
    cache_root = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    target = Path(cache_root or Path.home() / ".cache" / "frontdesk") / "translations"
    made = target / f"frontdesk_{code}-{digest}.qm"
    if made.exists():
        return made
    tool = _lrelease()
    if tool is None:
        log.warning("no lrelease to compile the %s translation; the desk stays in English", code)
        return None
    target.mkdir(parents=True, exist_ok=True)
    try:
        subprocess.run(
            [str(tool), "-silent", str(source), "-qm", str(made)],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning(
            "compiling the %s translation failed (%s); the desk stays in English", code, exc
        )
        return None
    return made if made.exists() else None


def install_language(app: QApplication, setting: str | None) -> Spoken:
    """Make ``app`` speak the profile's language (``setting``; None: the computer's, where the
    desk speaks it): its translators, the default locale and the layout direction."""
    system = QLocale.system()
    code = chosen(setting, system.name())
    locale = system if language_of(system.name()) == code else QLocale(code)
    QLocale.setDefault(locale)
    translated = False
    if code != SOURCE:
        qm = compiled(code)
        ours = QTranslator(app)
        if qm is not None and ours.load(str(qm)):
            app.installTranslator(ours)
            _KEPT.append(ours)
            translated = True
        else:
            log.warning("no %s translation could be loaded; the desk stays in English", code)
        qt_own = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_own.load(f"qtbase_{code}", qt_dir):
            app.installTranslator(qt_own)
            _KEPT.append(qt_own)
    translation.install(_qt_translate if translated else None)
    dates.install(locale_formats(locale))
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft
        if locale.textDirection() == Qt.LayoutDirection.RightToLeft
        else Qt.LayoutDirection.LeftToRight
    )
    return Spoken(code, locale, translated)


_TOKENS = (("dddd", "{wd}"), ("ddd", "{wd}"), ("MMMM", "{m}"), ("MMM", "{m}"), ("yyyy", "{y}"))


def _pattern(qt_format: str) -> str:
    """A ``QLocale`` date format as a :class:`~frontdesk.domain.dates.Formats` pattern."""
    import re

    text = qt_format.replace("{", "{{").replace("}", "}}")
    for token, field in _TOKENS:
        text = text.replace(token, field)
    text = re.sub(r"(?<![{a-z])dd?(?![a-z}])", "{d}", text)
    return text.replace("'", "")


def _without(pattern: str, *fields: str) -> str:
    """``pattern`` without ``fields`` and the separators they leave dangling."""
    import re

    for field in fields:  # "{d}." (German's day) goes with its dot
        pattern = pattern.replace(field + ".", "\0").replace(field, "\0")
    pattern = re.sub(r"[\s,،]*\x00[\s,،]*", " ", pattern).strip(" ,،")
    return pattern.replace("\0", "")


def locale_formats(locale: QLocale) -> dates.Formats:
    """The named date formats as ``locale`` writes them."""
    short, long_ = QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat
    full = _pattern(locale.dateFormat(long_))
    if "{wd}" not in full or "{m}" not in full or "{d}" not in full:
        full = dates.ENGLISH.long_day
    clock = locale.timeFormat(short)
    return dates.Formats(
        weekdays_short=tuple(locale.dayName(i, short) for i in range(1, 8)),
        weekdays_long=tuple(locale.dayName(i, long_) for i in range(1, 8)),
        months_short=tuple(locale.monthName(i, short) for i in range(1, 13)),
        months_long=tuple(locale.monthName(i, long_) for i in range(1, 13)),
        short_day=_without(full, "{y}"),
        long_day=full,
        day_month=_without(full, "{wd}", "{y}"),
        day_month_year=_without(full, "{wd}"),
        month_year=_without(full, "{wd}", "{d}"),
        twelve_hour="h" in clock and "H" not in clock,
        am=locale.amText() or "AM",
        pm=locale.pmText() or "PM",
    )


def time_format() -> str:
    """The display format of the desk's time boxes: the locale's short clock as the desk's
    times read (``HH:mm``; ``h:mm Ap`` where they read twelve hours, "2:00 pm"), to the
    minute; the boxes' values stay times of day whatever the format."""
    if not dates.installed().twelve_hour:
        return "HH:mm"
    shown = QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    shown = shown.replace(":ss", "").replace(".ss", "")
    if "h" not in shown or "mm" not in shown or "a" not in shown.lower():
        return "h:mm AP"
    return shown


_QT_FIELDS = {"{wd}": "ddd", "{d}": "d", "{m}": "MMM", "{y}": "yyyy"}


def keep_years(box: QDateEdit | QCalendarWidget) -> None:
    """A date box or calendar offers only the years the desk keeps (``FIRST_YEAR`` to
    ``LAST_YEAR``): a day past them cannot be picked, so none reaches the desk's reads."""
    from frontdesk.domain.timeutil import FIRST_YEAR, LAST_YEAR

    box.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))


def date_format(*, weekday: bool = True) -> str:
    """The display format of the desk's date boxes: the day as the language writes it, its
    order and separators the locale's ("ddd d MMM yyyy" in English, "ddd, d. MMM yyyy" in
    German; ``weekday=False``: without the weekday); the boxes' values stay dates."""
    import re

    formats = dates.installed()
    pattern = formats.long_day if weekday else formats.day_month_year
    parts = []
    for part in re.split(r"(\{\w+\})", pattern):
        if part in _QT_FIELDS:
            parts.append(_QT_FIELDS[part])
        elif part:  # the locale's own text between the fields: quoted, never read as a field
            parts.append(re.sub(r"([^\W\d_]+)", r"'\1'", part.replace("'", "''")))
    return "".join(parts)


def _qt_translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate(context, text, disambiguation, n)


def forget_language(app: QApplication) -> None:
    """Back to English (tests that switch languages)."""
    while _KEPT:
        app.removeTranslator(_KEPT.pop())
    translation.install(None)
    dates.install(None)
    QLocale.setDefault(QLocale.system())
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)

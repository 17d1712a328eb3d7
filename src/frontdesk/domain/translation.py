"""The desk's words in the clinic's language, for the code that is not a widget.

Every sentence a receptionist may read goes through :func:`translate` (a context, the English
source text, and for a count ``n`` so that ``%n`` takes the number in the language's plural
forms). Qt's own tool finds these calls (``pyside6-lupdate`` reads ``translate("Ctx", "...")``
as it reads a widget's ``self.tr("...")``), so one set of ``.ts`` files serves the screens, the
verdicts and the day sheet alike.

Until a translator is installed (the desk installs Qt's, :mod:`frontdesk.ui.i18n`) the words
stay English; the headless tools speak English. The module imports nothing of Qt: the layers
below the screens stay Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable

# (context, source text, disambiguation, n) -> the text in the installed language
Translator = Callable[[str, str, str | None, int], str]


def english(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """The source text itself; with a count ``n``, ``%n`` is the number and a plural mark
    ``(s)`` or ``(es)`` is said in the number's form ("1 booking", "3 bookings")."""
    if n < 0:
        return text
    one = n == 1
    text = text.replace("(es)", "" if one else "es").replace("(s)", "" if one else "s")
    return text.replace("%n", str(n))


_installed: Translator = english


def install(translator: Translator | None) -> None:
    """Use ``translator`` from now on (``None``: back to English)."""
    global _installed
    _installed = translator or english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` (English, in ``context``) in the installed language."""
    return _installed(context, text, disambiguation, n)


def plural(context: str, text: str, n: int) -> str:
    """``text`` (with ``%n``) for the count ``n``, in the installed language's plural forms.

    Qt's ``lupdate`` reads a sentence as one with plural forms only where ``translate`` is
    given a literal count, so a module declares each such sentence once for it (a function
    never called, ``translate("Ctx", "%n booking(s)", None, 1)``) and says it with
    :func:`plural`, which ``lupdate`` does not read (a second, singular entry would win)."""
    return _installed(context, text, None, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined (a table of names); it is translated
    where shown, with ``translate(context, text)``."""
    return text


def both(context: str, sentence: str, **values: object) -> tuple[str, str]:
    """``sentence`` (English, marked with ``QT_TRANSLATE_NOOP`` where written) with its
    ``{placeholders}`` filled: in English (for the log and the headless tools, which stay
    English) and in the installed language (for the person at the desk)."""
    return sentence.format(**values), translate(context, sentence).format(**values)

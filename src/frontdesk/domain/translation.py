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
    """The source text itself, ``%n`` replaced by ``n`` when a count is given."""
    return text.replace("%n", str(n)) if n >= 0 else text


_installed: Translator = english


def install(translator: Translator | None) -> None:
    """Use ``translator`` from now on (``None``: back to English)."""
    global _installed
    _installed = translator or english


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` (English, in ``context``) in the installed language."""
    return _installed(context, text, disambiguation, n)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation where it is defined (a table of names); it is translated
    where shown, with ``translate(context, text)``."""
    return text

"""The words of Qt's own standard buttons (Save, Cancel, Yes, No…) for the languages Qt does
not translate itself: Qt ships German (``qtbase_de``) but no Hindi, so a Hindi desk would show
"Cancel" on every dialog. Qt asks the installed translators for these words in its own contexts
(``QPlatformTheme``, and ``QGnomeTheme`` on GNOME-like desktops), so the desk's translation
carries them too; Qt's own translation, where there is one, is asked first.

Nothing here is called: the marks are for ``lupdate`` (``packaging/translations.py update``).
"""

from __future__ import annotations

from frontdesk.domain.translation import QT_TRANSLATE_NOOP


def _marks() -> None:  # for lupdate only (never called)
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Save")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Apply")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Reset")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Don't Save")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Restore Defaults")
    QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes")
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Retry")
    QT_TRANSLATE_NOOP("QPlatformTheme", "Ignore")
    QT_TRANSLATE_NOOP("QGnomeTheme", "&OK")
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Save")
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Cancel")
    QT_TRANSLATE_NOOP("QGnomeTheme", "&Close")
    QT_TRANSLATE_NOOP("QGnomeTheme", "Close without Saving")

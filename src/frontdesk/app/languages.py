"""The languages the desk speaks, and which one a profile uses.

English is the source; German (meetergo's home market) and Hindi (HuskyVoice's) are translated
in ``src/frontdesk/translations/frontdesk_<code>.ts`` (Qt Linguist files, compiled to ``.qm``
by the packaging step, or on first use in a checkout). A profile's setting names one of
:data:`LANGUAGES`; unset, the computer's own language is used where the desk speaks it, else
English.
"""

from __future__ import annotations

from pathlib import Path

SOURCE = "en"
# code -> the language's name in itself (what a person looks for in a list)
LANGUAGES: dict[str, str] = {"en": "English", "de": "Deutsch", "hi": "हिन्दी"}
TRANSLATED = tuple(code for code in LANGUAGES if code != SOURCE)
TS_DIR = Path(__file__).resolve().parent.parent / "translations"


def supported(code: str) -> bool:
    return code in LANGUAGES


def language_of(locale_name: str) -> str:
    """The language code of a locale name (``de_AT.UTF-8`` -> ``de``; ``C`` -> ``en``)."""
    code = locale_name.replace("-", "_").split("_", 1)[0].split(".", 1)[0].lower()
    return code if code.isalpha() and len(code) in (2, 3) else SOURCE


def chosen(setting: str | None, computer_locale: str) -> str:
    """The language to speak: the profile's setting, else the computer's if spoken, else
    English."""
    if setting and supported(setting):
        return setting
    code = language_of(computer_locale)
    return code if supported(code) else SOURCE


def ts_file(code: str) -> Path:
    """The Qt Linguist source of ``code``'s translation."""
    return TS_DIR / f"frontdesk_{code}.ts"

"""The pseudo translation the language tests run the desk under: every translated word comes
back marked (``support.words.MARK`` … ``⟧``), so a visible word without the mark escaped
translation; and the fixtures that install it (``pseudo``) or forget a real language after a
test (``spoken``). The test modules import the fixtures by name."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from frontdesk.domain import translation
from frontdesk.ui import i18n
from support.words import MARK


def marked(_context: str, text: str, _disambiguation: str | None = None, _n: int = -1) -> str:
    return f"{MARK}{text}⟧"


class Pseudo(QTranslator):
    """Qt's side of the pseudo translation (``tr`` and the Qt-free ``translate`` alike)."""

    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        return marked(context, source, disambiguation, n)


@pytest.fixture
def pseudo(qapp: QApplication) -> Iterator[None]:
    marker = Pseudo(qapp)
    qapp.installTranslator(marker)
    translation.install(marked)
    try:
        yield
    finally:
        qapp.removeTranslator(marker)
        i18n.forget_language(qapp)


@pytest.fixture
def spoken(qapp: QApplication) -> Iterator[None]:
    yield
    i18n.forget_language(qapp)

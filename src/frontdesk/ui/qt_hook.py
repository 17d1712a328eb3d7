"""PySide6's import hook made cheap: what it asks of every module imported after PySide6.

PySide6 watches every import from the moment it is loaded, to know which modules may switch
on its ``__feature__`` options (``snake_case``, ``true_property``): for each new module it asks
``inspect.getsource`` for the whole source and looks for the word "PySide6" in it
(``shibokensupport.feature._mod_uses_pyside``). Through ``linecache`` and ``tokenize`` that is
the dearest part of importing a small module, and the desk imports some four hundred after
PySide6 on its way to the first paint. :func:`quicken` answers the same question by reading the
module's file as bytes; a module without a plain source file is still asked PySide6's way.
Where a PySide6 has no such hook (a later version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_frontdesk_quick"


def quicken() -> None:
    """Load PySide6 (which installs its hook) and give the hook the quicker reading."""
    import PySide6  # noqa: F401  (its import installs the hook this replaces)

    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(upstream) or getattr(upstream, _MARK, False):
        return
    feature._mod_uses_pyside = _quick(upstream)  # type: ignore[attr-defined]


def _quick(upstream: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return upstream(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return upstream(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside

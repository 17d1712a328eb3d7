"""FrontDesk: an offline-first booking desk for clinics.

The package is layered (see docs/architecture.md): ``domain`` and ``rules`` are pure Python,
``storage`` owns SQLAlchemy, ``providers`` own the wire formats (only ``providers.http`` touches
httpx), ``sync`` drains the outbox, ``app`` composes everything, ``ui`` is the PySide6 desk and
``cli`` the headless tools. ``sandbox`` emulates the remote APIs and imports none of them.

``__version__`` is read from the package metadata when first asked for (importing
``importlib.metadata`` and finding the distribution costs a desk's start ~35 ms it need not
pay before its first paint).
"""

from __future__ import annotations

from functools import cache

APP_NAME = "FrontDesk"
APP_ID = "org.frontdesk.FrontDesk"


@cache
def version() -> str:
    """The installed distribution's version (a source tree never installed: 0.0.0+source)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("frontdesk")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'frontdesk' has no attribute {name!r}")

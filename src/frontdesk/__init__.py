"""FrontDesk: an offline-first booking desk for clinics.

The package is layered (see docs/architecture.md): ``domain`` and ``rules`` are pure Python,
``storage`` owns SQLAlchemy, ``providers`` own the wire formats (only ``providers.http`` touches
httpx), ``sync`` drains the outbox, ``app`` composes everything, ``ui`` is the PySide6 desk and
``cli`` the headless tools. ``sandbox`` emulates the remote APIs and imports none of them.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("frontdesk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "FrontDesk"
APP_ID = "org.frontdesk.FrontDesk"

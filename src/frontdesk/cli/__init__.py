"""The headless tools clinic IT and the tests use: ``sandbox``, ``validate``, ``connect``,
``connections``, ``sync``, ``import``, ``export``, ``settings``, ``staff``, ``audit``. Each
prints plain words or JSON and exits non-zero on failure, never a traceback.

``SUBCOMMANDS`` lives here, light, so that starting the desk need not import the tools.
"""

SUBCOMMANDS = (
    "sandbox",
    "validate",
    "connect",
    "connections",
    "sync",
    "import",
    "export",
    "settings",
    "staff",
    "audit",
)

"""Independent emulators of the remote booking APIs, served over real HTTP on loopback.

Written from the vendors' docs and docs/providers.md, apart from `frontdesk.rules`, so tests
can compare the two. `SandboxServer` runs them; `huskyvoice` is the first API emulated.
"""

from frontdesk.sandbox.server import SandboxServer

__all__ = ["SandboxServer"]

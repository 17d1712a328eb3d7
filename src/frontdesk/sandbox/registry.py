"""Every emulated API, in the order the demo and `frontdesk sandbox` serve them.

A new emulator is a package under `sandbox/` exporting `EMULATOR`, and one line here.
"""

from __future__ import annotations

from frontdesk.sandbox import carevalidate, huskyvoice, meetergo, vantax, vastal
from frontdesk.sandbox.emulator import Emulator

EMULATORS: dict[str, Emulator] = {
    emulator.name: emulator
    for emulator in (
        huskyvoice.EMULATOR,
        vantax.EMULATOR,
        vastal.EMULATOR,
        meetergo.EMULATOR,
        carevalidate.EMULATOR,
    )
}

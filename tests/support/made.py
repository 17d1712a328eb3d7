"""Waiting for the desk's changes: they are made off the GUI thread (ui/desk_ops.py), so a
test that saves, moves or marks waits until the change was made and told, as a receptionist
waits for the dialog to close."""

from __future__ import annotations

from typing import Any


def made(widget: Any) -> None:
    """Serve events until every change asked for from ``widget``'s window was made."""
    from frontdesk.ui.desk_ops import ops_for

    assert ops_for(widget, widget.context).wait(), "a desk change did not finish in time"

"""VantaX's list endpoints' shared parts, written from ``/pagination`` and the list pages.

Owns the cursor page (``limit``, ``starting_after`` → ``pagination{total, limit, has_more,
next_cursor}``) and the ``sub_account_id`` every resource list takes. ``limit`` above 100 is
clamped to 100, as documented; below 1 or not a number → 422 (ours: undocumented). An unknown
``starting_after`` "is rejected rather than silently ignored" (status undocumented: ours 422).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from frontdesk.sandbox.vantax.rules import Answer, invalid, not_found

DEFAULT_LIMIT, MAX_LIMIT = 20, 100


def scope_errors(params: Mapping[str, str]) -> list[tuple[str, str]]:
    """The list pages mark ``sub_account_id`` required (the auth page says it is implied by
    the key; the sandbox follows the list pages)."""
    if params.get("sub_account_id", "").strip():
        return []
    return [("sub_account_id", "sub_account_id is required")]


def check_scope(params: Mapping[str, str], own: str) -> None:
    """404 for another sub-account than the key's: "not visible to the account derived from
    your key" (``/errors``)."""
    asked = params["sub_account_id"]
    if asked != own:
        raise not_found(f"Sub-account {asked} not found")


def page(
    items: Sequence[dict[str, Any]], params: Mapping[str, str], errors: list[tuple[str, str]]
) -> Answer:
    """One cursor page of `items` (already filtered and sorted); 422 on bad parameters."""
    limit = DEFAULT_LIMIT
    if "limit" in params:
        text = params["limit"]
        if text.isascii() and text.isdigit() and int(text) >= 1:
            limit = min(int(text), MAX_LIMIT)
        else:
            errors.append(("limit", "limit must be a whole number from 1 to 100"))
    start = 0
    if "starting_after" in params:
        ids = [item["id"] for item in items]
        if params["starting_after"] in ids:
            start = ids.index(params["starting_after"]) + 1
        else:
            errors.append(("starting_after", "starting_after does not match any item"))
    if errors:
        raise invalid(errors)
    chunk = list(items[start : start + limit])
    more = start + limit < len(items)
    pagination: dict[str, Any] = {"total": len(items), "limit": limit, "has_more": more}
    if more and chunk:
        pagination["next_cursor"] = chunk[-1]["id"]
    return Answer(200, {"success": True, "data": chunk, "pagination": pagination})

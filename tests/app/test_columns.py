"""The clinic's columns as the desk reads and saves them, on SQLite and PostgreSQL: a view's
columns whatever booking system stands behind each (two connections' resources in one column,
hidden columns never, unmapped resources in "Everything" so nothing disappears, a removed view
falls back to "Everything"); a save is an administrator's, checked field by field in words,
audited with what changed, and refused when another desk saved meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from frontdesk.app import columns as clinic_columns
from frontdesk.app.columns import ColumnsRefused, desk_columns, with_unmapped
from frontdesk.app.context import AppContext
from frontdesk.app.desk import ResourceInfo, resources
from frontdesk.app.paths import Paths
from frontdesk.app.staff import NotAllowed, Role
from frontdesk.domain.audit import AuditFilter
from frontdesk.domain.columns import (
    EVERYTHING,
    ClinicColumn,
    ColumnKind,
    ColumnSetup,
    ColumnView,
    changes_of,
)
from frontdesk.storage.repo import ConnectionRecord
from support.clinic import MAIN, NORTH, make_catalog
from support.staff import sign_in_admin

HUSKY = ("husky", MAIN)
HUSKY_NORTH = ("husky", NORTH)
MEETERGO = ("meetergo", "host-berger")
API = [
    ResourceInfo(HUSKY, "Main Branch", "HuskyVoice"),
    ResourceInfo(HUSKY_NORTH, "North Branch", "HuskyVoice"),
    ResourceInfo(MEETERGO, "Dr. Anna Berger", "meetergo", "host", "#ff0000"),
]
BERGER = ClinicColumn("berger", "Dr. Berger", ColumnKind.PROVIDER)
CHAIR = ClinicColumn("chair", "Hygiene chair", ColumnKind.CHAIR, "#12b5cb")
SETUP = ColumnSetup(
    (CHAIR, BERGER),
    {MEETERGO: "berger", HUSKY: "berger"},
    (ColumnView("v", "Dr. Berger's week", ("berger",)),),
)


def test_a_column_shows_every_resource_mapped_to_it_whatever_the_booking_system() -> None:
    shown = desk_columns(SETUP, API, EVERYTHING)
    assert [(c.name, c.connection_name) for c in shown] == [
        ("Hygiene chair", "Chairs"),
        ("Dr. Berger", "Providers"),
        ("North Branch", "HuskyVoice"),  # mapped nowhere: its own column, as before
    ]
    berger = shown[1]
    assert berger.keys == (HUSKY, MEETERGO)  # in the booking systems' order
    assert berger.color == "#ff0000"  # no colour of its own: its first resource's
    assert shown[0].keys == ()  # no resource behind it yet: an empty column
    assert shown[2].keys == (HUSKY_NORTH,)


def test_a_view_shows_its_columns_in_its_order_and_never_a_hidden_one() -> None:
    (only,) = desk_columns(SETUP, API, "v")
    assert only.name == "Dr. Berger" and set(only.keys) == {HUSKY, MEETERGO}
    both = ColumnSetup(SETUP.columns, SETUP.mapping, (ColumnView("w", "W", ("berger", "chair")),))
    assert [c.name for c in desk_columns(both, API, "w")] == ["Dr. Berger", "Hygiene chair"]
    hidden = ColumnSetup((CHAIR, ClinicColumn("berger", "Dr. Berger", hidden=True)), SETUP.mapping)
    assert [c.name for c in desk_columns(hidden, API, EVERYTHING)] == [
        "Hygiene chair",
        "North Branch",
    ]
    assert [c.name for c in desk_columns(hidden, API, "gone")][:1] == ["Hygiene chair"]
    # no clinic columns at all: the booking systems' resources, as the desk always showed them
    assert desk_columns(ColumnSetup(), API, EVERYTHING) == API


def test_a_column_for_each_unmapped_resource() -> None:
    found = with_unmapped(SETUP, API)
    assert [c.name for c in found.columns] == ["Hygiene chair", "Dr. Berger", "North Branch"]
    assert found.mapping[HUSKY_NORTH] == found.columns[2].id
    assert found.columns[2].kind is ColumnKind.ROOM  # a branch is a place
    clash = with_unmapped(ColumnSetup((ClinicColumn("x", "North Branch"),)), API[1:2])
    assert clash.columns[1].name == "North Branch (HuskyVoice)"


def test_the_audit_words_name_only_what_changed() -> None:
    names = {HUSKY: "Main Branch (HuskyVoice)"}
    renamed = ColumnSetup(
        (CHAIR, ClinicColumn("berger", "Dr. B. Berger")),
        {MEETERGO: "berger"},
        SETUP.views,
    )
    assert changes_of(SETUP, renamed, names) == {
        "column Dr. B. Berger": ["Dr. Berger (provider)", "Dr. B. Berger (provider)"],
        "resource Main Branch (HuskyVoice)": ["Dr. Berger", None],
    }
    assert changes_of(SETUP, SETUP, names) == {}  # (the view still lists the same column)


@pytest.fixture
def context(store_url: str, tmp_path: Path) -> Iterator[AppContext]:
    made = AppContext(
        Paths.resolve(tmp_path / "p"), use_keyring=False, connect=False, database_url=store_url
    )
    made.repo.catalogs.add_connection(
        ConnectionRecord("husky", "HuskyVoice", "huskyvoice", "http://127.0.0.1:9/v1", {}, None)
    )
    made.repo.catalogs.save_catalog("husky", make_catalog([date(2027, 6, 15)]), [date(2027, 6, 15)])
    sign_in_admin(made)
    try:
        yield made
    finally:
        made.close()


def test_an_administrator_saves_and_the_audit_line_says_what_changed(
    context: AppContext,
) -> None:
    api = resources(context)
    assert sorted(r.key for r in api) == sorted([HUSKY, HUSKY_NORTH])
    setup = ColumnSetup(
        (ClinicColumn("berger", "  Dr.   Berger ", ColumnKind.PROVIDER, "#1a73e8"),),
        {HUSKY: "berger", HUSKY_NORTH: "berger"},
        (ColumnView("v", "Berger", ("berger", "berger")),),
    )
    saved = clinic_columns.save(context, setup)
    assert saved.columns[0].name == "Dr. Berger"  # spaces tidied
    assert saved.views[0].columns == ("berger",)  # once
    assert [c.name for c in desk_columns(saved, api)] == ["Dr. Berger"]
    (line,) = context.repo.audit.audit_page(AuditFilter(event="columns changed"))
    assert line.staff == "Test Admin"
    assert line.changes["column Dr. Berger"] == [None, "Dr. Berger (provider, #1a73e8)"]
    assert line.changes["resource Branch Uuid Here (HuskyVoice)"] == [None, "Dr. Berger"]
    assert clinic_columns.save(context, saved) == saved  # nothing changed: nothing written
    assert len(context.repo.audit.audit_page(AuditFilter(event="columns changed"))) == 1


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        (ColumnSetup((ClinicColumn("a", "  "),)), "Column name: every column needs a name"),
        (
            ColumnSetup((ClinicColumn("a", "Dr. X"), ClinicColumn("b", "dr. x"))),
            "there are two columns named 'dr. x'",
        ),
        (ColumnSetup((ClinicColumn("a", "Dr. X", color="red"),)), "Colour of 'Dr. X'"),
        (ColumnSetup((), {}, (ColumnView("v", "Everything"),)), "already a view named"),
        (ColumnSetup((), {}, (ColumnView("v", ""),)), "View name: every view needs a name"),
    ],
)
def test_a_setup_that_cannot_be_saved_is_refused_in_words(
    context: AppContext, setup: ColumnSetup, words: str
) -> None:
    with pytest.raises(ColumnsRefused, match=words):
        clinic_columns.save(context, setup)
    assert clinic_columns.setup(context) == ColumnSetup()


def test_only_an_administrator_saves_and_an_older_setup_is_refused(context: AppContext) -> None:
    read_before = clinic_columns.setup(context)
    clinic_columns.save(context, ColumnSetup((BERGER,)))
    with pytest.raises(ColumnsRefused, match="Another desk changed the clinic's columns"):
        clinic_columns.save(context, ColumnSetup((CHAIR,), {}, (), read_before.revision))
    context.staff.add_staff("Rita Desk", Role.STAFF, "1357")
    context.staff.sign_in("Rita Desk", "1357")
    with pytest.raises(NotAllowed, match="Only an administrator can change the clinic's columns"):
        clinic_columns.save(context, clinic_columns.setup(context))
    assert clinic_columns.setup(context).columns == (BERGER,)


def test_what_a_view_hides_and_the_names_and_colours_resources_take() -> None:
    shown = desk_columns(SETUP, API, "v")  # Dr. Berger alone
    assert clinic_columns.hidden_resources(API, shown) == frozenset({HUSKY_NORTH})
    assert clinic_columns.hidden_resources(API, desk_columns(SETUP, API)) == frozenset()
    names, colors = clinic_columns.labels(API, desk_columns(SETUP, API))
    assert names[HUSKY] == names[MEETERGO] == "Dr. Berger"  # the clinic's name
    assert names[HUSKY_NORTH] == "North Branch"  # in no column: its own
    assert colors[MEETERGO] == "#ff0000" and colors[HUSKY_NORTH] is None
    # each clinic column is named by its own key too (a blockout of one says whose it is),
    # a column of no view shown among them where the setup is given
    names, _ = clinic_columns.labels(API, shown, SETUP)
    assert names[("@clinic", "berger")] == "Dr. Berger"
    assert names[("@clinic", "chair")] == "Hygiene chair"  # not in the view shown

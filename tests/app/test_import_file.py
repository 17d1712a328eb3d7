"""Reading an import's file (``app.import_file``): the encodings and delimiters spreadsheets
write, quoted line breaks kept, rows numbered as a spreadsheet shows them, and what refuses the
whole file (its header) apart from what refuses one row (a NUL, a huge field, stray values)."""

from __future__ import annotations

import codecs
import csv
from pathlib import Path

import pytest

from frontdesk.app.import_file import MAX_FIELD_CHARS, CsvFile, ImportFileError, read_csv
from frontdesk.app.import_rows import COLUMNS, REQUIRED

HEADER = ["service", "start", "patient_name", "notes"]
ROW = ["General Checkup", "2027-03-02 10:00", "José Müller", "café"]


def read(path: Path, data: bytes) -> CsvFile:
    path.write_bytes(data)
    return read_csv(path, COLUMNS, REQUIRED)


def text_of(rows: list[list[str]], delimiter: str = ",") -> str:
    return "\n".join(delimiter.join(row) for row in rows) + "\n"


@pytest.mark.parametrize(
    ("encoded", "said"),
    [
        (lambda t: t.encode("utf-8"), "UTF-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "UTF-8 with BOM"),
        (lambda t: t.encode("utf-16"), "UTF-16"),  # with its BOM (this machine's order)
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "UTF-16"),
        (lambda t: t.encode("cp1252"), "Windows-1252"),  # Excel's "CSV" on Windows
    ],
)
def test_the_encoding_is_found_and_said(tmp_path: Path, encoded, said: str) -> None:  # type: ignore[no-untyped-def]
    found = read(tmp_path / "f.csv", encoded(text_of([HEADER, ROW])))
    assert found.encoding == said
    assert found.read_as() == f"{said}, comma-separated"
    assert found.fieldnames == HEADER
    assert [row.raw for row in found.rows] == [dict(zip(HEADER, ROW, strict=True))]


def test_bytes_no_windows_code_page_has_are_read_as_latin_1(tmp_path: Path) -> None:
    data = text_of([HEADER, ["x", "y", "Ana\x81", "z"]]).encode("latin-1")  # 0x81: no cp1252
    found = read(tmp_path / "f.csv", data)
    assert found.encoding == "Latin-1"
    assert found.rows[0].raw["patient_name"] == "Ana\x81"


def test_a_byte_order_mark_the_bytes_belie_refuses_the_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFileError, match="starts as UTF-16 text but is not"):
        read(tmp_path / "f.csv", codecs.BOM_UTF16_LE + b"s\x00e\x00r")


@pytest.mark.parametrize(("delimiter", "name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")])
def test_the_delimiter_is_the_headers(tmp_path: Path, delimiter: str, name: str) -> None:
    # the other delimiters inside quotes (the header's too) do not outvote its own
    header = ['"service"', "start", '"patient_name"', '"notes,;\t"']
    row = ["General Checkup", "2027-03-02 10:00", '"Müller, José"', '"a;b,c\td"']
    data = text_of([header, row], delimiter).encode()
    with pytest.raises(ImportFileError, match="unknown column 'notes,;"):
        read(tmp_path / "f.csv", data)
    header[3] = "notes"
    found = read(tmp_path / "f.csv", text_of([header, row], delimiter).encode())
    assert (found.delimiter, found.read_as()) == (delimiter, f"UTF-8, {name}-separated")
    assert found.rows[0].raw["patient_name"] == "Müller, José"
    assert found.rows[0].raw["notes"] == "a;b,c\td"
    assert found.rows[0].problem is None


def test_excels_sep_line_says_the_delimiter(tmp_path: Path) -> None:
    found = read(tmp_path / "f.csv", ("sep=;\n" + text_of([HEADER, ROW], ";")).encode())
    assert found.delimiter == ";"
    assert [r.number for r in found.rows] == [3]


def test_rows_are_numbered_as_the_spreadsheet_shows_them(tmp_path: Path) -> None:
    data = (
        b"\r\n"  # line 1: blank, before the header
        b"service,start,patient_name,notes\r\n"  # 2
        b'General Checkup,2027-03-02 10:00,Ann,"line one\r\nline two"\r\n'  # 3-4
        b"\r\n"  # 5
        b",,,\r\n"  # 6: a row of empty cells, as spreadsheets write them: skipped
        b'General Checkup,2027-03-02 11:00,Ben,"a\nb\nc"\r\n'  # 7-9
        b"General Checkup,bad,Cat,\r\n"  # 10
    )
    found = read(tmp_path / "f.csv", data)
    assert [row.number for row in found.rows] == [3, 7, 10]
    assert found.rows[0].raw["notes"] == "line one\r\nline two"  # the break kept
    assert found.rows[1].raw["notes"] == "a\nb\nc"


def test_a_column_named_twice_refuses_the_file_and_is_named(tmp_path: Path) -> None:
    data = text_of([[*HEADER, "Patient Name"], [*ROW, "Other"]]).encode()
    with pytest.raises(ImportFileError, match=r"'patient_name' is named twice.*columns 3 and 5"):
        read(tmp_path / "f.csv", data)


@pytest.mark.parametrize(
    ("data", "why"),
    [
        (b"", "the file is empty"),
        (b"\n\n,,\n", "the file is empty"),
        (b"sep=;\n", "the file is empty"),
        (b"service\x00,start\n", "NUL character"),
        (b"service,start,who\n", "unknown column 'who'"),
        (b"service,patient_name\n", "no 'start' column"),
        (bytes(range(256)) * 4, "NUL character"),  # no text at all
    ],
)
def test_a_header_no_row_can_be_read_by_refuses_the_file(
    tmp_path: Path, data: bytes, why: str
) -> None:
    with pytest.raises(ImportFileError, match=why):
        read(tmp_path / "f.csv", data)


def test_a_nul_a_huge_field_and_stray_values_refuse_their_own_row(tmp_path: Path) -> None:
    huge = "x" * (MAX_FIELD_CHARS + 1)  # beyond csv's own default limit (131,072) too
    rows = [
        HEADER,
        ["General Checkup", "2027-03-02 10:00", "Ann\x00a", "n"],  # 2
        ["General Checkup", "2027-03-02 10:00", "Ben", huge],  # 3
        ["General Checkup", "2027-03-02 10:00", "Cat", "n", "stray"],  # 4
        ["General Checkup", "2027-03-02 10:00", "Dan", "n", " ", ""],  # 5: blank extras
        ["General Checkup", "2027-03-02 10:00", "Eve"],  # 6: short
        ["General Checkup", "2027-03-02 10:00", "Fay", "x" * MAX_FIELD_CHARS],  # 7: at the limit
    ]
    found = read(tmp_path / "f.csv", text_of(rows).encode())
    problems = {row.number: row.problem for row in found.rows}
    assert problems[2] == ("patient_name", "holds a NUL character; remove it")
    assert problems[3] == ("notes", "is longer than 131,072 characters; shorten it")
    assert problems[4] is not None and problems[4][0] == "row"
    assert "column 5 has a value but no name" in problems[4][1]
    assert problems[5] is problems[6] is problems[7] is None
    assert found.rows[4].raw["notes"] is None  # as csv.DictReader gives a short row
    assert csv.field_size_limit() > MAX_FIELD_CHARS  # raised for the file, never lowered


def test_a_quote_never_closed_refuses_the_row_it_opens_in(tmp_path: Path) -> None:
    data = text_of(
        [
            HEADER,
            ["General Checkup", "2027-03-02 10:00", "Ann", "n"],
            ["General Checkup", "2027-03-02 10:00", "Ben", '"open'],  # 3: swallows the rest
            ["General Checkup", "2027-03-02 11:00", "Cat", "n"],
        ]
    ).encode()
    found = read(tmp_path / "f.csv", data)
    assert [r.number for r in found.rows] == [2, 3]
    assert found.rows[0].problem is None
    assert found.rows[1].problem is not None
    assert "never closed" in found.rows[1].problem[1]

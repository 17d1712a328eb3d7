"""Reading an import's CSV file: its encoding, delimiter, header and rows, each row numbered as
a spreadsheet shows it, with what makes a row unusable before any rule looks at it.

The encoding is read from the bytes: a byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8
when the bytes are UTF-8, else Windows-1252 as Excel writes "CSV" on Windows, else Latin-1
(every byte is a character). The delimiter is the one of ``,`` ``;`` and tab the header row
uses most (outside quotes); Excel's ``sep=;`` first line says it outright. The text is parsed
by ``csv`` as it stands (quoted line breaks kept), and a row's number is the physical line its
first line is on, the header's counted as 1 and blank lines counted.

The file as a whole is refused (:class:`ImportFileError`) only where no row can be read: it
cannot be opened or decoded, it is larger than :data:`MAX_FILE_BYTES` (20 MB; no more than a
byte past that is ever read), it is empty, its header holds a NUL, names a column twice, names
an unknown column or lacks a required one. Anything else refuses its own row only
(:attr:`FileRow.problem`: the column and why, never the value): more values than named
columns, a NUL character, a field longer than :data:`MAX_FIELD_CHARS`, a quote never closed.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from frontdesk.domain.translation import QT_TRANSLATE_NOOP, translate

MAX_FIELD_CHARS = 128 * 1024  # a field longer than this refuses its row (no column needs it)
MAX_FILE_BYTES = 20 * 2**20  # a larger file is refused whole (thousands of times a clinic's)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)  # none on Windows
DELIMITERS = (",", ";", "\t")
SEPARATED = {
    ",": QT_TRANSLATE_NOOP("Import", "comma-separated"),
    ";": QT_TRANSLATE_NOOP("Import", "semicolon-separated"),
    "\t": QT_TRANSLATE_NOOP("Import", "tab-separated"),
}
# (byte-order mark, codec, what the summary calls it); UTF-32's first: its LE mark starts as
# UTF-16's does
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8 with BOM"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_QUOTED = re.compile(r'"[^"]*"')
# A raw row as ``csv.DictReader`` makes it (its booking id is made of it): each named column's
# value (None where the row is short), and the values beyond the header under None
RawRow = dict[str | None, str | list[str] | None]


class ImportFileError(Exception):
    """The file as a whole cannot be read; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class FileRow:
    number: int  # the physical line the row starts on (the header's is 1, blank lines count)
    raw: RawRow
    problem: tuple[str, str] | None = None  # (column, why) when the row cannot be used


@dataclass(frozen=True, slots=True)
class CsvFile:
    encoding: str  # as the summary says it: "UTF-8", "Windows-1252", ...
    delimiter: str
    fieldnames: list[str]
    rows: list[FileRow]

    def read_as(self) -> str:
        """How the file was read, for the summary: "UTF-8, comma-separated"."""
        separated = translate("Import", SEPARATED[self.delimiter])
        return translate("Import", "{encoding}, {separated}").format(
            encoding=self.encoding, separated=separated
        )


def _file_error(said: str) -> ImportFileError:
    return ImportFileError(f"FILE.csv: {said}")


def decode(data: bytes) -> tuple[str, str]:
    """The text of ``data`` and the encoding it was read in (as the summary says it)."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), label
            except UnicodeDecodeError:
                said = translate(
                    "Import",
                    "it starts as {encoding} text but is not; save it as 'CSV UTF-8' and "
                    "import it again",
                )
                raise _file_error(said.format(encoding=label)) from None
    for codec, label in (("utf-8", "UTF-8"), ("cp1252", "Windows-1252")):
        try:
            return data.decode(codec), label
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1"), "Latin-1"


def delimiter_of(header: str) -> str:
    """The delimiter the header row uses most, outside quotes (a comma if none)."""
    bare = _QUOTED.sub("", header)
    counts = [(bare.count(d), -n, d) for n, d in enumerate(DELIMITERS)]
    best = max(counts)
    return best[2] if best[0] else ","


def read_csv(path: Path, known: Collection[str], required: Sequence[str]) -> CsvFile:
    """The file's rows; raises :class:`ImportFileError` when none can be read. ``known``: the
    columns (as :func:`column_key` makes them), ``required``: those the header must name."""
    text, encoding = decode(read_limited(path))
    lines = io.StringIO(text, newline="").readlines()
    first = 0  # the header's line (0-based): blank lines before it are skipped
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first == len(lines):
        said = translate("Import", "the file is empty; the first row must name the columns")
        raise _file_error(said)
    sep = lines[first].strip()
    if sep.lower().startswith("sep=") and len(sep) == 5 and sep[4] in DELIMITERS:
        delimiter, first = sep[4], first + 1  # Excel's "sep=;" line
    else:
        delimiter = delimiter_of(lines[first])
    records = _parse(lines, first, delimiter)
    header = records.pop(0)[1] if records else []
    fieldnames = _check_header(header, known, required)
    # a row is looked into only where something in the file can be wrong with it
    careful = "\0" in text or len(text) > MAX_FIELD_CHARS or not all(n.strip() for n in header)
    return CsvFile(encoding, delimiter, fieldnames, _rows(records, fieldnames, careful))


def read_limited(path: Path) -> bytes:
    """The file's bytes, at most :data:`MAX_FILE_BYTES`: never more than one byte past the
    limit is read, so a device that never ends (``/dev/zero``) is refused as too large at
    once, and a named pipe no one writes to reads as empty instead of waiting."""
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once; reads then block again
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | _NONBLOCK)
        if _NONBLOCK:
            os.set_blocking(fd, True)
        with open(fd, "rb") as file:  # a buffered read of n bytes reads until n, or the end
            data = file.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        why = exc.strerror or str(exc)
        said = translate("Import", "cannot read {path}: {why}").format(path=path, why=why)
        raise _file_error(said) from None
    if len(data) > MAX_FILE_BYTES:
        said = translate(
            "Import",
            "{path} is larger than {limit} MB, the most an import reads; a clinic's bookings "
            "file is far smaller: check that it is the right file, or split it",
        )
        raise _file_error(said.format(path=path, limit=MAX_FILE_BYTES // 2**20))
    return data


def column_key(name: str) -> str:
    """A header's name as the import knows it: case and spaces ignored."""
    return name.strip().lower().replace(" ", "_").replace("-", "_")


def _parse(lines: list[str], first: int, delimiter: str) -> list[tuple[int, list[str], bool]]:
    """Each record from line ``first`` on: its first line's number, its values, and whether
    a quote opened in it is never closed (it ran to the end of the file)."""
    # no field is longer than the file; a field over MAX_FIELD_CHARS refuses its row, later
    length = sum(len(line) for line in lines) + 1
    if csv.field_size_limit() < length:
        csv.field_size_limit(min(length, 2**31 - 1))
    reader = csv.reader(iter(lines[first:]), delimiter=delimiter)
    found: list[tuple[int, list[str], bool]] = []
    start = reader.line_num
    try:
        for values in reader:
            found.append((first + start + 1, values, False))
            start = reader.line_num
    except csv.Error as exc:  # none known, as read (not strict, no field over the limit)
        said = translate("Import", "it cannot be read as CSV ({why})").format(why=exc)
        raise _file_error(said) from None
    last = found[-1][0] if found else len(lines)
    if last < len(lines) and _unclosed("".join(lines[last - 1 :]), delimiter):
        number, values, _ = found[-1]
        found[-1] = (number, values, True)
    return found


def _unclosed(record: str, delimiter: str) -> bool:
    """Whether ``record`` (the last one, to the end of the file) ends inside a quote."""
    try:
        for _ in csv.reader(io.StringIO(record, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "end of data" in str(exc)
    return False


def _check_header(header: list[str], known: Collection[str], required: Sequence[str]) -> list[str]:
    if any("\0" in name for name in header):
        said = translate(
            "Import",
            "the first row holds a NUL character: this is not CSV text (a UTF-16 file needs "
            "its byte-order mark); save it as 'CSV UTF-8' and import it again",
        )
        raise _file_error(said)
    if not any(name.strip() for name in header):
        said = translate("Import", "the file is empty; the first row must name the columns")
        raise _file_error(said)
    seen: dict[str, int] = {}
    for n, name in enumerate(header, start=1):
        key = column_key(name)
        if not key:
            continue  # a column without a name: its values refuse their rows
        if key in seen:
            said = translate(
                "Import",
                "the column {name} is named twice in the first row (columns {one} and "
                "{two}); keep one of them",
            )
            raise _file_error(said.format(name=repr(key), one=seen[key], two=n))
        if key not in known:
            said = translate("Import", "unknown column {name}; the columns are {columns}")
            raise _file_error(said.format(name=repr(name), columns=", ".join(known)))
        seen[key] = n
    missing = [name for name in required if name not in seen]
    if missing:
        said = translate("Import", "the header has no {name} column")
        raise _file_error(said.format(name=repr(missing[0])))
    return header


def _rows(
    records: list[tuple[int, list[str], bool]], fieldnames: list[str], careful: bool
) -> list[FileRow]:
    """The rows holding a value; ``careful``: the file holds a NUL, a field may be too long or
    a column has no name (else only a row with more values than columns is looked into)."""
    rows: list[FileRow] = []
    width = len(fieldnames)
    for number, values, unclosed in records:
        if not any(v.strip() for v in values):
            continue  # a blank line, or a row of empty cells
        raw: RawRow = dict(zip(fieldnames, values, strict=False))
        if len(values) > width:
            raw[None] = values[width:]
        for name in fieldnames[len(values) :]:
            raw[name] = None
        looked = careful or unclosed or len(values) > width
        rows.append(
            FileRow(number, raw, _problem(values, fieldnames, unclosed) if looked else None)
        )
    return rows


def _problem(values: list[str], fieldnames: list[str], unclosed: bool) -> tuple[str, str] | None:
    """Why the row cannot be used as read (the column, and what to fix), or None."""
    if unclosed:
        said = translate(
            "Import",
            'a quote (") opened in this row is never closed, so the rest of the file was read '
            "as one value; close the quote",
        )
        return "row", said
    for n, value in enumerate(values):
        named = n < len(fieldnames) and fieldnames[n].strip()
        if not named and value.strip():
            said = translate(
                "Import",
                "column {n} has a value but no name in the first row (check the delimiter "
                "and the quotes)",
            )
            return "row", said.format(n=n + 1)
    for name, value in zip(fieldnames, values, strict=False):
        if "\0" in value:
            said = translate("Import", "holds a NUL character; remove it")
            return column_key(name), said
        if len(value) > MAX_FIELD_CHARS:
            said = translate("Import", "is longer than {limit:,} characters; shorten it")
            return column_key(name), said.format(limit=MAX_FIELD_CHARS)
    return None

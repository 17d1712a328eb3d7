"""The desk's translations: find its words in the sources and compile the translations.

``update`` runs Qt's ``lupdate`` over the package (the screens' ``self.tr("...")`` and the
other layers' ``translate("Context", "...")``) and updates every language's Qt Linguist file in
``src/frontdesk/translations/`` (new words appear unfinished; words no longer in the sources are
dropped). A translator then fills them in with Qt Linguist (``pyside6-linguist``) or an editor.

``release DIR`` compiles each ``.ts`` to ``DIR/frontdesk_<code>.qm`` with Qt's ``lrelease``
(the packaging step does it, so the installers carry compiled translations) and prints how
much of each language is translated.

``merge CODE TABLE.json`` fills a language from a JSON table ``{context: {source: text}}``.

Run: ``uv run python packaging/translations.py update`` / ``... release build/translations``
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
PACKAGE = ROOT / "src" / "frontdesk"
TS_DIR = PACKAGE / "translations"
LANGUAGES = ("de", "hi")
# what a receptionist never reads: the emulated booking systems and the headless tools
SKIPPED = ("sandbox", "cli")


def qt_tool(name: str) -> str:
    import PySide6

    folder = Path(PySide6.__file__).resolve().parent
    tool = folder / (f"{name}.exe" if sys.platform == "win32" else name)
    if not tool.exists():
        raise SystemExit(f"Qt's {name} is not in {folder}; install PySide6 (uv sync)")
    return str(tool)


def sources() -> list[str]:
    return sorted(
        str(path)
        for path in PACKAGE.rglob("*.py")
        if not any(part in SKIPPED for part in path.relative_to(PACKAGE).parts[:1])
    )


def update() -> None:
    listing = ROOT / "build" / "translation-sources.txt"
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text("\n".join(sources()) + "\n", encoding="utf-8")
    for code in LANGUAGES:
        ts = TS_DIR / f"frontdesk_{code}.ts"
        subprocess.run(
            [qt_tool("lupdate"), "-no-obsolete", "-locations", "none", f"@{listing}",
             "-target-language", code, "-ts", str(ts)],
            check=True,
        )  # fmt: skip


def progress(ts: Path) -> tuple[int, int]:
    """(translated, all) messages of a ``.ts`` file."""
    messages = ET.parse(ts).getroot().iter("message")
    total = done = 0
    for message in messages:
        total += 1
        found = message.find("translation")
        if found is not None and found.get("type") not in ("unfinished", "vanished", "obsolete"):
            done += 1
    return done, total


def release(target: Path) -> list[Path]:
    target.mkdir(parents=True, exist_ok=True)
    made = []
    for code in LANGUAGES:
        ts = TS_DIR / f"frontdesk_{code}.ts"
        qm = target / f"frontdesk_{code}.qm"
        subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        done, total = progress(ts)
        print(f"{code}: {done} of {total} messages translated -> {qm}")
        made.append(qm)
    return made


def merge(code: str, table: Path) -> int:
    """Fill ``code``'s ``.ts`` from a JSON table ``{context: {source: translation}}`` (what a
    translator hands back outside Qt Linguist); returns how many messages it filled. Sources
    the table does not name are left as they are."""
    import json

    given: dict[str, dict[str, str]] = json.loads(table.read_text(encoding="utf-8"))
    ts = TS_DIR / f"frontdesk_{code}.ts"
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = given.get(name, {}).get(message.findtext("source") or "")
            found = message.find("translation")
            if text is None or found is None or message.get("numerus") == "yes":
                continue
            found.text = text
            found.attrib.pop("type", None)
            filled += 1
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")
    return filled


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="update the .ts files from the sources")
    compile_ = commands.add_parser("release", help="compile the .ts files into a folder")
    compile_.add_argument("target", type=Path)
    fill = commands.add_parser("merge", help="fill a language's .ts from a JSON table")
    fill.add_argument("code", choices=LANGUAGES)
    fill.add_argument("table", type=Path)
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    elif args.command == "merge":
        print(f"{args.code}: {merge(args.code, args.table)} messages filled")
    else:
        release(args.target)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

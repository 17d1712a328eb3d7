"""The app icon in every format an installer or an OS asks for, made from the one SVG we ship.

Owns rendering ``resources/icons/frontdesk.svg`` with Qt's ``QSvgRenderer`` (PySide6-Essentials,
already a dependency) into PNGs from 16 to 1024 px, and writing them into the two container
formats the platforms want:

- ``.ico`` (Windows executable, installer, Start menu, taskbar): 16-64 px as 32-bit DIBs with an
  AND mask, which every Windows shell and NSIS read, and 256 px as PNG, as Windows Vista+ does;
- ``.icns`` (macOS bundle, Finder, Dock): PNG entries ``ic07``-``ic14``, the types macOS 10.7+
  reads; on a Mac ``iconutil`` (Apple's own writer) is used instead when present.

Run on its own: ``python packaging/icons.py OUT_DIR`` writes them all to ``OUT_DIR``.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "frontdesk.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_PNG_FROM = 256  # entries this large are stored as PNG, smaller ones as DIB
# icns type → pixel size (PNG payloads); the @2x types carry the retina variant
ICNS_TYPES = (
    ("ic11", 32),  # 16@2x
    ("ic12", 64),  # 32@2x
    ("ic07", 128),
    ("ic13", 256),  # 128@2x
    ("ic08", 256),
    ("ic14", 512),  # 256@2x
    ("ic09", 512),
    ("ic10", 1024),  # 512@2x
)


_APP: list[object] = []  # the QGuiApplication, kept alive while icons are made


def _qt_ready() -> None:
    """Qt needs an application object to paint; a headless one will do."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if not _APP:
        _APP.append(QGuiApplication.instance() or QGuiApplication([sys.argv[0]]))


def render_pngs(svg: Path = SVG, sizes: tuple[int, ...] = PNG_SIZES) -> dict[int, bytes]:
    """The SVG rendered to square PNGs, keyed by size in pixels."""
    _qt_ready()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not a valid SVG")
    pngs: dict[int, bytes] = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        saved = image.save(buffer, "PNG")  # type: ignore[call-overload]  # stubs: bytes; runs: str
        if not saved:
            raise RuntimeError(f"could not encode the {size} px icon as PNG")
        buffer.close()
        pngs[size] = bytes(data.data())
    return pngs


def _dib(png: bytes) -> bytes:
    """A PNG as an ICO bitmap entry: BITMAPINFOHEADER, BGRA rows bottom-up, then the AND mask."""
    _qt_ready()
    from PySide6.QtGui import QImage

    image = QImage.fromData(png).convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    stride = image.bytesPerLine()
    raw = bytes(image.constBits())  # ARGB32 is B, G, R, A in memory on little-endian machines
    if sys.byteorder != "little":
        raise RuntimeError("writing ICO bitmaps assumes a little-endian machine")
    rows = [raw[y * stride : y * stride + width * 4] for y in range(height)]
    mask_stride = ((width + 31) // 32) * 4
    mask_rows = []
    for row in rows:
        bits = bytearray(mask_stride)
        for x in range(width):
            if row[x * 4 + 3] == 0:  # fully transparent: shown as background by old shells
                bits[x // 8] |= 0x80 >> (x % 8)
        mask_rows.append(bytes(bits))
    pixels = b"".join(reversed(rows))
    mask = b"".join(reversed(mask_rows))
    header = struct.pack(
        "<IiiHHIIiiII", 40, width, height * 2, 1, 32, 0, len(pixels) + len(mask), 0, 0, 0, 0
    )
    return header + pixels + mask


def ico_bytes(pngs: dict[int, bytes], sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows ``.ico`` holding one entry per size."""
    entries = [(size, pngs[size] if size >= ICO_PNG_FROM else _dib(pngs[size])) for size in sizes]
    offset = 6 + 16 * len(entries)
    directory = struct.pack("<HHH", 0, 1, len(entries))
    blobs = b""
    for size, blob in entries:
        dim = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return directory + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS ``.icns`` of PNG entries."""
    body = b"".join(
        kind.encode("ascii") + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
        for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def _iconutil_icns(pngs: dict[int, bytes], out: Path) -> bool:
    """Apple's own writer, on a Mac; False where it is not available."""
    iconutil = shutil.which("iconutil")
    if sys.platform != "darwin" or iconutil is None:
        return False
    with tempfile.TemporaryDirectory() as tmp:
        iconset = Path(tmp) / "FrontDesk.iconset"
        iconset.mkdir()
        for size in (16, 32, 128, 256, 512):
            (iconset / f"icon_{size}x{size}.png").write_bytes(pngs[size])
            (iconset / f"icon_{size}x{size}@2x.png").write_bytes(pngs[size * 2])
        subprocess.run([iconutil, "-c", "icns", "-o", str(out), str(iconset)], check=True)
    return True


def write_icons(out_dir: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write ``frontdesk-<size>.png``, ``frontdesk.ico`` and ``frontdesk.icns`` to ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    pngs = render_pngs(svg)
    written: dict[str, Path] = {}
    for size, data in pngs.items():
        path = out_dir / f"frontdesk-{size}.png"
        path.write_bytes(data)
        written[f"png{size}"] = path
    written["ico"] = out_dir / "frontdesk.ico"
    written["ico"].write_bytes(ico_bytes(pngs))
    written["icns"] = out_dir / "frontdesk.icns"
    if not _iconutil_icns(pngs, written["icns"]):
        written["icns"].write_bytes(icns_bytes(pngs))
    return written


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python packaging/icons.py OUT_DIR")
    for name, path in write_icons(Path(sys.argv[1])).items():
        print(f"{name}: {path}")

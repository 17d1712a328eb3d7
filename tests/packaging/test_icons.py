"""The icon files the installers and bundles carry: well-formed containers of the right sizes,
drawn from the shipped SVG."""

from __future__ import annotations

import struct
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtGui import QImageReader

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _png_size(data: bytes) -> tuple[int, int]:
    assert data.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def icons(
    qapp, icons_script: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:  # type: ignore[no-untyped-def]
    # qapp first: the script reuses a running QApplication instead of starting its own
    return icons_script.write_icons(tmp_path_factory.mktemp("icons"))  # type: ignore[no-any-return]


def test_pngs_at_every_size(icons: dict[str, Path], icons_script: ModuleType) -> None:
    for size in icons_script.PNG_SIZES:
        assert _png_size(icons[f"png{size}"].read_bytes()) == (size, size)


def test_the_ico_holds_bitmaps_and_a_png(icons: dict[str, Path], icons_script: ModuleType) -> None:
    data = icons["ico"].read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(icons_script.ICO_SIZES))
    for index, size in enumerate(icons_script.ICO_SIZES):
        entry = data[6 + 16 * index : 6 + 16 * (index + 1)]
        width, height, _colors, _zero, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", entry
        )
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        blob = data[offset : offset + length]
        assert len(blob) == length
        if size >= 256:
            assert _png_size(blob) == (256, 256)
        else:
            header = struct.unpack("<IiiHH", blob[:16])
            assert header == (40, size, 2 * size, 1, 32)  # height counts the AND mask
    reader = QImageReader(str(icons["ico"]))
    assert reader.imageCount() == len(icons_script.ICO_SIZES)
    for index, size in enumerate(icons_script.ICO_SIZES):
        assert reader.jumpToImage(index)
        image = reader.read()
        assert image.width() == size
        # the bitmap rows are stored bottom-up: the red cross sits below the middle
        assert image.pixelColor(size // 2, size * 5 // 8).red() > 200


def test_the_icns_holds_every_retina_size(icons: dict[str, Path], icons_script: ModuleType) -> None:
    data = icons["icns"].read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found: dict[str, tuple[int, int]] = {}
    at = 8
    while at < len(data):
        kind = data[at : at + 4].decode("ascii")
        length = struct.unpack(">I", data[at + 4 : at + 8])[0]
        found[kind] = _png_size(data[at + 8 : at + length])
        at += length
    assert at == len(data)
    assert found == {kind: (size, size) for kind, size in icons_script.ICNS_TYPES}

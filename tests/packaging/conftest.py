"""Loading the build scripts under packaging/, which sit outside the package on purpose, and
stand-ins for the signing tools (``support/fake_tools.py``) to run their control flow here."""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from support.fake_tools import FakeTools

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load_script(name: str) -> ModuleType:
    """``packaging/<name>.py`` as a module (its directory on sys.path, as when it is run)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    spec = importlib.util.spec_from_file_location(
        f"frontdesk_packaging_{name}", PACKAGING / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_script("build")


@pytest.fixture(scope="session")
def icons_script() -> ModuleType:
    return load_script("icons")


@pytest.fixture(scope="session")
def signing_script(build_script: ModuleType) -> ModuleType:
    """``packaging/signing.py`` as build.py imports it (one ``SigningError`` for both)."""
    return importlib.import_module("signing")


@pytest.fixture
def fake_tools(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeTools:
    """Stand-ins for the signing tools first on PATH, recording their calls (the real
    ``file``, ``find`` and ``base64`` stay usable)."""
    if sys.platform == "win32":
        pytest.skip("the stand-ins are scripts run through their #! line")
    tools = FakeTools(tmp_path / "fake-tools")
    monkeypatch.setenv("PATH", f"{tools.bin}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("FAKE_TOOLS_LOG", str(tools.log))
    return tools

"""Every vendor example kept under tests/fixtures/vendor/ names its page, that page is cited in
docs/providers.md, and each API's own vendor-examples test reads every one of its fixtures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontdesk.providers.registry import PROVIDERS

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "vendor"
DOC = (ROOT / "docs" / "providers.md").read_text(encoding="utf-8")


def _fixtures(api: str) -> list[Path]:
    return sorted((FIXTURES / api).glob("*.json"))


@pytest.mark.parametrize("api", sorted(PROVIDERS))
def test_every_api_keeps_its_vendors_examples(api: str) -> None:
    assert _fixtures(api), f"no vendor examples for {api}"


@pytest.mark.parametrize("api", sorted(PROVIDERS))
def test_each_example_names_a_page_cited_in_the_docs(api: str) -> None:
    for path in _fixtures(api):
        example = json.loads(path.read_text(encoding="utf-8"))
        source = example["source"]
        assert source.startswith("https://"), path.name
        assert "body" in example, path.name
        bare = source.rstrip("/")
        assert bare in DOC, f"{path.name}: {source} is not cited in docs/providers.md"


@pytest.mark.parametrize("api", sorted(PROVIDERS))
def test_each_example_is_read_by_the_apis_own_test(api: str) -> None:
    test = (ROOT / "tests" / "providers" / f"test_{api}_vendor_examples.py").read_text()
    for path in _fixtures(api):
        assert path.name in test or path.stem in test, f"{path.name} is read by no test"

"""A wrong API key reads the same on every API: the refresh stops, the connection is paused
("paused: check the API key"), and testing the connection says the key was refused."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from frontdesk.app.connection_setup import check_connection
from frontdesk.app.context import AppContext
from frontdesk.app.paths import Paths
from frontdesk.providers.base import ApiError
from frontdesk.sandbox import SandboxServer
from frontdesk.sandbox.registry import EMULATORS


@pytest.mark.parametrize("provider", sorted(EMULATORS))
def test_a_wrong_key_pauses_the_connection_in_the_same_words(provider: str, tmp_path: Path) -> None:
    with SandboxServer(rate_limit=0, providers=[provider]) as sandbox:
        served = sandbox.provider(provider)
        wrong = served.build.api_key + "-wrong"
        options = dict(EMULATORS[provider].demo_options)
        context = AppContext(Paths.resolve(tmp_path / "profile"), use_keyring=False)
        try:
            record = context.connect(provider, "Clinic", served.base_url, wrong, options)
            with pytest.raises(ApiError) as refused:
                context.engine.pull(record.id)
            assert refused.value.credentials
            health = context.engine.health[record.id]
            assert health.paused and not health.online
            checked = check_connection(provider, served.base_url, wrong, options, date.today())
            assert not checked.ok
            assert checked.message.startswith("The booking system refused this API key")
            right = check_connection(
                provider, served.base_url, served.build.api_key, options, date.today()
            )
            assert right.ok, right.message
        finally:
            context.close()

"""Shared fixtures: the embedded knowledge base and an isolated user home for data updates."""

from __future__ import annotations

import pytest

from crmradar import data


@pytest.fixture(scope="session")
def kb() -> data.KnowledgeBase:
    return data.load(data.EMBEDDED_PACKAGE)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory, monkeypatch):
    """Never let a test read or write the developer's ~/.crmradar."""
    home = tmp_path_factory.mktemp("crmradar-home")
    monkeypatch.setenv("CRMRADAR_HOME", str(home))
    monkeypatch.delenv("CRMRADAR_DATA", raising=False)
    return home

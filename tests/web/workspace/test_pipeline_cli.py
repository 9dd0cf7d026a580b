"""``crmradar workspace projects --load`` and ``crmradar workspace kaders --load`` in a fresh home (issue 12)."""

from __future__ import annotations

import pytest

from web.workspace.test_cli_and_browser import _cli


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    return tmp_path_factory.mktemp("pipeline-home")


def test_projects_load_marks_sources_and_is_idempotent(home):
    first = _cli(home, "workspace", "projects", "--load")
    assert first.returncode == 0, first.stderr
    assert "6 nieuw, 0 bijgewerkt" in first.stdout
    assert "sk-tes-rotterdam: SK tes battery recycling Rotterdam" in first.stdout
    assert "bron: Datapakket regional_projects · por_2024_sk_tes" in first.stdout
    again = _cli(home, "workspace", "projects", "--load")
    assert "0 nieuw, 6 bijgewerkt" in again.stdout
    listing = _cli(home, "workspace", "projects")
    assert listing.returncode == 0 and "elygator: ELYgator" in listing.stdout


def test_frameworks_load_prints_timeline_contribution_and_gaps(home):
    out = _cli(home, "workspace", "kaders", "--load")
    assert out.returncode == 0, out.stderr
    assert "5 nieuw, 0 bijgewerkt" in out.stdout  # CRMA, RESourceEU, NGS, NPCE and the provincial decision
    assert "2026-12 (komend)" in out.stdout or "2026-12 (verstreken)" in out.stdout  # Circulair Zuid-Holland
    assert "2025-03-25 (verstreken)" in out.stdout and "2050 (komend)" in out.stdout
    assert "Bijdrage van de regio per kader" in out.stdout and "0 actiepunt(en)" in out.stdout
    assert "Nog door geen actiepunt gedekt" in out.stdout and "Actieplan RESourceEU" in out.stdout  # Dutch names

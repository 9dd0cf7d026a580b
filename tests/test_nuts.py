"""NUTS 2024 codes: NL36 is Zuid-Holland, NL33 (NUTS 2021) is accepted as an alias (crmradar.region.nuts)."""

from __future__ import annotations

import pandas as pd

from crmradar.region.build import build_spec
from crmradar.region.nuts import HOME_REGION, canonical_region, canonical_region_nl, region_aliases
from crmradar.region.scenario import load_scenario, scenario_path


def test_correspondence_maps_every_zuid_holland_code_once(kb):
    table = kb["nuts_correspondence"]
    zh = table.loc[table["nuts2021_code"].str.startswith("NL33")]
    assert dict(zip(zh["nuts2021_code"], zh["nuts2024_code"], strict=True)) == {
        "NL33": "NL36", "NL332": "NL361", "NL333": "NL362", "NL337": "NL363", "NL33A": "NL364",
        "NL33B": "NL365", "NL33C": "NL366",
    }
    assert set(table["source_id"]) == {"eurostat_nuts2024"}
    assert table.loc[table["nuts2021_code"] == "NL33A", "change"].item() == "boundary_change"
    assert "NL31" not in region_aliases(table)  # no Utrecht data: listed, not an alias


def test_alias_is_replaced_with_a_note_and_nuts2024_codes_pass_unchanged(kb):
    table = kb["nuts_correspondence"]
    assert HOME_REGION == "NL36"
    assert canonical_region("nl33", table)[0] == "NL36" and "NUTS 2021" in canonical_region("NL33", table)[1]
    assert canonical_region("NL36", table) == ("NL36", "")
    assert canonical_region("NL33", None) == ("NL33", "")
    assert canonical_region_nl("NL33C", table)[1].startswith("NL33C is de NUTS 2021-code; gerekend als NL366")
    assert canonical_region("XX99", pd.DataFrame(columns=["nuts2021_code", "nuts2024_code", "alias"])) == ("XX99", "")


def test_scenario_with_the_old_code_still_validates_and_builds_the_same(kb, tmp_path):
    text = scenario_path("targets").read_text(encoding="utf-8")
    assert "region: NL36" in text
    old = tmp_path / "targets.yaml"
    old.write_text(text.replace("region: NL36", "region: NL33"), encoding="utf-8")
    new_spec = build_spec(load_scenario("targets", kb), kb)
    old_spec = build_spec(load_scenario(old, kb), kb)
    assert old_spec.technologies == new_spec.technologies
    assert (old_spec.anchor_weights == new_spec.anchor_weights).all()
    assert (old_spec.anchors.mode == new_spec.anchors.mode).all()

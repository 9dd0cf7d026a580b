"""Dutch-Excel CSV (issue 13): semicolons, decimal commas and a BOM; the default stays plain CSV."""

from __future__ import annotations

import pandas as pd

from crmradar.reports.csv_export import frame_to_csv, wants_dutch_excel


def test_dutch_excel_csv_uses_semicolon_decimal_comma_and_bom():
    frame = pd.DataFrame({"land": ["China", "Oekraïne"], "aandeel": [0.938, 0.022]})
    assert frame_to_csv(frame) == "land,aandeel\nChina,0.938\nOekraïne,0.022\n"
    assert frame_to_csv(frame, dutch_excel=True) == "\ufeffland;aandeel\nChina;0,938\nOekraïne;0,022\n"
    assert wants_dutch_excel("nl") and not wants_dutch_excel(None) and not wants_dutch_excel("")


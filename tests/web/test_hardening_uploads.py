"""Procurement uploads that used to give 500s (issue 17, defect 3): control characters in cells and a long
multibyte file name; the stored file name never comes from the user."""

from __future__ import annotations

import re

import openpyxl
import pytest

CSV = "cpv,description,quantity,unit\n30213100,Laptop\x01\x02\x1fend,10,st\n09331200,Zonne\x0bpanelen,100,kWp\n"


def _upload(name: str, text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


def test_control_characters_give_a_report_not_a_500(client, tmp_path):
    response = client.post("/en/procurement/", {"purchases": _upload("purchases.csv", CSV)})
    assert response.status_code == 200
    token = re.search(r"/procurement/report/([0-9a-f]{32})\.xlsx", response.content.decode()).group(1)
    report = client.get(f"/en/procurement/report/{token}.xlsx")
    path = tmp_path / "r.xlsx"
    path.write_bytes(b"".join(report.streaming_content))
    descriptions = [row[3] for row in openpyxl.load_workbook(path)["lines"].iter_rows(min_row=2, values_only=True)]
    assert descriptions[0] == "Laptop\ufffd\ufffd\ufffdend"


@pytest.mark.parametrize("name", ["é" * 250 + ".csv", "a" * 251 + ".csv", "../../x\x00y.csv", "名" * 120 + ".csv"])
def test_long_or_odd_file_names_are_scanned(client, name):
    response = client.post("/en/procurement/", {"purchases": _upload(name, CSV)})
    assert response.status_code == 200


def test_long_name_in_an_error_is_shortened(client):
    response = client.post("/en/procurement/", {"purchases": _upload("é" * 250 + ".csv", "cpv\n1\n")})
    assert response.status_code == 422
    html = response.content.decode()
    assert "missing column" in html and "é" * 100 not in html


def test_api_scan_with_control_characters(client):
    response = client.post("/api/v1/procurement/scan", {"file": _upload("x" * 250 + ".csv", CSV)})
    assert response.status_code == 200 and response.json()["summary"]["rows_scanned"] == 2

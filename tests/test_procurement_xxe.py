"""Issue 17 / ASVS 5.5.2: an XLSX purchase list whose sheet XML declares external entities (XXE) or an entity
expansion bomb is never resolved: no file content of the server and no expanded text reaches the scan."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest

from crmradar.procurement import PurchaseFileError, read_purchase_file

SECRET = "xxe-secret-7f3a"


def _workbook_with_doctype(tmp_path: Path, doctype: str, reference: str) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["cpv", "description", "quantity", "unit"])
    sheet.append(["09331200", "PLACEHOLDER", 10, "stuks"])
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                text = text.replace("<worksheet", doctype + "<worksheet", 1)
                text = text.replace("<is><t>PLACEHOLDER</t></is>", f"<is><t>{reference}</t></is>")
                data = text.encode()
            target.writestr(item, data)
    path = tmp_path / "lijst.xlsx"
    path.write_bytes(out.getvalue())
    return path


def _cells(path: Path) -> str:
    try:
        table = read_purchase_file(path)
    except PurchaseFileError:
        return ""  # refused as a whole: nothing was read
    return " ".join(str(cell) for row in [table.header, *table.rows] for cell in row)


def test_external_entity_is_not_resolved(tmp_path):
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text(SECRET)
    doctype = f'<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file://{secret_file}">]>'
    path = _workbook_with_doctype(tmp_path, doctype, "&xxe;")
    assert b"&xxe;" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")  # the attack is in the file
    assert SECRET not in _cells(path)


@pytest.mark.parametrize("depth", [6])
def test_entity_expansion_bomb_is_not_expanded(tmp_path, depth):
    entities = '<!ENTITY e0 "lol">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, depth + 1))
    path = _workbook_with_doctype(tmp_path, f"<!DOCTYPE worksheet [{entities}]>", f"&e{depth};")
    assert len(_cells(path)) < 10_000  # 10^6 "lol"s would be 3 MB

"""Audit trail (who changed what), soft delete and undo, import atomicity per kind of bad row, the export →
import round trip, formula-injection safety, agenda export and the dashboard figures."""

from __future__ import annotations

import datetime as dt
import io

import pytest


def test_history_records_each_change_type_with_the_right_user(users, items):
    from crmradar.apps.consultation import history, services

    bottleneck = items["own"]
    partner, analyst = users["partner"], users["analist"]
    bottleneck.severity = 2
    services.save_item(bottleneck, partner)
    bottleneck.status = "opgelost"
    services.save_item(bottleneck, analyst)
    services.soft_delete(bottleneck, partner)
    services.restore(bottleneck, analyst)
    entries = history.entries(bottleneck)
    assert [(e["kind"], e["who"]) for e in entries] == [
        ("restored", "analist@example.nl"), ("deleted", "partner@example.nl"), ("changed", "analist@example.nl"),
        ("changed", "partner@example.nl"), ("created", "analist@example.nl")]
    severity_change = entries[3]["changes"]
    assert [(c["old"], c["new"]) for c in severity_change] == [("4", "2")]
    status_change = entries[2]["changes"]
    assert status_change[0]["new"] in ("Opgelost", "Resolved")


def test_soft_delete_hides_and_undo_restores(users, items, client_for):
    from crmradar.apps.consultation import services
    from crmradar.apps.consultation.models import Bottleneck

    item = items["public"]
    services.soft_delete(item, users["analist"])
    assert not Bottleneck.objects.filter(pk=item.pk).exists()
    assert Bottleneck.all_objects.filter(pk=item.pk).exists()  # nothing is lost
    assert client_for("anoniem").get(f"/werkruimte/knelpunten/{item.pk}/").status_code == 404
    with pytest.raises(Exception, match=""):
        services.restore(item, users["partner"])
    services.restore(item, users["analist"])
    assert Bottleneck.objects.filter(pk=item.pk, published=True).exists()


def test_partner_edits_own_items_only_and_comments_on_all(users, items):
    from django.core.exceptions import PermissionDenied

    from crmradar.apps.consultation import services

    partner = users["partner"]
    items["own"].instrument = "Vooroverleg"
    services.save_item(items["own"], partner)
    items["hidden"].instrument = "Niet van DCMR"
    with pytest.raises(PermissionDenied):
        services.save_item(items["hidden"], partner)
    comment = services.add_comment(items["hidden"], partner, "Wij denken mee.")
    assert comment.author == partner
    with pytest.raises(PermissionDenied):
        services.add_comment(items["hidden"], users["lezer"], "Lezers reageren niet.")


def test_meeting_decision_creates_and_updates_action_points(users, items):
    from crmradar.apps.consultation import services
    from crmradar.apps.consultation.models import ActionPoint

    analyst, meeting, action = users["analist"], items["meeting"], items["action"]
    services.record_decision(meeting, analyst, "Actie is klaar", action_point=action, status="afgerond")
    action.refresh_from_db()
    assert action.status == "afgerond" and meeting in action.meetings.all()
    new = ActionPoint(title="Nieuwe actie uit overleg", line=1, category="inkoop")
    decision = services.record_decision(meeting, analyst, "Nieuwe actie", new_action=new)
    assert decision.action_point.title == "Nieuwe actie uit overleg"
    assert list(decision.action_point.meetings.all()) == [meeting]


def _export_all(fmt="csv") -> dict[str, bytes]:
    from crmradar.apps.consultation.importexport import ORDER, export_bytes
    from crmradar.apps.consultation.registers import REGISTERS

    return {f"{slug}.{fmt}": export_bytes(REGISTERS[slug], fmt) for slug in ORDER}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_import_round_trip_gives_identical_registers(users, items, fmt):
    from crmradar.apps.consultation import models
    from crmradar.apps.consultation.importexport import import_files

    action = items["action"]
    action.chains.set([items["chain"]])
    action.bottlenecks.set([items["own"], items["hidden"]])
    before = _export_all(fmt)
    csv_before = _export_all("csv")
    # Wipe the registers (not the seeded partner organisations' rows, which the import updates) and import.
    for model in (models.ActionPoint, models.DeepDive, models.Bottleneck, models.Meeting, models.ValueChain):
        model.all_objects.all().delete()
    counts = import_files(before, users["analist"])
    assert counts["knelpunten"] == 3 and counts["acties"] == 1
    assert _export_all("csv") == csv_before


BAD_ROWS = {
    "unknown organisation": ("owner_organisation", "Bestaat Niet BV"),
    "bad date": ("identified_on", "31-02-2026"),
    "bad enum": ("category", "geen-categorie"),
    "bad severity": ("severity", "9"),
    "unknown chain": ("chain", "geen-keten"),
}


@pytest.mark.parametrize("problem", sorted(BAD_ROWS))
def test_import_with_a_bad_row_changes_nothing_and_names_row_and_column(users, items, problem):
    from crmradar.apps.consultation.importexport import WorkspaceImportError, import_files
    from crmradar.apps.consultation.models import Bottleneck

    column, value = BAD_ROWS[problem]
    good = ("title,category,severity,chain,owner_organisation,identified_on\n"
            "Goed knelpunt,ruimte,2,batterijen,TNO,2026-05-18\n")
    bad = {"title": "Fout knelpunt", "category": "ruimte", "severity": "3", "chain": "batterijen",
           "owner_organisation": "TNO", "identified_on": "2026-05-18", column: value}
    header = "title,category,severity,chain,owner_organisation,identified_on"
    content = good + ",".join(bad[c] for c in header.split(",")) + "\n"
    before = Bottleneck.all_objects.count()
    with pytest.raises(WorkspaceImportError) as caught:
        import_files({"knelpunten.csv": content.encode()}, users["analist"])
    assert Bottleneck.all_objects.count() == before
    places = {(p.file, p.row, p.column) for p in caught.value.problems}
    assert ("knelpunten.csv", 3, column) in places


def test_import_with_an_unknown_material_id_is_refused(users, items):
    from crmradar.apps.consultation.importexport import WorkspaceImportError, import_files

    with pytest.raises(WorkspaceImportError) as caught:
        import_files({"ketens.csv": b"code,name,materials\nmagneten,Magneten,neodymium|unobtainium\n"},
                     users["analist"])
    (problem,) = caught.value.problems
    assert (problem.row, problem.column) == (2, "materials") and "unobtainium" in problem.message


def test_exports_are_safe_against_formula_injection(users, items):
    from crmradar.apps.consultation import services
    from crmradar.apps.consultation.importexport import export_bytes, import_files
    from crmradar.apps.consultation.registers import REGISTERS

    item = items["own"]
    item.instrument = '=HYPERLINK("http://evil.example","klik")'
    services.save_item(item, users["analist"])
    text = export_bytes(REGISTERS["knelpunten"], "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(export_bytes(REGISTERS["knelpunten"], "xlsx"))).active
    cells = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert "'" + item.instrument in cells and item.instrument not in cells
    import_files({"knelpunten.csv": text.encode()}, users["analist"])  # the apostrophe is stripped again
    item.refresh_from_db()
    assert item.instrument == '=HYPERLINK("http://evil.example","klik")'


def test_dashboard_counts_open_and_overdue_actions_and_the_matrix(users, items):
    from crmradar.apps.consultation import dashboard

    rows = dashboard.action_summary(users["analist"], today=dt.date(2026, 12, 2))
    assert rows == [{"owner": "Provincie Zuid-Holland", "line1_open": 0, "line1_overdue": 0, "line2_open": 1,
                     "line2_overdue": 1}]
    matrix = dashboard.bottleneck_matrix(users["analist"])
    (row,) = matrix["rows"]
    counts = [c["count"] for c in row["cells"]]
    # ruimte 1 (sev 3), stikstof 1 (sev 2), vergunningen 1 (sev 4) in category order
    assert counts == [1, 1, 0, 1, 0, 0, 0, 0, 0]
    assert [c["severity"] for c in row["cells"]][:3] == [4, 3, 0]
    public = dashboard.bottleneck_matrix(__import__("django.contrib.auth.models", fromlist=["x"]).AnonymousUser())
    assert [c["count"] for c in public["rows"][0]["cells"]] == [0, 0, 0, 1, 0, 0, 0, 0, 0]


def test_agenda_docx_lists_open_actions_per_owner_with_overdue_marked(users, items):
    import docx

    from crmradar.apps.consultation import services
    from crmradar.apps.consultation.agenda import agenda_docx
    from crmradar.apps.consultation.models import ActionPoint

    content = agenda_docx(items["meeting"], services.visible(ActionPoint, users["analist"]),
                          today=dt.date(2026, 12, 2))
    document = docx.Document(io.BytesIO(content))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert "Provincie Zuid-Holland" in text
    assert "Actie" in cells and any("10-01-2026" in c and "(" in c for c in cells)


def test_minutes_markdown_is_sanitised():
    from crmradar.apps.consultation.markdown import render_markdown

    html = str(render_markdown("**Besluit** <script>alert(1)</script> [x](javascript:alert(1))"))
    assert "<strong>Besluit</strong>" in html and "<script" not in html and "javascript:" not in html


def test_deep_dive_upload_limits(db):
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.forms import ValidationError

    from crmradar.apps.consultation.forms import check_upload

    check_upload(SimpleUploadedFile("rapport.pdf", b"%PDF-1.7 ...", content_type="application/pdf"))
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("virus.exe", b"MZ...", content_type="application/octet-stream"))
    with pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("nep.pdf", b"MZ not a pdf", content_type="application/pdf"))
    from django.test import override_settings

    with override_settings(WORKSPACE_UPLOAD_MAX_BYTES=10), pytest.raises(ValidationError):
        check_upload(SimpleUploadedFile("groot.pdf", b"%PDF" + b"x" * 20, content_type="application/pdf"))

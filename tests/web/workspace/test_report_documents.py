"""Council annex and chain document (issue 15, item 1) from the workspace: bottlenecks per chain, action lines
per owner, demand bands and sources, in PDF and DOCX; unknown chain codes are a one-line error."""

from __future__ import annotations

import pytest

from crmradar.documents.extract import docx_text, normalise, pdf_text


@pytest.fixture(scope="module")
def demand():
    from crmradar import data
    from crmradar.reports.documents import regional_demand

    return regional_demand(data.load(), draws=200)


@pytest.fixture()
def workspace(users, orgs):
    from crmradar.apps.consultation import models, services

    analyst = users["analist"]
    chain = services.save_item(models.ValueChain(code="accu", name="Batterijketen", materials=["lithium", "cobalt"],
                                                 owner_organisation=orgs["Provincie Zuid-Holland"]), analyst)
    services.save_item(models.Bottleneck(title="Netcongestie bij de recycler", category="netcapaciteit", severity=4,
                                         chain=chain, owner_organisation=orgs["DCMR Milieudienst Rijnmond"]), analyst)
    services.save_item(models.ActionPoint(title="Inkoopcriteria batterijen", line=1, category="inkoop",
                                          owner_organisation=orgs["Provincie Zuid-Holland"], due_date="2026-01-10"),
                       analyst, links={"chains": [chain.pk]})
    services.save_item(models.ActionPoint(title="Kennissessie", line=2, category="kennis", status="afgerond",
                                          owner_organisation=orgs["TNO"]), analyst)
    return chain


def test_council_annex_pdf_and_docx(tmp_path, workspace, demand):
    from crmradar import data
    from crmradar.commands.report import collect_state
    from crmradar.documents import write
    from crmradar.reports.documents import council_annex

    kb = data.load()
    state = collect_state()
    document = council_annex(kb, demand, state)
    pdf, pages = pdf_text(write(document, tmp_path / "staten.pdf"))
    docx = docx_text(write(document, tmp_path / "staten.docx"))
    for text in (normalise(pdf), normalise(docx)):
        assert "Netcongestie bij de recycler" in text and "Knelpunten: Batterijketen" in text
        assert normalise(demand.estimate("lithium", "demand", 2050)) in text
        assert normalise(demand.estimate("cobalt", "end_of_life", 2050)) in text
        assert "crmradar_region_estimate" in text and "ec2023_crm_study" in text
    assert pages <= 4
    owners = {row[0]: row for row in document.sections[3].tables[0].rows}
    assert owners["Provincie Zuid-Holland"][2:] == ["1", "1", "0"]  # open, overdue, done
    assert owners["TNO"][2:] == ["0", "0", "1"]


def test_council_annex_levers_come_from_the_ranking_json(tmp_path, workspace, demand):
    import pandas as pd

    from crmradar import data
    from crmradar.commands.report import collect_state
    from crmradar.reports.documents import council_annex

    # Rows shaped like crmradar levers rank --format json (values are test inputs, not results).
    ranking = pd.DataFrame([
        {"indicator": "sr_weighted_demand", "material_id": "total", "year": 2050, "rank": 2, "lever": "weee_collection",
         "strength": 0.85, "change_p5": -300.0, "change_p50": -200.0, "change_p95": -100.0,
         "relative_change_p50": -0.03},
        {"indicator": "sr_weighted_demand", "material_id": "total", "year": 2050, "rank": 1,
         "lever": "car_use_reduction", "strength": 0.1, "change_p5": -400.0, "change_p50": -320.0,
         "change_p95": -250.0, "relative_change_p50": -0.05},
        {"indicator": "sr_weighted_demand", "material_id": "lithium", "year": 2050, "rank": 1,
         "lever": "ev_battery_lfp", "strength": 0.5, "change_p5": -1.0, "change_p50": -0.5, "change_p95": -0.1,
         "relative_change_p50": -0.1},
    ])
    document = council_annex(data.load(), demand, collect_state(), lever_ranking=ranking)
    section = next(s for s in document.sections if s.heading == "3. Hefbomen")
    rows = section.tables[0].rows
    assert [r[0] for r in rows] == ["1", "2"] and rows[0][3] == "−320 (−400 tot −250)"
    assert rows[0][4].replace("\u00a0", " ") == "−5,0 %"
    empty = council_annex(data.load(), demand, collect_state())
    assert "crmradar levers rank" in next(s for s in empty.sections if s.heading == "3. Hefbomen").paragraphs[0]


def test_chain_document_and_unknown_chain(tmp_path, workspace, demand):
    from typer.testing import CliRunner

    from crmradar import data
    from crmradar.cli import app
    from crmradar.commands.report import collect_state
    from crmradar.documents import write
    from crmradar.reports.documents import chain_document

    document = chain_document(data.load(), demand, collect_state(), "accu")
    text = normalise(pdf_text(write(document, tmp_path / "keten.pdf"))[0])
    assert "Ketenverdieping: Batterijketen" in text and "Inkoopcriteria batterijen" in text
    assert normalise(demand.estimate("cobalt", "demand", 2030)) in text
    result = CliRunner().invoke(app, ["report", "chain", "geen-keten", "--out", str(tmp_path / "x.pdf")])
    assert result.exit_code == 2 and "no value chain 'geen-keten'" in result.output

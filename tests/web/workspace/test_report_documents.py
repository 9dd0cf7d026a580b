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
    owners = {row[0]: row for row in document.sections[2].tables[0].rows}
    assert owners["Provincie Zuid-Holland"][2:] == ["1", "1", "0"]  # open, overdue, done
    assert owners["TNO"][2:] == ["0", "0", "1"]


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

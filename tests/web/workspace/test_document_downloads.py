"""Issue 15, item 2: the four documents from the web, made by the task queue (never in the web worker), with
queue position and progress, the workspace's object rules (the public gets published items only, and only
published chains), and the files evicted with the other results."""

from __future__ import annotations

import io

import pytest


@pytest.fixture()
def quick_demand(monkeypatch):
    """The documents' regional demand with 40 draws instead of 1000 (the same function, fewer samples)."""
    from crmradar.reports import documents

    original = documents.regional_demand
    monkeypatch.setattr(documents, "regional_demand", lambda kb: original(kb, draws=40))


def run_queued() -> int:
    """Do what a worker does with each queued job (compute, store the result), inside the test's transaction:
    ``jobs.execute`` starts by closing connections that are not in autocommit, which would end the transaction
    that rolls this test back."""
    import json

    from crmradar.web import computations  # noqa: F401 - registers the jobs
    from crmradar.web.jobs import COMPUTATIONS
    from crmradar.web.models import CachedResult

    done = 0
    for job in CachedResult.objects.filter(status="queued").order_by("pk"):
        result = COMPUTATIONS[job.kind](job.parameters, lambda fraction: None)
        CachedResult.objects.filter(pk=job.pk).update(status="done", progress=1.0, result=result,
                                                      size_bytes=len(json.dumps(result)))
        done += 1
    return done


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages).split())


def test_documents_page_offers_four_documents(client_for, items):
    html = client_for("anoniem").get("/documenten/").content.decode()
    for kind, subject in (("publiek", "-"), ("grondstof", "gallium"), ("staten", "-"), ("keten", "batterijen")):
        for fmt in ("pdf", "docx"):
            assert f'/documenten/{kind}/{subject}/{fmt}/bestand' in html, (kind, fmt)
    assert "alleen gepubliceerde" in html  # the anonymous visitor is told what the workspace documents hold
    assert "alleen gepubliceerde" not in client_for("analist").get("/documenten/").content.decode()


def test_hidden_chains_and_unknown_documents_are_404(client_for, items, users):
    from crmradar.apps.consultation import models, services

    hidden = services.save_item(models.ValueChain(code="geheim", name="Interne keten", materials=["cobalt"],
                                                  owner_organisation=items["organisation"]), users["analist"])
    assert client_for("anoniem").get(f"/documenten/keten/{hidden.code}/pdf/").status_code == 404
    assert client_for("lezer").get(f"/documenten/keten/{hidden.code}/pdf/").status_code == 200
    assert client_for("anoniem").get("/documenten/boek/-/pdf/").status_code == 404
    assert client_for("anoniem").get("/documenten/staten/-/odt/").status_code == 404
    assert client_for("anoniem").get("/documenten/grondstof/unobtainium/pdf/").status_code == 404


def test_annex_is_made_by_the_queue_with_the_rules_of_the_workspace(client_for, items, quick_demand):
    from crmradar.web.jobs import evict
    from crmradar.web.models import CachedResult

    public, member = client_for("anoniem"), client_for("analist")
    assert public.get("/documenten/staten/-/pdf/bestand").status_code == 202  # queued, not made in the request
    panel = public.get("/documenten/staten/-/pdf/", HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-get="/documenten/staten/-/pdf/"' in panel  # polls itself
    assert "Uw berekening is als volgende aan de beurt." in panel  # queue position: nothing ahead of it
    member.get("/documenten/staten/-/pdf/")
    jobs = CachedResult.objects.filter(kind="document", parameters__kind="staten")
    assert sorted(j.parameters["published_only"] for j in jobs) == [False, True]
    assert all(j.status == "queued" for j in jobs)
    assert run_queued() == 2
    ready = public.get("/documenten/staten/-/pdf/").content.decode()
    assert 'id="download-staten-pdf"' in ready
    response = public.get("/documenten/staten/-/pdf/bestand")
    assert response.status_code == 200 and response.content[:5] == b"%PDF-"
    assert response["Content-Disposition"] == 'attachment; filename="crmradar-staten.pdf"'
    text = _pdf_text(response.content)
    assert "Openbaar knelpunt" in text and "Intern knelpunt" not in text and "Knelpunt van DCMR" not in text
    full = _pdf_text(member.get("/documenten/staten/-/pdf/bestand").content)
    assert "Intern knelpunt" in full and "Knelpunt van DCMR" in full
    assert evict(max_bytes=0) >= 2  # documents are results like any other: evicted by size
    assert public.get("/documenten/staten/-/pdf/bestand").status_code == 202


def test_public_summary_docx_and_material_sheet(client_for, items, quick_demand):
    client = client_for("anoniem")
    client.get("/documenten/publiek/-/docx/")
    client.get("/documenten/grondstof/gallium/pdf/")
    assert run_queued() == 2
    docx = client.get("/documenten/publiek/-/docx/bestand")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    from docx import Document

    document = Document(io.BytesIO(docx.content))
    assert document.paragraphs[0].text == "Grondstoffen voor schone energie in Zuid-Holland"
    assert len(document.inline_shapes) == 1  # the lithium demand chart
    sheet = _pdf_text(client.get("/documenten/grondstof/gallium/pdf/bestand").content)
    assert "Grondstofprofiel: Gallium (Ga)" in sheet or "Grondstoffenprofiel: Gallium (Ga)" in sheet


def test_annex_takes_the_finished_lever_ranking_of_the_levers_page(client_for, items, quick_demand):
    """A finished lever ranking (hand-made rows here) becomes part of the annex job's inputs: the annex then lists
    the levers and draws their tornado; without one it says how to add them."""
    import uuid

    from crmradar.web.models import CachedResult

    client = client_for("anoniem")
    client.get("/documenten/staten/-/pdf/")
    assert run_queued() == 1
    before = _pdf_text(client.get("/documenten/staten/-/pdf/bestand").content)
    assert "De rangschikking van de hefbomen is niet meegenomen" in before
    rows = [{"indicator": "sr_weighted_demand", "material_id": "total", "year": 2050, "rank": rank, "lever": lever,
             "strength": 0.5, "change_p50": p50, "change_p5": p50 * 1.5, "change_p95": p50 * 0.5,
             "relative_change_p50": p50 / 10000, "tornado_low_p50": p50 / 2, "tornado_high_p50": p50 * 2}
            for rank, lever, p50 in ((1, "car_use_reduction", -1612.0), (2, "ev_battery_lfp", -473.0))]
    CachedResult.objects.create(input_hash=uuid.uuid4().hex, kind="lever_rank", status="done", progress=1.0,
                                result={"rows": rows})
    client.get("/documenten/staten/-/pdf/")  # new inputs: a new job
    assert run_queued() == 1
    after = _pdf_text(client.get("/documenten/staten/-/pdf/bestand").content)
    assert "LFP in plaats van NMC/NCA in autoaccu's" in after and "−1.612" in after
    assert "Effect van de hefbomen op de risicogewogen vraag in 2050" in after  # the tornado's title


def test_documents_page_offers_a_fact_sheet_for_every_material_not_only_the_critical_ones(client):
    from crmradar import data

    kb = data.load()
    page = client.get("/documenten/?grondstof=aggregates").content.decode()
    assert page.count("<option") >= len(kb.materials)  # every material in the select
    assert '<option value="aggregates" selected' in page  # a non-critical material can be chosen
    sheet = client.get("/material/aggregates/factsheet/").content.decode()
    assert "/documenten/?grondstof=aggregates" in sheet

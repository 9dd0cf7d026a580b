"""Server-rendered pages. Every chart on a page has a data table and a download next to it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from crmradar.data.lookup import UnknownMaterialError, resolve_material
from crmradar.reports.charts import risk_matrix, to_plotly
from crmradar.reports.csv_export import frame_to_csv, wants_dutch_excel
from crmradar.reports.numbers import format_number
from crmradar.reports.xlsx_download import XLSX_TYPE, frame_to_xlsx, spec_descriptions
from crmradar.web import services
from crmradar.web.templatetags.crmradar_tags import page_lang
from crmradar.web.views.material import material  # noqa: F401 - the URL map names pages.material

EXPORT_COLUMNS = ["measure_id", "country_iso3", "material_id", "date_in_force", "date_end", "stage", "measure_type",
                  "target_countries", "status"]


def health(request):
    return JsonResponse({"status": "ok"})


FAVICON = Path(__file__).resolve().parents[1] / "static" / "crmradar" / "favicon.svg"


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page declares; answer with the SVG icon."""
    response = HttpResponse(FAVICON.read_bytes(), content_type="image/svg+xml")
    response["Cache-Control"] = "public, max-age=86400"
    return response


def not_found(request, exception=None):
    """Our own 404 page in the language of the address (Dutch unless it starts with /en/)."""
    return render(request, "web/not_found.html", {}, status=404)


def glossary(request):
    from crmradar.web.site_pages import GLOSSARY

    return render(request, "web/glossary.html", {"glossary": GLOSSARY})


def _name_column() -> str:
    return "name_nl" if (get_language() or "nl").startswith("nl") else "name_en"


def key_messages(table: pd.DataFrame, annex_entries: pd.DataFrame) -> list[str]:
    """Plain-language headlines computed from the data (no hand-written numbers)."""
    counts = annex_entries["annex"].value_counts()
    name = _name_column()
    lang = "nl" if name == "name_nl" else "en"
    top_sr = table.dropna(subset=["supply_risk"]).nlargest(3, "supply_risk")
    messages = [
        _("The Critical Raw Materials Act lists %(critical)d critical and %(strategic)d strategic raw materials.")
        % {"critical": int(counts.get("II", 0)), "strategic": int(counts.get("I", 0))},
        _("Highest supply risk in the EU 2023 assessment: %(names)s.")
        % {"names": ", ".join(f"{r[name]} ({format_number(r['supply_risk'], lang, decimals=1)})"
                              for _i, r in top_sr.iterrows())},
    ]
    below = table.loc[table["crma_strategic"] & ~table["above_thresholds"] & table["supply_risk"].notna()]
    if not below.empty:
        messages.append(
            _("Strategic although below the criticality thresholds: %(names)s.")
            % {"names": ", ".join(below[name].tolist())}
        )
    return messages


def overview(request):
    table = services.risk_table()
    context = {
        "messages_list": key_messages(table, services.knowledge_base().crma_annex_entries),
        "data_date": services.data_date(),
        "rows": services.records(table),
        "name_column": _name_column(),
    }
    context["figure"] = to_plotly(risk_matrix(context["rows"], page_lang()))
    return render(request, "web/overview.html", context)


def materials(request):
    table = services.risk_table()
    return render(
        request, "web/materials.html", {"rows": services.records(table), "name_column": _name_column()}
    )


def sources(request):
    kb = services.knowledge_base()
    return render(request, "web/sources.html", {"sources": services.records(kb.sources)})


def methods(request):
    from crmradar.reports.reproduction import reproduction_counts

    return render(request, "web/methods.html", {"reproduction": reproduction_counts(services.knowledge_base())})


def data_download(request):
    kb = services.knowledge_base()
    from crmradar.reports.table_names import description

    lang = "nl" if _name_column() == "name_nl" else "en"
    tables = [
        {"name": name, "rows": len(frame), "description": text, "english": english}
        for name, frame in sorted(kb.tables.items())
        for text, english in [description(name, kb.specs[name].description, lang)]
    ]
    return render(request, "web/data.html", {"tables": tables})


def data_file(request, fmt: str):
    """The whole knowledge base: datapackage zip, a Parquet zip, or one table as CSV or XLSX (?table=)."""
    kb = services.knowledge_base()
    if fmt == "xlsx":
        name = request.GET.get("table", "")
        if name not in kb.tables:
            raise Http404(_("Unknown table"))
        return xlsx_response(kb.tables[name], f"{name}.xlsx", spec_descriptions(kb.specs[name].fields))
    if fmt == "csv":
        name = request.GET.get("table", "")
        if name not in kb.tables:
            raise Http404(_("Unknown table"))
        if wants_dutch_excel(request.GET.get("excel")):
            body = frame_to_csv(kb.tables[name], dutch_excel=True).encode("utf-8")
            filename = f"{name}-excel-nl.csv"
        else:
            body, filename = (kb.path / kb.specs[name].path).read_bytes(), f"{name}.csv"
        response = HttpResponse(body, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        if fmt == "datapackage":
            archive.write(kb.path / "datapackage.json", "datapackage.json")
            for spec in kb.specs.values():
                archive.write(kb.path / spec.path, spec.path)
        elif fmt == "parquet":
            for name, frame in kb.tables.items():
                payload = io.BytesIO()
                frame.to_parquet(payload, index=False)
                archive.writestr(f"{name}.parquet", payload.getvalue())
        else:
            raise Http404(_("Unknown format"))
    buffer.seek(0)
    return FileResponse(buffer, as_attachment=True, filename=f"crm-radar-{fmt}.zip")


def _material_block(material_id: str, key: str) -> tuple[str, pd.DataFrame]:
    kb = services.knowledge_base()
    try:
        resolved = resolve_material(kb.materials, material_id)
    except UnknownMaterialError as error:
        raise Http404(str(error)) from error
    blocks = {block["key"]: block for block in services.profile(resolved)}
    if key not in blocks:
        raise Http404(_("Unknown table"))
    return resolved, pd.DataFrame(blocks[key]["rows"])


def material_block_csv(request, material_id: str, key: str):
    """One block of a material profile as CSV (the download next to each chart and table)."""
    resolved, frame = _material_block(material_id, key)
    excel = wants_dutch_excel(request.GET.get("excel"))
    response = HttpResponse(frame_to_csv(frame, dutch_excel=excel), content_type="text/csv; charset=utf-8")
    suffix = "-excel-nl" if excel else ""
    response["Content-Disposition"] = f'attachment; filename="{resolved}-{key}{suffix}.csv"'
    return response


def xlsx_response(frame: pd.DataFrame, filename: str, descriptions: dict | None = None) -> HttpResponse:
    """``frame`` as an XLSX download with headers in the page language (``reports.xlsx_download``)."""
    lang = "nl" if _name_column() == "name_nl" else "en"
    body = frame_to_xlsx(frame, lang, descriptions, title=filename)
    response = HttpResponse(body, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def material_block_xlsx(request, material_id: str, key: str):
    """One block of a material profile as XLSX (same rows and columns as the CSV)."""
    resolved, frame = _material_block(material_id, key)
    return xlsx_response(frame, f"{resolved}-{key}.xlsx")


def summary_facts() -> dict:
    """Numbers for the plain-language summary, computed from the data package (never typed in)."""
    kb = services.knowledge_base()
    entries = kb.crma_annex_entries["annex"].value_counts()
    critical = set(kb.materials.loc[kb.materials["crma_critical"].fillna(False).astype(bool), "id"])
    shares = kb.supply_shares
    processing = shares.loc[(shares["scope"] == "global_supply") & (shares["stage"] == "processing")
                            & shares["material_id"].isin(critical) & ~shares["country_iso3"].isin(["ROW", "WLD"])]
    leaders = processing.sort_values("share", ascending=False).groupby("material_id").head(1)
    china = leaders.loc[(leaders["country_iso3"] == "CHN") & (leaders["share"] > 0.5)]
    measures = kb.export_restrictions.drop_duplicates("measure_id")
    chinese = measures.loc[measures["country_iso3"] == "CHN"]
    return {
        "critical": int(entries.get("II", 0)),
        "strategic": int(entries.get("I", 0)),
        "critical_materials": len(critical),
        "china_count": int(china["material_id"].nunique()),
        "processing_count": int(leaders["material_id"].nunique()),
        "china_measures": int(len(chinese)),
        "china_since": str(chinese["date_in_force"].min())[:4] if len(chinese) else "",
        "active_measures": int((measures["status"] == "active").sum()),
        "sources": int(len(kb.sources)),
    }


def summary(request):
    return render(request, "web/summary.html", {"facts": summary_facts()})

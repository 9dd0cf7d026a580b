"""Background computations added for issue 13: the custom shock, scenario-edit and lever-range runs of the web
forms (see :mod:`crmradar.web.jobs`; registered on import by :mod:`crmradar.web.computations`)."""

from __future__ import annotations

from crmradar.web import services
from crmradar.web.jobs import register


@register("custom_shock")
def custom_shock_run(parameters: dict, progress) -> dict:
    """A custom shock of the shocks page replayed like a register measure (``crmradar shock --country …``)."""
    from crmradar.region.scenario import load_scenario
    from crmradar.scenarios.shock_custom import custom_shock
    from crmradar.scenarios.shock_replay import replay
    from crmradar.web.computations import _clean

    kb = services.knowledge_base()
    shock = custom_shock(kb, parameters["country"], list(parameters["materials"]), parameters["stage"],
                         float(parameters["fraction"]), parameters["start"], parameters.get("until") or None,
                         parameters.get("targets", "all"))
    loaded = load_scenario(parameters["scenario"], kb)
    progress(0.1)
    frame, metadata, labels = replay(kb, loaded, [shock], int(parameters["draws"]), int(parameters["seed"]))
    return {"labels": labels, "rows": _clean(frame.round(6).to_dict(orient="records")), "metadata": metadata}


@register("scenario_edit")
def scenario_edit_run(parameters: dict, progress) -> dict:
    """Regional demand for a shipped scenario with the user's anchor edits (validated as a scenario file)."""
    from crmradar.region.build import build_spec
    from crmradar.region.model import run
    from crmradar.region.scenario_edit import AnchorEdit, load_edited
    from crmradar.region.summary import material_summary
    from crmradar.web.computations import _clean

    kb = services.knowledge_base()
    edits = [AnchorEdit(**edit) for edit in parameters["edits"]]
    spec = build_spec(load_edited(parameters["scenario"], edits, kb), kb)
    draws = int(parameters["draws"])
    result = run(spec, draws=draws, seed=int(parameters["seed"]), chunk=min(draws, 250),
                 progress=lambda done, total: progress(done / total))
    return {"scenario": parameters["scenario"], "draws": draws, "edits": parameters["edits"],
            "mass_balance_error": result.mass_balance_error,
            "materials": _clean(material_summary(result).round(6).to_dict(orient="records"))}

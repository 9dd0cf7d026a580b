"""The site's pages and glossary terms, described once: the main menu, the glossary page and the site search
all read these tables, so a page or term added here appears in all three."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Page:
    url_name: str
    title: Promise
    description: Promise


PAGES: tuple[Page, ...] = (
    Page("overview", _("Overview"), _("Risk matrix of all materials: supply risk against economic importance, "
                                      "with the key messages for Zuid-Holland.")),
    Page("summary", _("In brief"), _("The situation in plain language, every number computed from the data.")),
    Page("materials", _("Materials"), _("All materials with their EU scores, CRMA status and recycling rate.")),
    Page("energy", _("Energy transition"), _("Material demand of solar panels, wind turbines, batteries, "
                                             "electrolysers and heat pumps in Zuid-Holland up to 2050, and what "
                                             "comes free at end of life.")),
    Page("compare", _("Compare"), _("Several materials or scenarios in one chart.")),
    Page("levers", _("Levers"), _("Policy levers such as recycling, lifetime extension and substitution, "
                                  "and how much primary demand they save.")),
    Page("recycling", _("Recycling"), _("When end-of-life batteries and solar panels supply enough feedstock "
                                        "for a recycling plant, per catchment area.")),
    Page("map", _("Map"), _("Projects and recycling plants in and around Zuid-Holland on a map.")),
    Page("crma", _("CRMA benchmarks"), _("The EU targets for 2030 (10 % extraction, 40 % processing, "
                                         "25 % recycling, at most 65 % from one country) and the region's "
                                         "projects.")),
    Page("shock", _("Shocks"), _("Replay an export ban or a supply disruption and see the shortfall.")),
    Page("procurement", _("Procurement scan"), _("Which critical raw materials are in a purchase list, with "
                                                 "tender clauses.")),
    Page("documents", _("Documents"), _("Council annex, public summary, fact sheets and chain deep dives as "
                                        "PDF and Word.")),
    Page("releases:changes", _("What has changed"), _("Values that changed between two data releases and the "
                                                      "workspace items they touch.")),
    Page("consultation:dashboard", _("Workspace"), _("The regional consultation: partners, value chains, "
                                                     "bottlenecks, action points, projects and meetings.")),
    Page("sources", _("Sources"), _("Every publication the numbers come from.")),
    Page("methods", _("Methodology"), _("Formulas and literature behind every calculation.")),
    Page("glossary", _("Glossary"), _("What the terms and numbers mean, in plain language.")),
    Page("data", _("Data download"), _("The complete data package as CSV, Excel or Parquet.")),
)


@dataclass(frozen=True)
class Term:
    anchor: str
    term: Promise
    explanation: Promise


GLOSSARY: tuple[Term, ...] = (
    Term("sr", _("SR — supply risk"), _(
        "A score of the European Commission for how likely it is that supply to the EU is disrupted. It is high "
        "when few countries produce the material, when those countries are poorly governed, when the EU imports "
        "most of it, and when there is little recycling or substitution. From 1.0 upwards the supply risk counts "
        "as high.")),
    Term("ei", _("EI — economic importance"), _(
        "A score for how much the EU economy depends on the material: the value added of the industries that use "
        "it, corrected for the substitutes they have. From 2.8 upwards the economic importance counts as high.")),
    Term("critical", _("Critical and strategic raw materials"), _(
        "A material is critical for the EU when both SR ≥ 1.0 and EI ≥ 2.8. The Critical Raw Materials Act "
        "(CRMA, 2024) lists the critical materials in Annex II and the strategic ones, needed for the energy "
        "transition, digital technology, space and defence, in Annex I.")),
    Term("eol-rir", _("EOL-RIR — end-of-life recycling input rate"), _(
        "The share of the material used in production that comes from recycled old products (0 % to 100 %). "
        "0 % means that everything is newly mined.")),
    Term("hhi", _("HHI — concentration index"), _(
        "The Herfindahl-Hirschman index: the sum of the squared market shares of the producing countries, from 0 "
        "(many small producers) to 1 (one country produces everything). Above 0.25 supply counts as highly "
        "concentrated.")),
    Term("cap", _("CRMA 65 % cap and NZIA 50 % criterion"), _(
        "The CRMA asks that by 2030 no single country outside the EU supplies more than 65 % of a strategic raw "
        "material at any stage. The Net-Zero Industry Act (NZIA) gives extra weight in tenders to resilience "
        "when one country supplies more than 50 %.")),
    Term("geopolrisk", _("GeoPolRisk — geopolitical supply risk of imports"), _(
        "How risky the imports of one country or region (here the Netherlands and the EU27) are: the "
        "concentration of world production multiplied by the share of imports that comes from politically "
        "unstable countries. Higher means riskier. Expressed per kilogram as copper equivalents (kg Cu-eq), it "
        "can be added up over products.")),
    Term("p5-p95", _("Median, P5 and P95"), _(
        "Many inputs are uncertain, so each calculation is repeated many times with different plausible values "
        "(Monte Carlo). The median (P50) is the middle result; 90 % of the results lie between P5 and P95. A "
        "wide range means an uncertain outcome.")),
    Term("sr-weighted", _("t/yr × SR — demand weighted by supply risk"), _(
        "Tonnes per year multiplied by the supply risk of each material and added up. A tonne of a risky "
        "material such as a rare earth counts more than a tonne of a low-risk material, so a lever that saves "
        "risky materials scores higher.")),
    Term("end-of-life", _("End of life and recoverable"), _(
        "End of life is the material in products that are taken out of use in a year; recoverable is the part "
        "of it that is expected to be collected and recycled with today's rates.")),
)


def menu() -> list[dict]:
    """The main menu in the current language: title and address of every page, in menu order."""
    return [{"title": p.title, "url": reverse(p.url_name)} for p in PAGES]

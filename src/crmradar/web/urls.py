"""Root URLs. Every route carries an access rule (``crmradar.web.access``): the analysis pages are public,
the workspace and accounts apps mark each of their views, the admin site admits staff only."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from crmradar.web import hardening
from crmradar.web.access import ANALYST, ITEM, access, public
from crmradar.web.api import api
from crmradar.web.views import _jobs, analysis, compare, energy, levers, pages, procurement, recycling, shock, sweeps
from crmradar.web.views import documents as document_views
from crmradar.web.views.factsheet import factsheet
from crmradar.web.views.kaart import kaart as map_page
from crmradar.web.views.lever_range import lever_range_panel
from crmradar.web.views.scenario_edit import scenario_edit_page, scenario_edit_panel
from crmradar.web.views.search import site_search
from crmradar.web.views.shock_custom import custom_shock_panel

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", public(hardening.health), name="health"),
    path("favicon.ico", public(pages.favicon), name="favicon"),
]
handler404 = "crmradar.web.views.pages.not_found"
handler500 = "crmradar.web.hardening.server_error"
urlpatterns += i18n_patterns(
    path("", public(pages.overview), name="overview"),
    path("materials/", public(pages.materials), name="materials"),
    path("summary/", public(pages.summary), name="summary"),
    path("material/<slug:material_id>/", public(pages.material), name="material"),
    path("material/<slug:material_id>/<slug:key>.csv", public(pages.material_block_csv), name="material_block_csv"),
    path("material/<slug:material_id>/<slug:key>.xlsx", public(pages.material_block_xlsx),
         name="material_block_xlsx"),
    path("material/<slug:material_id>/factsheet/", public(factsheet), name="material_factsheet"),
    path("energy/", public(energy.energy), name="energy"),
    path("energy/panel/", public(energy.energy_panel), name="energy_panel"),
    path("energy/download/", public(energy.energy_download), name="energy_download"),
    path("scenario/", public(scenario_edit_page), name="scenario_edit"),
    path("scenario/panel/", public(scenario_edit_panel), name="scenario_edit_panel"),
    path("compare/", public(compare.compare_page), name="compare"),
    path("compare/panel/", public(compare.compare_panel), name="compare_panel"),
    path("crma/", public(analysis.crma), name="crma"),
    path("levers/", public(levers.levers), name="levers"),
    path("levers/panel/", public(levers.lever_panel), name="lever_panel"),
    path("levers/rank/", public(levers.lever_rank_panel), name="lever_rank_panel"),
    path("levers/range/", public(lever_range_panel), name="lever_range_panel"),
    path("recycling/", public(recycling.recycling), name="recycling"),
    path("recycling/panel/", public(recycling.recycling_panel), name="recycling_panel"),
    path("kaart/", access(ITEM)(map_page), name="map"),
    path("shocks/", public(shock.shock), name="shock"),
    path("shocks/panel/", public(shock.shock_panel), name="shock_panel"),
    path("shocks/custom/", public(custom_shock_panel), name="custom_shock_panel"),
    path("jobs/<int:job_id>/cancel/", public(_jobs.cancel_job), name="job_cancel"),
    path("sweeps/", public(sweeps.sweeps), name="sweeps"),
    path("sweeps/run/", access(ANALYST)(sweeps.sweep_run), name="sweep_run"),  # analysts start small sweeps
    path("procurement/", public(procurement.procurement), name="procurement"),
    path("procurement/example/", public(procurement.procurement_example), name="procurement_example"),
    path("procurement/report/<str:name>", public(procurement.procurement_report), name="procurement_report"),
    path("sources/", public(pages.sources), name="sources"),
    path("methods/", public(pages.methods), name="methods"),
    path("glossary/", public(pages.glossary), name="glossary"),
    path("search/", public(site_search), name="search"),
    path("data/", public(pages.data_download), name="data"),
    path("data/download/<str:fmt>/", public(pages.data_file), name="data_file"),
    path("veranderd/", include("crmradar.apps.releases.urls")),
    path("documenten/", access(ITEM)(document_views.documents), name="documents"),
    path("documenten/<slug:kind>/<slug:subject>/<slug:fmt>/", access(ITEM)(document_views.document_panel),
         name="document_panel"),
    path("documenten/<slug:kind>/<slug:subject>/<slug:fmt>/bestand", access(ITEM)(document_views.document_download),
         name="document_download"),
    path("werkruimte/signalen/", include("crmradar.apps.signals.urls")),
    path("werkruimte/", include("crmradar.apps.projects.urls")),
    path("werkruimte/", include("crmradar.apps.policy.urls")),
    path("werkruimte/", include("crmradar.apps.consultation.urls")),
    path("account/", include("crmradar.apps.accounts.urls")),
    path("beheer/", admin.site.urls),
    prefix_default_language=False,
)

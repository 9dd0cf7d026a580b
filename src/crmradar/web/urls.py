from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from crmradar.web.api import api
from crmradar.web.views import analysis, energy, levers, pages, procurement, recycling, shock

urlpatterns = [
    path("api/v1/", api.urls),
    path("healthz", pages.health, name="health"),
]
urlpatterns += i18n_patterns(
    path("", pages.overview, name="overview"),
    path("materials/", pages.materials, name="materials"),
    path("summary/", pages.summary, name="summary"),
    path("material/<slug:material_id>/", pages.material, name="material"),
    path("material/<slug:material_id>/<slug:key>.csv", pages.material_block_csv, name="material_block_csv"),
    path("energy/", energy.energy, name="energy"),
    path("energy/panel/", energy.energy_panel, name="energy_panel"),
    path("energy/download/", energy.energy_download, name="energy_download"),
    path("crma/", analysis.crma, name="crma"),
    path("levers/", levers.levers, name="levers"),
    path("levers/panel/", levers.lever_panel, name="lever_panel"),
    path("levers/rank/", levers.lever_rank_panel, name="lever_rank_panel"),
    path("recycling/", recycling.recycling, name="recycling"),
    path("recycling/panel/", recycling.recycling_panel, name="recycling_panel"),
    path("shocks/", shock.shock, name="shock"),
    path("shocks/panel/", shock.shock_panel, name="shock_panel"),
    path("procurement/", procurement.procurement, name="procurement"),
    path("procurement/example/", procurement.procurement_example, name="procurement_example"),
    path("procurement/report/<str:name>", procurement.procurement_report, name="procurement_report"),
    path("sources/", pages.sources, name="sources"),
    path("methods/", pages.methods, name="methods"),
    path("data/", pages.data_download, name="data"),
    path("data/download/<str:fmt>/", pages.data_file, name="data_file"),
    prefix_default_language=False,
)

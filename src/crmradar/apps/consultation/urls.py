from django.urls import path

from crmradar.apps.consultation import views, views_workflow

app_name = "consultation"
urlpatterns = [
    path("", views_workflow.workspace_dashboard, name="dashboard"),
    path("prullenbak/", views.deleted_items, name="deleted"),
    path("audit.csv", views_workflow.audit_export, name="audit_export"),
    path("acties/<int:pk>/voortgang/", views_workflow.progress_add, name="progress_add"),
    path("overleggen/<int:pk>/besluit/", views_workflow.decision_add, name="decision_add"),
    path("overleggen/<int:pk>/agenda.docx", views_workflow.agenda_export, name="agenda_export"),
    path("verdiepingen/<int:pk>/resultaat/", views_workflow.deepdive_result, name="deepdive_result"),
    path("<slug:register>/", views.register_list, name="list"),
    path("<slug:register>/nieuw/", views.item_create, name="create"),
    path("<slug:register>/import/", views_workflow.register_import, name="import"),
    path("<slug:register>/export.<str:fmt>", views_workflow.register_export, name="export"),
    path("<slug:register>/<int:pk>/", views.item_detail, name="detail"),
    path("<slug:register>/<int:pk>/bewerken/", views.item_edit, name="edit"),
    path("<slug:register>/<int:pk>/verwijderen/", views.item_delete, name="delete"),
    path("<slug:register>/<int:pk>/herstellen/", views.item_restore, name="restore"),
    path("<slug:register>/<int:pk>/reactie/", views.item_comment, name="comment"),
    path("<slug:register>/<int:pk>/geschiedenis.csv", views_workflow.item_history_export, name="history_export"),
]

from django.urls import path

from crmradar.apps.releases import views

app_name = "releases"
urlpatterns = [
    path("", views.changes, name="changes"),
]

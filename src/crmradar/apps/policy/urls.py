from django.urls import path

from crmradar.apps.policy import views

app_name = "policy"
urlpatterns = [
    path("bijdrage/", views.contribution, name="contribution"),
]

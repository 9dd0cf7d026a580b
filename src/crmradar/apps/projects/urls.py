from django.urls import path

from crmradar.apps.projects import views

app_name = "projects"
urlpatterns = [
    path("projecten/<int:pk>/businesscase/", views.project_business_case, name="business_case"),
    path("ketens/<int:pk>/businesscase/", views.chain_business_case, name="chain_business_case"),
]

from django.urls import path

from crmradar.apps.signals import views

app_name = "signals"
urlpatterns = [
    path("", views.signal_list, name="list"),
    path("nieuw/", views.signal_create, name="create"),
    path("import/", views.signal_import, name="import"),
    path("instellingen/", views.signal_settings, name="settings"),
    path("bronnen-lezen/", views.feeds_read, name="feeds_read"),
    path("meldingen-gelezen/", views.notifications_read, name="notifications_read"),
    path("<int:pk>/", views.signal_detail, name="detail"),
]

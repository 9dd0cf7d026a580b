from django.urls import path

from crmradar.apps.accounts import views

app_name = "accounts"
urlpatterns = [
    path("inloggen/", views.login, name="login"),
    path("uitloggen/", views.logout, name="logout"),
    path("profiel/", views.profile, name="profile"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path("wachtwoord-vergeten/<uidb64>/<token>/", views.password_reset_confirm, name="password_reset_confirm"),
    path("wachtwoord-vergeten/klaar/", views.password_reset_complete, name="password_reset_complete"),
]

from django.conf import settings
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

if settings.OIDC_ENABLED:
    # mozilla-django-oidc's redirect and callback views: public by nature (they start and finish a sign-on).
    from mozilla_django_oidc import views as oidc_views

    from crmradar.web.access import public

    urlpatterns += [
        path("oidc/start/", public(oidc_views.OIDCAuthenticationRequestView.as_view()), name="oidc_start"),
        path("oidc/callback/", public(oidc_views.OIDCAuthenticationCallbackView.as_view()), name="oidc_callback"),
    ]

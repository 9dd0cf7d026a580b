"""Log in and out, password reset by e-mail (Django's own views, with axes throttling the login)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.shortcuts import render

from crmradar.web.access import MEMBER, PUBLIC, access

login = access(PUBLIC)(auth_views.LoginView.as_view(template_name="accounts/login.html",
                                                    redirect_authenticated_user=True,
                                                    extra_context={"oidc_enabled": settings.OIDC_ENABLED}))
logout = access(PUBLIC)(auth_views.LogoutView.as_view())
password_reset = access(PUBLIC)(auth_views.PasswordResetView.as_view(
    template_name="accounts/password_reset.html", email_template_name="accounts/password_reset_email.txt",
    subject_template_name="accounts/password_reset_subject.txt", success_url="/account/wachtwoord-vergeten/verstuurd/"))
password_reset_done = access(PUBLIC)(auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"))
password_reset_confirm = access(PUBLIC)(auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html", success_url="/account/wachtwoord-vergeten/klaar/"))
password_reset_complete = access(PUBLIC)(auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"))


@access(MEMBER)
def profile(request):
    account = getattr(request.user, "account", None)
    return render(request, "accounts/profile.html", {"account": account})

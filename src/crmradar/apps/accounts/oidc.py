"""OpenID Connect sign-on (mozilla-django-oidc), active only when ``CRMRADAR_OIDC_CLIENT_ID`` is set.

Users are matched on e-mail to an existing local account, which carries the role and organisation; an
unknown e-mail is refused unless ``CRMRADAR_OIDC_CREATE_USER=1``, and then gets the ``lezer`` role in the
organisation named by ``CRMRADAR_OIDC_DEFAULT_ORGANISATION``.
"""

from __future__ import annotations

import os

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from crmradar.apps.accounts.roles import READER


class RoleMappingOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        email = (claims.get("email") or "").strip().lower()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(username=email, is_active=True)

    def create_user(self, claims):
        from crmradar.apps.accounts.models import Account
        from crmradar.apps.consultation.models import Organisation

        email = claims["email"].strip().lower()
        organisation = Organisation.objects.get(name=os.environ.get("CRMRADAR_OIDC_DEFAULT_ORGANISATION",
                                                                    "Provincie Zuid-Holland"))
        user = self.UserModel.objects.create_user(username=email, email=email)
        user.set_unusable_password()
        user.save()
        Account.objects.create(user=user, role=READER, organisation=organisation)
        return user

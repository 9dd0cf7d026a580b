from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PolicyConfig(AppConfig):
    name = "crmradar.apps.policy"
    label = "policy"
    verbose_name = _("Policy alignment")
    default_auto_field = "django.db.models.BigAutoField"

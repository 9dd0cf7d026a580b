from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignalsConfig(AppConfig):
    name = "crmradar.apps.signals"
    label = "signals"
    verbose_name = _("Early-warning signals")
    default_auto_field = "django.db.models.BigAutoField"

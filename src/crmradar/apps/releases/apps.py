from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReleasesConfig(AppConfig):
    name = "crmradar.apps.releases"
    label = "releases"
    verbose_name = _("Data releases")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from crmradar.apps.releases.services import record_on_load
        from crmradar.web.models import PackageLoad

        post_save.connect(record_on_load, sender=PackageLoad, dispatch_uid="releases.record_on_load")

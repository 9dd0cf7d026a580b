from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "crmradar.apps.projects"
    label = "projects"
    verbose_name = _("Project pipeline")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from crmradar.apps.projects import business_case  # noqa: F401 - registers the queued computation

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "crmradar.web"
    label = "web"
    verbose_name = "crm-radar"
    default_auto_field = "django.db.models.BigAutoField"

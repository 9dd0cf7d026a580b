from django.contrib import admin

from crmradar.apps.releases.models import Release


@admin.register(Release)
class ReleaseAdmin(admin.ModelAdmin):
    list_display = ("__str__", "name", "version", "recorded_at")
    readonly_fields = ("load", "name", "version", "recorded_at")

    def has_add_permission(self, request) -> bool:  # releases come from package loads only
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

"""Admin for the registers: the same object rules as pages and API (rules' ObjectPermissionsModelAdmin), with
the simple-history log, so an administrator sees the audit trail here too."""

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from crmradar.apps.consultation import models


class RegisterAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_filter = ("published",)
    readonly_fields = ("created_at", "created_by", "updated_at", "updated_by", "deleted_at", "deleted_by")

    def get_queryset(self, request):
        return self.model.all_objects.all()

    def save_model(self, request, obj, form, change):
        if obj.pk is None:
            obj.created_by = request.user
        obj.updated_by = request.user
        super().save_model(request, obj, form, change)


for model in (models.Organisation, models.ValueChain, models.Bottleneck, models.ActionPoint, models.Meeting,
              models.DeepDive):
    admin.site.register(model, RegisterAdmin)

from django.contrib import admin
from rules.contrib.admin import ObjectPermissionsModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from crmradar.apps.signals.models import Feed, PriceThreshold, Signal


@admin.register(Signal)
class SignalAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ("title", "kind", "published_on", "origin", "alerting", "published")
    list_filter = ("kind", "origin", "alerting", "published")
    search_fields = ("title", "summary")


@admin.register(PriceThreshold)
class PriceThresholdAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ("material", "percent", "updated_at")


@admin.register(Feed)
class FeedAdmin(ObjectPermissionsModelAdminMixin, SimpleHistoryAdmin):
    list_display = ("name", "url", "active", "last_read_at")

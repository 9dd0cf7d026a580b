from django.contrib import admin

from crmradar.apps.accounts.models import Account, ApiToken


@admin.register(Account)
class AccountAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "organisation")
    list_filter = ("role", "organisation")
    search_fields = ("user__username", "user__email")


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("prefix", "user", "created_at", "last_used_at", "revoked")
    readonly_fields = ("token_hash", "prefix", "created_at", "last_used_at")
    list_filter = ("revoked",)

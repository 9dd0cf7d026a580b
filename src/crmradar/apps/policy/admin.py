from django.contrib import admin

from crmradar.apps.consultation.admin import RegisterAdmin
from crmradar.apps.policy.models import PolicyFramework

admin.site.register(PolicyFramework, RegisterAdmin)

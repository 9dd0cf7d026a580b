from django.contrib import admin

from crmradar.apps.consultation.admin import RegisterAdmin
from crmradar.apps.projects.models import Project

admin.site.register(Project, RegisterAdmin)

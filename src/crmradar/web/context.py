"""Template context shared by every page."""

from __future__ import annotations

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from crmradar import __version__


def site(request) -> dict:
    current = get_language() or settings.LANGUAGE_CODE
    alternates = [
        {"code": code, "name": name, "url": translate_url(request.get_full_path(), code), "current": code == current}
        for code, name in settings.LANGUAGES
    ]
    from crmradar.web.site_pages import menu

    return {"crmradar_version": __version__, "language_alternates": alternates, "nav_pages": menu()}

"""Permalinks: when a form on an analysis page asks HTMX for a new panel, the address bar is updated to the
page's own address with the chosen values (``HX-Replace-Url``), so a copied link restores the same view."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.urls import reverse
from django.utils.cache import patch_vary_headers


def permalink(page_name: str, form_id: str) -> Callable:
    """Decorate a panel view: answers to the page's form (``HX-Trigger: <form_id>``) carry the page URL."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.headers.get("HX-Trigger") == form_id and response.status_code == 200:
                query = request.GET.urlencode()
                response["HX-Replace-Url"] = reverse(page_name) + (f"?{query}" if query else "")
            patch_vary_headers(response, ["HX-Trigger"])  # the page cache must not mix the two answers
            return response

        return wrapped

    return decorate

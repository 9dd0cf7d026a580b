"""Register pages: list (search, filters, sorting, pages), detail (with comments and history), create, edit,
soft delete and undo. Views only translate HTTP to the services; rules live in ``rules.py``."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crmradar.apps.consultation import history, services
from crmradar.apps.consultation.forms import CommentForm
from crmradar.apps.consultation.registers import REGISTERS, Register, display, field_label
from crmradar.web.access import ANALYST, EDITOR, ITEM, access

PAGE_SIZE = 25


def _register(slug: str) -> Register:
    if slug not in REGISTERS:
        raise Http404
    return REGISTERS[slug]


def _item(register: Register, pk: int, user, include_deleted: bool = False):
    return get_object_or_404(services.visible(register.model, user, include_deleted=include_deleted), pk=pk)


def _filter_options(register: Register, user) -> list[dict]:
    options = []
    for name in register.filters:
        field = register.model._meta.get_field(name)
        if field.choices:
            values = [(str(k), str(v)) for k, v in field.choices]
        elif name == "published":
            values = [("1", _("yes")), ("0", _("no"))]
        elif name == "severity":
            values = [(str(n), str(n)) for n in range(1, 6)]
        else:
            related = field.related_model
            queryset = services.visible(related, user) if hasattr(related, "all_objects") else related.objects
            values = [(str(o.pk), str(o)) for o in queryset.all()]
        options.append({"name": name, "label": field_label(register.model, name), "values": values})
    return options


def filtered(register: Register, user, params) -> tuple[object, dict]:
    """The visible items after search (``q``), filters (one parameter per filter field) and ``sort``."""
    queryset = services.visible(register.model, user)
    active = {}
    query = (params.get("q") or "").strip()[:200]
    if query:
        condition = Q()
        for name in register.search:
            condition |= Q(**{f"{name}__icontains": query})
        queryset = queryset.filter(condition)
    for name in register.filters:
        value = params.get(name)
        if value in (None, ""):
            continue
        if name == "published":
            queryset = queryset.filter(published=value == "1")
        elif register.model._meta.get_field(name).choices or value.isdigit():
            queryset = queryset.filter(**{name: value})
        else:
            continue
        active[name] = value
    sort = params.get("sort") or ""
    if sort.lstrip("-") in register.sort:
        queryset = queryset.order_by(sort, "pk")
    return queryset.distinct(), {"q": query, "sort": sort, **active}


@access(ITEM)
def register_list(request, register: str):
    reg = _register(register)
    queryset, active = filtered(reg, request.user, request.GET)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [{"item": item, "cells": [display(item, c) for c in reg.list_columns]} for item in page]
    sort_links = [{"name": c, "label": field_label(reg.model, c), "sortable": c in reg.sort}
                  for c in reg.list_columns]
    template = "consultation/_list_table.html" if request.headers.get("HX-Request") else "consultation/list.html"
    return render(request, template, {
        "register": reg, "registers": REGISTERS.values(), "rows": rows, "page": page, "columns": sort_links,
        "filters": _filter_options(reg, request.user), "active": active,
        "can_add": request.user.has_perm(services.perm("add", reg.model)),
    })


@access(ITEM)
def item_detail(request, register: str, pk: int):
    reg = _register(register)
    item = _item(reg, pk, request.user, include_deleted=True)
    # Agenda and minutes are shown rendered below, not as raw Markdown in the facts list; a Dutch translation
    # (name_nl, …) is what its English field shows on Dutch pages, so it is not listed a second time.
    translations = set(getattr(reg.model, "TRANSLATED_FIELDS", {}).values())
    fields = [{"label": field_label(reg.model, name), "value": display(item, name)}
              for name in reg.exchange if name not in ("id", "agenda", "minutes") and name not in translations]
    user = request.user
    context = {
        "register": reg, "item": item, "fields": fields,
        "can_change": user.has_perm(services.perm("change", reg.model), item) and item.deleted_at is None,
        "can_restore": item.deleted_at is not None and user.has_perm(services.perm("restore", reg.model), item),
        "can_comment": user.has_perm(services.perm("comment", reg.model), item),
        "can_see_history": user.has_perm(services.perm("history", reg.model)),
        "comments": services.comments_of(item).select_related("author"),
        "comment_form": CommentForm(),
        "meta": [
            (_("created"), display(item, "created_at"), item.created_by),
            (_("last changed"), display(item, "updated_at"), item.updated_by),
        ],
    }
    if context["can_see_history"]:
        context["history"] = history.entries(item)
    from crmradar.apps.consultation import detail_extras

    context.update(detail_extras.extras(reg, item, request))
    return render(request, "consultation/detail.html", context)


def _form_response(request, reg: Register, form, item=None, status: int = 200):
    template = "consultation/_form.html" if request.headers.get("HX-Request") else "consultation/form.html"
    return render(request, template, {"register": reg, "form": form, "item": item}, status=status)


def _done(request, url: str) -> HttpResponse:
    if request.headers.get("HX-Request"):
        response = HttpResponse(status=204)
        response["HX-Redirect"] = url
        return response
    return redirect(url)


def _links(reg: Register, form) -> dict:
    return {name: form.cleaned_data[name] for name in form.cleaned_data
            if reg.model._meta.get_field(name).many_to_many}


def _save_form(request, reg: Register, item=None):
    form = reg.form(request.POST or None, request.FILES or None, instance=item, user=request.user)
    if request.method != "POST":
        return _form_response(request, reg, form, item)
    if form.is_valid():
        instance = form.save(commit=False)
        try:
            services.save_item(instance, request.user, links=_links(reg, form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return _done(request, reverse("consultation:detail", args=[reg.slug, instance.pk]))
    # Field errors render in place; HTMX swaps a 200, plain browsers get 422 with the same form.
    return _form_response(request, reg, form, item, status=200 if request.headers.get("HX-Request") else 422)


@access(EDITOR)
def item_create(request, register: str):
    reg = _register(register)
    if not request.user.has_perm(services.perm("add", reg.model)):
        raise PermissionDenied
    return _save_form(request, reg)


@access(EDITOR)
def item_edit(request, register: str, pk: int):
    reg = _register(register)
    item = _item(reg, pk, request.user)
    services.require(request.user, "change", reg.model, item)
    return _save_form(request, reg, item)


@require_POST
@access(EDITOR)
def item_delete(request, register: str, pk: int):
    reg = _register(register)
    services.soft_delete(_item(reg, pk, request.user), request.user)
    return _done(request, reverse("consultation:list", args=[reg.slug]))


@require_POST
@access(ANALYST)
def item_restore(request, register: str, pk: int):
    reg = _register(register)
    services.restore(_item(reg, pk, request.user, include_deleted=True), request.user)
    return _done(request, reverse("consultation:detail", args=[reg.slug, pk]))


@require_POST
@access(EDITOR)
def item_comment(request, register: str, pk: int):
    reg = _register(register)
    item = _item(reg, pk, request.user)
    form = CommentForm(request.POST)
    if form.is_valid():
        services.add_comment(item, request.user, form.cleaned_data["text"])
    return _done(request, reverse("consultation:detail", args=[reg.slug, pk]) + "#reacties")


@access(ANALYST)
def deleted_items(request):
    rows = []
    for reg in REGISTERS.values():
        for item in reg.model.all_objects.filter(deleted_at__isnull=False).select_related("deleted_by"):
            rows.append({"register": reg, "item": item, "when": display(item, "deleted_at"), "who": item.deleted_by})
    return render(request, "consultation/deleted.html", {"rows": rows})

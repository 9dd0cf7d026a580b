"""Signal pages: register, detail, new signal, import, thresholds and feeds, reading the feeds, and marking
notifications read. Rules live in ``rules.py``; every change goes through ``services``."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from crmradar.apps.consultation import services as workspace
from crmradar.apps.signals import forms, importexport, services
from crmradar.apps.signals.feeds import FeedError
from crmradar.apps.signals.models import Feed, Notification, PriceThreshold, Signal
from crmradar.web.access import ANALYST, EDITOR, ITEM, MEMBER, access


@access(ITEM)
def signal_list(request):
    user = request.user
    signals = workspace.visible(Signal, user).prefetch_related("chains", "organisations")
    kind = request.GET.get("kind", "")
    if kind:
        signals = signals.filter(kind=kind)
    notes = (Notification.objects.filter(user=user, read_at__isnull=True).select_related("signal")
             if user.is_authenticated else [])
    return render(request, "signals/list.html", {
        "signals": signals[:200], "notifications": notes, "kind": kind, "kinds": Signal._meta.get_field("kind").choices,
        "can_add": user.has_perm("signals.add_signal"), "can_manage": user.has_perm("signals.manage_settings"),
    })


@access(ITEM)
def signal_detail(request, pk: int):
    signal = get_object_or_404(workspace.visible(Signal, request.user), pk=pk)
    chains = signal.chains.all()
    if not request.user.has_perm("consultation.view_workspace"):
        chains = chains.filter(published=True)
    return render(request, "signals/detail.html", {
        "signal": signal, "chains": chains,
        "organisations": signal.organisations.all() if request.user.has_perm("consultation.view_workspace") else [],
        "notified": signal.notifications.count() if request.user.has_perm("signals.manage_settings") else None,
    })


@access(EDITOR)
def signal_create(request):
    form = forms.SignalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        signal = form.save(commit=False)
        signal.materials = form.cleaned_data["materials_text"]
        try:
            services.record(signal, request.user)
        except ValidationError as error:
            for field, errors in error.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, _("Signal recorded; %(n)s organisation(s) reached.")
                             % {"n": signal.organisations.count()})
            return redirect("signals:detail", pk=signal.pk)
    return render(request, "signals/form.html", {"form": form}, status=422 if form.errors else 200)


@access(ANALYST)
def signal_import(request):
    form = forms.ImportForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            made = importexport.import_signals(upload.name, request.user, content=upload.read())
        except importexport.ImportProblemsError as error:
            problems = error.problems
        else:
            messages.success(request, _("%(n)s signal(s) imported.") % {"n": len(made)})
            return redirect("signals:list")
    return render(request, "signals/import.html", {"form": form, "problems": problems},
                  status=422 if problems else 200)


@access(ANALYST)
def signal_settings(request):
    threshold_form = forms.ThresholdForm(prefix="t")
    feed_form = forms.FeedForm(prefix="f")
    if request.method == "POST":
        if "t-material" in request.POST:
            threshold_form = forms.ThresholdForm(request.POST, prefix="t")
            if threshold_form.is_valid():
                data = threshold_form.cleaned_data
                try:
                    services.set_threshold(request.user, data["material"].strip(), data["percent"])
                except ValidationError as error:
                    threshold_form.add_error("material", " ".join(m for ms in error.message_dict.values() for m in ms))
                else:
                    messages.success(request, _("Threshold saved."))
                    return redirect("signals:settings")
        else:
            feed_form = forms.FeedForm(request.POST, prefix="f")
            if feed_form.is_valid():
                data = feed_form.cleaned_data
                try:
                    services.add_feed(request.user, data["name"], data["url"], data["default_kind"])
                except ValidationError as error:
                    feed_form.add_error("url", " ".join(m for ms in error.message_dict.values() for m in ms))
                else:
                    messages.success(request, _("Feed added."))
                    return redirect("signals:settings")
    return render(request, "signals/settings.html", {
        "thresholds": PriceThreshold.objects.all(), "feeds": Feed.objects.all(),
        "threshold_form": threshold_form, "feed_form": feed_form,
    })


@require_POST
@access(ANALYST)
def feeds_read(request):
    if not request.user.has_perm("signals.manage_settings"):
        raise PermissionDenied
    total = 0
    for feed in Feed.objects.filter(active=True):
        try:
            total += len(services.read_feed(feed))
        except FeedError as error:
            messages.error(request, f"{feed.name}: {error}")
    messages.success(request, _("%(n)s new signal(s) read.") % {"n": total})
    return redirect("signals:list")


@require_POST
@access(MEMBER)
def notifications_read(request):
    services.mark_read(request.user)
    return redirect(request.POST.get("next") if request.POST.get("next", "").startswith("/") else "signals:list")

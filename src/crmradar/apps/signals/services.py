"""Every change to signals, thresholds and feeds goes through here: the workspace rules, the audit user, the
matching to chains and organisations, and the notifications (workspace and e-mail)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import get_connection, send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from crmradar.apps.consultation import services as workspace
from crmradar.apps.signals import matching
from crmradar.apps.signals.models import Feed, Notification, PriceThreshold, Signal, SignalKind


def threshold_for(material: str) -> float | None:
    found = PriceThreshold.objects.filter(material=material).first()
    return found.percent if found else None


def is_alerting(signal: Signal) -> bool:
    """Price moves alert only at or beyond the threshold of one of their materials; a material without a
    threshold alerts on any move (the analyst sets thresholds to quieten them). Other kinds always alert."""
    if signal.kind != SignalKind.PRICE_MOVE:
        return True
    if signal.price_change_percent is None:
        return True
    thresholds = [threshold_for(m) for m in signal.materials]
    if not thresholds or any(t is None for t in thresholds):
        return True
    return abs(signal.price_change_percent) >= min(thresholds)


def apply_match(signal: Signal) -> matching.Reach:
    """Fill the signal's technologies, chains and organisations from its materials."""
    found = matching.reach(signal.materials or [])
    Signal.all_objects.filter(pk=signal.pk).update(technologies=found.technologies)
    signal.technologies = found.technologies
    signal.chains.set(found.chains)
    signal.organisations.set(found.organisations)
    return found


def recipients(signal: Signal) -> list:
    """Active users whose organisation owns an item the signal reaches."""
    organisation_ids = list(signal.organisations.values_list("pk", flat=True))
    return list(get_user_model().objects.filter(is_active=True, account__organisation_id__in=organisation_ids)
                .order_by("email"))


def notify(signal: Signal) -> list[Notification]:
    """A workspace notification for every recipient, and one e-mail each (those with an address)."""
    if not signal.alerting:
        return []
    made = []
    messages = []
    for user in recipients(signal):
        note, created = Notification.objects.get_or_create(user=user, signal=signal)
        if not created:
            continue
        made.append(note)
        if user.email:
            messages.append((note, user.email))
    if messages:
        with override("nl"):
            subject = _("Signal: %(title)s") % {"title": signal.title}
            chains = ", ".join(c.name for c in signal.chains.all()) or "–"
            body = "\n".join([
                signal.title, "",
                signal.summary, "",
                _("Kind: %(kind)s") % {"kind": signal.get_kind_display()},
                _("Materials: %(materials)s") % {"materials": ", ".join(signal.materials) or "–"},
                _("Value chains: %(chains)s") % {"chains": chains},
                _("Source: %(url)s") % {"url": signal.url or "–"},
                _("In the workspace: %(path)s") % {"path": reverse("signals:detail", args=[signal.pk])},
            ])
        connection = get_connection()
        for note, address in messages:
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [address], connection=connection)
            note.emailed = True
            note.save(update_fields=["emailed"])
    return made


def _complete(signal: Signal, text_for_materials: str = "") -> None:
    if not signal.materials and text_for_materials:
        signal.materials = matching.materials_in_text(text_for_materials)
    signal.alerting = is_alerting(signal)


def record(signal: Signal, user, notify_owners: bool = True) -> Signal:
    """Save a new or changed signal (workspace rules, audit), match it and notify the owners it reaches."""
    _complete(signal, f"{signal.title}\n{signal.summary}")
    with transaction.atomic():
        workspace.save_item(signal, user)
        apply_match(signal)
    if notify_owners:
        notify(signal)
    return signal


def record_from_feed(signal: Signal) -> Signal:
    """Save a signal read from a feed (by the system: no user; history records no actor), match and notify."""
    _complete(signal, f"{signal.title}\n{signal.summary}")
    signal._history_user = None
    signal.full_clean()
    with transaction.atomic():
        signal.save()
        apply_match(signal)
    notify(signal)
    return signal


def _actor(user):
    """The user recorded in the history: None for the command line acting as the system."""
    return user if getattr(user, "is_authenticated", False) else None


def require_analyst(user) -> None:
    if not user.has_perm("signals.manage_settings"):
        raise PermissionDenied


def set_threshold(user, material: str, percent: float | None) -> PriceThreshold | None:
    """Set (or with ``None`` remove) the price threshold of a material: analysts and administrators."""
    require_analyst(user)
    current = PriceThreshold.objects.filter(material=material).first()
    if percent is None:
        if current:
            current._history_user = _actor(user)
            current.delete()
        return None
    item = current or PriceThreshold(material=material)
    item.percent = percent
    item._history_user = _actor(user)
    item.full_clean()
    item.save()
    return item


def add_feed(user, name: str, url: str, default_kind: str = SignalKind.POLICY) -> Feed:
    require_analyst(user)
    feed = Feed(name=name, url=url, default_kind=default_kind)
    feed._history_user = _actor(user)
    feed.full_clean()
    feed.save()
    return feed


def read_feed(feed: Feed, source_override: str | None = None) -> list[Signal]:
    """Read one feed and record its new items as signals (items already read are skipped by their id)."""
    from crmradar.apps.signals.feeds import FeedError, parse_feed

    try:
        items = parse_feed(source_override or feed.url)
    except FeedError as error:
        Feed.objects.filter(pk=feed.pk).update(last_error=str(error), last_read_at=timezone.now())
        raise
    made = []
    known = set(Signal.all_objects.filter(feed=feed).values_list("guid", flat=True))
    for item in items:
        if item.guid in known:
            continue
        signal = Signal(kind=item.kind or feed.default_kind, title=item.title[:300], summary=item.summary,
                        url=item.link[:1000], published_on=item.date, origin="feed", feed=feed,
                        guid=item.guid[:500], materials=item.materials, price_change_percent=item.price_change)
        made.append(record_from_feed(signal))
        known.add(item.guid)
    Feed.objects.filter(pk=feed.pk).update(last_error="", last_read_at=timezone.now())
    return made


def mark_read(user, notification_ids: list[int] | None = None) -> int:
    queryset = Notification.objects.filter(user=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    return queryset.update(read_at=timezone.now())

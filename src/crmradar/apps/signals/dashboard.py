"""The signal block of the workspace dashboard: the latest alerting signals and the user's unread ones."""

from __future__ import annotations

from crmradar.apps.consultation import services as workspace
from crmradar.apps.signals.models import Notification, Signal


def for_user(user, limit: int = 5) -> dict:
    latest = (workspace.visible(Signal, user).filter(alerting=True).prefetch_related("chains", "organisations")
              [:limit])
    unread = Notification.objects.filter(user=user, read_at__isnull=True).count() if user.is_authenticated else 0
    return {"latest": list(latest), "unread": unread}

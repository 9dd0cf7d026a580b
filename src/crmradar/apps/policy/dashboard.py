"""The policy block of the workspace dashboard: the milestone timeline and the frameworks no action point covers."""

from __future__ import annotations

import datetime as dt

from crmradar.apps.consultation import services as workspace
from crmradar.apps.policy.alignment import timeline, uncovered
from crmradar.apps.policy.models import PolicyFramework


def for_user(user, today: dt.date | None = None, upcoming: int = 6, passed: int = 3) -> dict:
    frameworks = list(workspace.visible(PolicyFramework, user).prefetch_related("action_points"))
    rows = timeline(frameworks, today)
    future = [r for r in rows if not r["past"]][:upcoming]
    past = [r for r in rows if r["past"]][-passed:]
    for row in future + past:
        row["label"] = {"day": row["date"].strftime("%d-%m-%Y"), "month": row["date"].strftime("%m-%Y"),
                        "year": str(row["date"].year)}[row["precision"]]
    return {"frameworks": len(frameworks), "upcoming": future, "passed": past, "uncovered": uncovered(frameworks)}

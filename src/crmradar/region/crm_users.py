"""Critical raw materials held in cited regional plants: electrolysers in the Rotterdam port (issue 14, item 5).

For a plant of capacity ``P`` (MW) and technology ``k`` starting in year ``y``::

    content_m = P × I_k,m(y) / 1000        (t; I in kg/MW from ``material_intensities``)

``I_k,m(y)`` is interpolated linearly between the knot years of the intensity series and held constant beyond
its ends. A plant whose technology is the mix ``electrolyser`` (PEM and alkaline, split not published) gets the
range all-PEM to all-alkaline: ``low`` / ``high`` are the smaller / larger of the two, the central value their
mean. Capacity ranges (``low``/``high`` of the plant) widen the content range proportionally.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

MIX_MEMBERS = {"electrolyser": ("el_pem", "el_alkaline")}


def intensity_at(intensities: pd.DataFrame, technology_id: str, year: int) -> pd.Series:
    """kg/MW per material for one technology in ``year`` (linear between knots, constant beyond the ends)."""
    rows = intensities.loc[intensities["technology_id"] == technology_id]
    result = {}
    for material, series in rows.groupby("material_id"):
        series = series.sort_values("year")
        result[material] = float(np.interp(year, series["year"].astype(float), series["value"].astype(float)))
    return pd.Series(result, name=technology_id, dtype=float)


def plant_contents(users: pd.DataFrame, intensities: pd.DataFrame) -> pd.DataFrame:
    """CRM content (t) per plant and material: ``user_id, material_id, content_t, low_t, high_t, basis``."""
    records = []
    for user in users.itertuples(index=False):
        members = MIX_MEMBERS.get(user.technology_id, (user.technology_id,))
        per_tech = pd.concat([intensity_at(intensities, tech, int(user.start_year)) for tech in members], axis=1)
        per_tech = per_tech.fillna(0.0)
        capacity = float(user.capacity)
        cap_low = capacity if pd.isna(user.low) else float(user.low)
        cap_high = capacity if pd.isna(user.high) else float(user.high)
        for material, kg in per_tech.iterrows():
            central = float(kg.mean()) * capacity / 1000
            records.append({
                "user_id": user.user_id, "material_id": material, "content_t": central,
                "low_t": float(kg.min()) * cap_low / 1000, "high_t": float(kg.max()) * cap_high / 1000,
                "basis": " / ".join(f"{tech} {value:g} kg/MW" for tech, value in kg.items()) + f" ({user.start_year})",
            })
    return pd.DataFrame(records, columns=["user_id", "material_id", "content_t", "low_t", "high_t", "basis"])

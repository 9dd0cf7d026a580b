"""Policy alignment: the frameworks (CRMA, RESourceEU, NGS, NPCE, …) with targets, dates and milestones, mapped to
the consultation's action points and the project pipeline."""

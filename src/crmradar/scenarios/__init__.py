"""Scenario analysis: CRMA benchmark calculator, project portfolios and the recycling facility register."""

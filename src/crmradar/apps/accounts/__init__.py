"""Accounts: users with a workspace role and organisation, personal API tokens, login throttling, OIDC."""

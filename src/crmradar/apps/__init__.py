"""Django apps for the multi-user workspace, one per domain (Open Zaak style).

Each app keeps its models, object rules (``rules.py``), business logic (``services.py``), API router
(``api.py``), views, forms, admin and templates together; the public analysis pages stay in ``crmradar.web``.
"""

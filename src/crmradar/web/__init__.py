"""Web interface: Django + django-ninja API + server-rendered templates with HTMX and Plotly.

Methods never import this package; it sits on top of ``crmradar.reports`` and the engines.
"""

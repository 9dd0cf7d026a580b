"""User-facing assemblies of data and method results (material profiles, risk tables).

Sits above ``crmradar.methods``/``crmradar.region`` and below the CLI and web interfaces, so both
interfaces show exactly the same numbers.
"""

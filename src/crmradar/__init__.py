"""crm-radar (Kritieke Grondstoffen Radar): critical raw materials decision support for EU regions."""

__version__ = "0.1.0"

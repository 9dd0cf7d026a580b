"""Data-package releases: each load of a data package is a release (date, hash) with its key indicators, so the
web can list what changed between two releases, which workspace items that touches, and trends across releases."""

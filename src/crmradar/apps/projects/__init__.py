"""The project pipeline: extraction, processing, recycling and electrolyser projects in and around the region."""

"""Fictional demo data: one account per role, with passwords generated on the first run."""

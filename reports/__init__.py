"""Dossier assembly: plain context → HTML (templates/reports/) → PDF with WeasyPrint.

The PDF engine lives in `reports.pdf` (single documents), `reports.parts` (long reports
rendered in parts and joined), `reports.assets` (the only files WeasyPrint may read),
`reports.charts` (server-drawn SVG) and `reports.templating` (the Jinja environment).
"""

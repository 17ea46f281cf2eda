"""Where finished dossier PDFs live: `instance/dossiers/<sha256>.pdf`, outside the web root."""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app


def dossier_dir(app: Flask | None = None) -> Path:
    """The folder of stored dossier PDFs."""
    settings = (app or current_app).extensions["casebook.settings"]
    return (settings.instance_dir / "dossiers").resolve()


def stored_path(file_name: str, app: Flask | None = None) -> Path:
    """The stored file of a dossier row's `file_path` (a bare `<sha256>.pdf` name)."""
    if "/" in file_name or "\\" in file_name or file_name.startswith("."):
        raise ValueError(f"not a stored dossier name: {file_name!r}")
    return dossier_dir(app) / file_name

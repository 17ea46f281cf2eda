"""The small family of errors services raise, and the one place they become responses."""

from __future__ import annotations

from flask import Flask, render_template
from werkzeug.exceptions import HTTPException


class CasebookError(Exception):
    """Base of the errors a service raises for the user to see."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class NotFound(CasebookError):
    status_code = 404


class Forbidden(CasebookError):
    status_code = 403


class InvalidInput(CasebookError):
    status_code = 422


class StaleEdit(CasebookError):
    """An edit based on a version of a record that someone else has changed since."""

    status_code = 409

    def __init__(self, message: str, *, current: dict[str, object] | None = None) -> None:
        super().__init__(message)
        self.current = current or {}


def init_app(app: Flask) -> None:
    """Render every error with the site's layout; never leak a traceback."""

    @app.errorhandler(CasebookError)
    def _casebook_error(error: CasebookError):  # type: ignore[no-untyped-def]
        return render_template("error.html", code=error.status_code, message=error.message), (
            error.status_code
        )

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):  # type: ignore[no-untyped-def]
        return render_template(
            "error.html", code=error.code, message=error.description
        ), error.code or 500

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):  # type: ignore[no-untyped-def]
        if isinstance(error, HTTPException):
            return _http_error(error)
        app.logger.exception("Unhandled error")
        message = "Something went wrong on our side. Nothing was saved; please try again."
        return render_template("error.html", code=500, message=message), 500

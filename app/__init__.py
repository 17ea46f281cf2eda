"""The Casebook web application: `create_app()` builds it from settings."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import Flask, g, request, session
from werkzeug.middleware.proxy_fix import ProxyFix

from app import case_access, db, errors, navigation, security
from app.config import Environment, Settings, load_settings
from app.extensions import csrf, limiter, login_manager
from models.user import User

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; `test_config` overrides settings (and raw Flask config keys in caps)."""
    overrides = {k: v for k, v in (test_config or {}).items() if not k.isupper()}
    settings = load_settings(overrides)
    app = Flask(
        __name__,
        instance_path=str(settings.instance_dir.resolve()),
        template_folder="../templates",
        static_folder="../static",
    )
    _configure(app, settings)
    app.config.update({k: v for k, v in (test_config or {}).items() if k.isupper()})

    db.init_app(app)
    security.init_app(app)  # before CSRF, so an expired session sends a POST to sign-in, not a 400
    csrf.init_app(app)
    case_access.init_app(app)  # after sign-in and CSRF checks
    limiter.init_app(app)
    login_manager.init_app(app)
    errors.init_app(app)
    navigation.init_app(app)
    _register_blueprints(app)
    _register_hooks(app)

    from app.cli import register_commands

    register_commands(app)
    return app


def _configure(app: Flask, settings: Settings) -> None:
    testing = settings.env is Environment.testing
    app.extensions["casebook.settings"] = settings
    app.extensions["casebook.hasher"] = security.make_hasher(testing)
    app.config.update(
        SECRET_KEY=settings.resolved_secret_key(),
        DATABASE_URL=settings.resolved_database_url(),
        TESTING=testing,
        MAX_CONTENT_LENGTH=(settings.max_upload_mb + 1) * 1024 * 1024,
        PERMANENT_SESSION_LIFETIME=timedelta(minutes=settings.session_timeout_minutes),
        SESSION_REFRESH_EACH_REQUEST=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=settings.behind_tls_proxy,
        SESSION_COOKIE_NAME="casebook_session",
        REMEMBER_COOKIE_DURATION=timedelta(seconds=0),
        WTF_CSRF_TIME_LIMIT=None,  # the session's own timeout bounds the token's life
        RATELIMIT_STORAGE_URI=settings.redis_url or "memory://",
        RATELIMIT_ENABLED=not testing,
    )
    if settings.behind_tls_proxy:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1)  # type: ignore[method-assign]
    app.jinja_env.globals["settings"] = settings


def _register_blueprints(app: Flask) -> None:
    from app.admin import bp as admin_bp
    from app.auth import bp as auth_bp
    from app.cases import bp as cases_bp
    from app.dossiers import bp as dossiers_bp
    from app.dossiers.tasks import init_app as init_dossier_queue
    from app.evidence import bp as evidence_bp
    from app.main import bp as main_bp
    from app.search import bp as search_bp

    for blueprint in (auth_bp, main_bp, admin_bp, cases_bp, evidence_bp, dossiers_bp, search_bp):
        app.register_blueprint(blueprint)
    init_dossier_queue(app)


def _register_hooks(app: Flask) -> None:
    login_manager.login_view = "auth.login"
    login_manager.login_message = "Please sign in to continue."
    login_manager.session_protection = "strong"

    @login_manager.user_loader
    def _load_user(user_id: str) -> User | None:
        user = db.db_session().get(User, int(user_id))
        return user if user is not None and user.active else None

    @app.before_request
    def _permanent_session() -> None:
        session.permanent = True
        g.request_started = True

    @app.after_request
    def _security_headers(response):  # type: ignore[no-untyped-def]
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response

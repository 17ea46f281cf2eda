"""Typed settings read from the environment (`DATABASE_URL`, `SECRET_KEY`, `CASEBOOK_*`).

Nothing is read at import time: `load_settings()` runs inside `create_app()`.
"""

from __future__ import annotations

import enum
import secrets
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Secrets that appear in tutorials, templates and this project's own history; never accepted
# outside development.
KNOWN_DEFAULT_SECRETS = frozenset(
    {"", "dev", "development", "secret", "changeme", "change-me", "secret-key", "casebook"}
)
MIN_SECRET_LENGTH = 32


class Environment(enum.StrEnum):
    development = "development"
    testing = "testing"
    production = "production"


class InsecureConfiguration(RuntimeError):
    """Raised at start-up when a production configuration would be unsafe."""


class Settings(BaseSettings):
    """Casebook's configuration; every field can be set from the environment."""

    model_config = SettingsConfigDict(env_prefix="CASEBOOK_", extra="ignore", populate_by_name=True)

    env: Environment = Environment.development
    instance_dir: Path = Path("instance")
    database_url: str | None = Field(default=None, validation_alias="DATABASE_URL")
    secret_key: str | None = Field(default=None, validation_alias="SECRET_KEY")
    redis_url: str | None = None
    evidence_dir: Path | None = None
    max_upload_mb: int = 50
    session_timeout_minutes: int = 30
    login_attempts_before_lockout: int = 5
    lockout_minutes: int = 15
    login_rate_limit: str = "20 per minute"
    organisation_name: str = "Casebook demo organisation (fictional)"
    # First part of case references such as BAL-2026-0042.
    case_reference_prefix: str = "BAL"
    # Behind a TLS-terminating proxy: mark cookies Secure and trust X-Forwarded-* from one hop.
    behind_tls_proxy: bool = False

    def resolved_database_url(self) -> str:
        """The configured database, or the embedded SQLite file under the instance folder."""
        if self.database_url:
            return normalise_database_url(self.database_url)
        return f"sqlite:///{(self.instance_dir / 'casebook.db').resolve()}"

    def resolved_evidence_dir(self) -> Path:
        """Where uploaded files live: outside every web-served folder."""
        return (self.evidence_dir or self.instance_dir / "evidence").resolve()

    def resolved_secret_key(self) -> str:
        """The secret key; generated once and kept in the instance folder outside production."""
        key = self.secret_key
        if self.env is Environment.production:
            if key is None or key.strip().lower() in KNOWN_DEFAULT_SECRETS:
                raise InsecureConfiguration(
                    "SECRET_KEY is missing or a known default. Set SECRET_KEY to a long random "
                    'value, e.g. python -c "import secrets; print(secrets.token_hex(32))".'
                )
            if len(key) < MIN_SECRET_LENGTH:
                raise InsecureConfiguration(
                    f"SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters."
                )
            return key
        if key:
            return key
        return _instance_secret(self.instance_dir)


def normalise_database_url(url: str) -> str:
    """Accept the `postgres://` and `postgresql://` spellings and use the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    return url


def _instance_secret(instance_dir: Path) -> str:
    path = instance_dir / "secret_key"
    if path.exists():
        return path.read_text().strip()
    instance_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load_settings(overrides: dict[str, object] | None = None) -> Settings:
    """Settings from the environment, with `overrides` (used by tests) taking precedence."""
    return Settings(**(overrides or {}))  # type: ignore[arg-type]

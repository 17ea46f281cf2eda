"""Services: the only code that changes rows. Each takes the session and an `Actor`, writes the
audit trail, and flushes; the request (or CLI command) commits once."""

from app.services.actor import Actor

__all__ = ["Actor"]

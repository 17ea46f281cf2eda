"""Column types shared by every table: UTC timestamps and enums stored as their string values."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa


def utcnow() -> datetime:
    """The current time, timezone-aware, in UTC."""
    return datetime.now(UTC)


class UTCDateTime(sa.TypeDecorator[datetime]):
    """A timestamp stored as naive UTC and always read back timezone-aware.

    SQLite has no time zones and PostgreSQL's `timestamptz` converts on read; storing naive UTC
    on both keeps the two engines byte-for-byte alike in exports and audit hashes.
    """

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; Casebook stores only timezone-aware UTC times")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def enum_type(enum_cls: type[enum.Enum], length: int = 40) -> sa.Enum:
    """A string column that accepts only the members of `enum_cls`, stored by value.

    Non-native on purpose: adding a member never needs an `ALTER TYPE` on PostgreSQL.
    """
    return sa.Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )


class IntEnumType(sa.TypeDecorator[enum.IntEnum]):
    """An integer column read back as a member of an IntEnum (e.g. a credibility grade)."""

    impl = sa.Integer
    cache_ok = True

    def __init__(self, enum_cls: type[enum.IntEnum]) -> None:
        super().__init__()
        self.enum_cls = enum_cls

    def process_bind_param(self, value: int | None, dialect: Any) -> int | None:
        return None if value is None else int(self.enum_cls(value))

    def process_result_value(self, value: int | None, dialect: Any) -> enum.IntEnum | None:
        return None if value is None else self.enum_cls(value)

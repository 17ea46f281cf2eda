"""`casebook reindex`: rebuild the search index from the case records."""

from __future__ import annotations

import time

import click
from flask.cli import with_appcontext


@click.command("reindex")
@with_appcontext
def reindex_command() -> None:
    """Rebuild the search index (after an upgrade, a restore or a bulk import)."""
    from app.cli import cli_session
    from app.search.index import rebuild_index

    started = time.perf_counter()
    with cli_session() as session:
        cases = rebuild_index(session, progress=_progress)
        session.commit()
    click.echo(f"Search index rebuilt: {cases:,} cases in {time.perf_counter() - started:.1f} s.")


def _progress(done: int, total: int) -> None:
    if total >= 10_000 and (done % 10_000 < 2000 or done == total):
        click.echo(f"  {done:,} of {total:,} cases", err=True)

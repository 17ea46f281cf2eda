"""`casebook dossier`, `casebook report` and `casebook worker`.

The two making commands build the PDF in this process (no queue needed), record it like the web
does (a `Dossier` row with its SHA-256, audited as Casebook itself) and write it to `-o`.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from app.dossiers import services
from app.dossiers.jobs import run_dossier_job
from app.dossiers.selection import filters_from_pairs, select_report_cases
from app.dossiers.store import stored_path
from app.errors import CasebookError
from app.services.actor import Actor
from models.dossier import Dossier
from models.enums import DossierAudience, DossierKind, DossierStatus
from reports.records import find_case_id

AUDIENCES = {
    "internal": DossierAudience.internal,
    "un": DossierAudience.un_confidential,
    "public": DossierAudience.public,
}
audience_option = click.option(
    "--audience",
    type=click.Choice(list(AUDIENCES)),
    default="internal",
    show_default=True,
    help="internal: everything; un: UN-confidential; public: for publication.",
)
output_option = click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
    help="Where to write the PDF.",
)


def _make(kind: DossierKind, audience: DossierAudience, case_ids: list[int], title: str,
          output: Path, filters: dict[str, object] | None = None) -> None:
    """Record, build and write one dossier; exit with the reason when it is refused or fails."""
    from app.cli import cli_session

    settings = current_app.extensions["casebook.settings"]
    with cli_session() as session:
        try:
            dossier = services.request_dossier(
                session, actor=Actor.system(), kind=kind, audience=audience, case_ids=case_ids,
                organisation=settings.organisation_name, title=title, filters=filters,
            )
        except CasebookError as error:
            raise click.ClickException(error.message) from error
        session.commit()
        dossier_id = dossier.id
    assert dossier_id is not None
    click.echo(f"Building {kind.label.lower()} D-{dossier_id:06d} ({audience.label})…", err=True)
    status = run_dossier_job(dossier_id)
    with cli_session() as session:
        dossier = session.get(Dossier, dossier_id)
        assert dossier is not None
        if status is not DossierStatus.done or not dossier.file_path:
            raise click.ClickException(dossier.error or "The dossier could not be built.")
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(stored_path(dossier.file_path), output)
        click.echo(
            f"Wrote {output} — {dossier.page_count} pages, SHA-256 {dossier.sha256}", err=True
        )


@click.command("dossier")
@click.argument("reference")
@click.option("--kind", type=click.Choice(["case", "wgeid"]), default="case", show_default=True)
@audience_option
@output_option
@with_appcontext
def dossier_command(reference: str, kind: str, audience: str, output: Path) -> None:
    """Make the case dossier or WGEID submission of case REFERENCE (e.g. BAL-2026-0042)."""
    from app.cli import cli_session

    with cli_session() as session:
        case_id = find_case_id(session, reference)
    if case_id is None:
        raise click.ClickException(f"No case {reference}.")
    chosen_kind, chosen_audience = DossierKind(kind), AUDIENCES[audience]
    title = f"{reference.upper()} — {chosen_kind.label} ({chosen_audience.label})"
    _make(chosen_kind, chosen_audience, [case_id], title, output)


@click.command("report")
@click.option("--filter", "filters", multiple=True, metavar="KEY=VALUE",
              help="A search filter, as on the search page (repeat for more).")
@audience_option
@output_option
@with_appcontext
def report_command(filters: tuple[str, ...], audience: str, output: Path) -> None:
    """Make an advocacy report over the cases a search matches (all cases without filters)."""
    from app.cli import cli_session

    try:
        args = filters_from_pairs(filters)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--filter") from error
    with cli_session() as session:
        try:
            selection = select_report_cases(session, args, actor=Actor.system())
        except (CasebookError, ValueError) as error:
            raise click.ClickException(getattr(error, "message", str(error))) from error
    chosen = AUDIENCES[audience]
    click.echo(f"{len(selection.case_ids)} case(s) match: {selection.summary}.", err=True)
    _make(DossierKind.advocacy, chosen, selection.case_ids,
          f"Advocacy report ({chosen.label}): {selection.summary}", output,
          {"query": selection.query, "description": selection.description})


@click.command("worker")
@click.option("--workers", default=1, show_default=True, type=int,
              help="Dossiers built at the same time (each may use a few hundred MB).")
@with_appcontext
def worker_command(workers: int) -> None:
    """Run the background worker that builds dossiers (Huey; Redis when CASEBOOK_REDIS_URL is
    set, else the SQLite queue in the instance folder)."""
    from app.dossiers.tasks import make_consumer

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    if app.extensions["casebook.huey"].immediate:
        raise click.ClickException("The queue is in immediate mode; there is nothing to consume.")
    click.echo(f"Casebook worker: {workers} worker(s). Ctrl+C stops it.", err=True)
    make_consumer(app, workers=workers).run()
    sys.exit(0)


COMMANDS = (dossier_command, report_command, worker_command)

"""The `casebook` command: set-up, accounts, demo data, the audit check, and serving."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import FlaskGroup, with_appcontext
from sqlmodel import Session

from app import db
from models.user import Role


def _create_app():  # type: ignore[no-untyped-def]
    from app import create_app

    return create_app()


def main() -> None:
    """Entry point of the `casebook` console script."""
    from flask.cli import routes_command, shell_command

    cli = FlaskGroup(create_app=_create_app, add_default_commands=False, help=__doc__)
    cli.add_command(shell_command)
    cli.add_command(routes_command)
    cli.main(prog_name="casebook")


def cli_session() -> Session:
    """A session for a command; the command commits once at its end."""
    return Session(db.engine(), expire_on_commit=False)


def register_commands(app) -> None:  # type: ignore[no-untyped-def]
    """Attach Casebook's commands to `app.cli`."""
    from app.dossiers.cli import COMMANDS as DOSSIER_COMMANDS
    from app.search.cli import reindex_command

    for command in (init_command, demo_command, run_command, user_group, audit_group):
        app.cli.add_command(command)
    app.cli.add_command(reindex_command)
    for command in DOSSIER_COMMANDS:
        app.cli.add_command(command)


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create or migrate the database to the newest schema, and load the standard vocabularies."""
    from models.vocabulary import seed_vocabularies

    db.upgrade(current_app.config["DATABASE_URL"])
    with cli_session() as session:
        added = seed_vocabularies(session)
        session.commit()
    click.echo(f"Database is up to date ({added} vocabulary terms added).")


@click.command("demo")
@click.option(
    "--cases",
    type=click.IntRange(min=1),
    default=None,
    help="Add this many generated cases. Without it, the demo set is loaded once, into a "
    "database that has no case yet.",
)
@click.option("--seed", type=int, default=None, help="Seed: the same seed makes the same cases.")
@with_appcontext
def demo_command(cases: int | None, seed: int | None) -> None:
    """Load fictional demo data: accounts, vocabularies and cases (invented people only)."""
    import secrets

    from app.demo.accounts import ensure_demo_accounts
    from app.demo.loader import LoadReport, ensure_default_cases, load_cases
    from app.evidence.storage import EvidenceStore
    from models.vocabulary import seed_vocabularies

    def progress(done: int, total: int, seconds: float) -> None:
        click.echo(f"  {done:,} of {total:,} cases ({done / max(seconds, 1e-9):,.0f} cases/s)")

    settings = current_app.extensions["casebook.settings"]
    report: LoadReport | None
    with cli_session() as session:
        created = ensure_demo_accounts(session, settings.instance_dir)
        terms = seed_vocabularies(session)
        if cases is None:
            store = EvidenceStore(settings.resolved_evidence_dir())
            report = ensure_default_cases(session, progress=progress, store=store)
        else:
            seed = secrets.randbelow(2**31) if seed is None else seed
            click.echo(f"Generating {cases:,} cases with seed {seed}:")
            report = load_cases(session, count=cases, seed=seed, progress=progress)
        session.commit()
    if terms:
        click.echo(f"Added {terms:,} vocabulary terms.")
    if report is None:
        click.echo("The database has cases already; add generated ones with --cases N.")
    else:
        click.echo(
            f"Added {report.cases:,} demo cases ({report.rows:,} records) in "
            f"{report.seconds:.1f} s: {report.cases_per_second:,.0f} cases/s; search index "
            f"rebuilt in {report.index_seconds:.1f} s."
        )
    if created:
        click.echo(
            "Demo accounts (passwords generated now; also saved in instance/demo-accounts.txt):"
        )
        for email, password in created.items():
            click.echo(f"  {email:32} {password}")
    else:
        click.echo(
            "Demo accounts exist already; their passwords are in instance/demo-accounts.txt."
        )


@click.command("run")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=int)
@with_appcontext
def run_command(host: str, port: int) -> None:
    """Serve Casebook for one machine (use gunicorn for a team; see the README)."""
    from werkzeug.serving import run_simple

    from app.dossiers.tasks import embedded_worker

    app = current_app._get_current_object()  # type: ignore[attr-defined]
    # One machine needs no separate worker: dossiers are built by threads of this process.
    # With CASEBOOK_REDIS_URL set, `casebook worker` runs beside gunicorn instead.
    worker = embedded_worker(app)
    click.echo(f"Casebook is at http://{host}:{port}/login  (Ctrl+C stops it)")
    try:
        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
    finally:
        if worker is not None:
            worker.stop(graceful=True)


@click.group("user")
def user_group() -> None:
    """Manage accounts."""


@user_group.command("create")
@click.option("--email", required=True)
@click.option("--name", default=None, help="Full name (defaults to the email's local part).")
@click.option(
    "--role", type=click.Choice(["admin", "coordinator", "documenter", "viewer"]), required=True
)
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@with_appcontext
def user_create(email: str, name: str | None, role: str, password_stdin: bool) -> None:
    """Create an account; prompts for the password unless --password-stdin."""
    from app.errors import CasebookError
    from app.services import users
    from app.services.actor import Actor

    if password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with cli_session() as session:
        try:
            users.create_user(
                session,
                actor=Actor.system(),
                email=email,
                name=name or email.split("@")[0],
                role=Role(role),
                password=password,
            )
        except CasebookError as error:
            raise click.ClickException(error.message) from error
        session.commit()
    click.echo(f"Created {role} account {email}.")


@user_group.command("deactivate")
@click.option("--email", required=True)
@with_appcontext
def user_deactivate(email: str) -> None:
    """Stop an account from signing in (accounts are never deleted)."""
    from app.errors import CasebookError
    from app.services import users
    from app.services.actor import Actor

    with cli_session() as session:
        user = users.find_by_email(session, email)
        if user is None:
            raise click.ClickException(f"No account {email}.")
        try:
            users.set_active(session, actor=Actor.system(), user=user, active=False)
        except CasebookError as error:
            raise click.ClickException(error.message) from error
        session.commit()
    click.echo(f"Deactivated {email}.")


@click.group("audit")
def audit_group() -> None:
    """Check the audit trail."""


@audit_group.command("verify")
@with_appcontext
def audit_verify() -> None:
    """Verify the hash chain; exit 1 and name the first broken event if it was tampered with."""
    from app.services.audit import verify_chain

    with cli_session() as session:
        report = verify_chain(session)
    if report.intact:
        click.echo(f"Audit trail intact: {report.events_checked} events verified.")
        return
    click.echo(f"Audit trail BROKEN at event {report.first_broken_id}: {report.problem}.", err=True)
    sys.exit(1)

"""Account administration and the audit trail viewer."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from sqlmodel import func, select

from app.admin import bp
from app.admin.forms import UserCreateForm, UserEditForm
from app.db import db_session
from app.errors import CasebookError
from app.security import Permission, requires
from app.services import users
from app.services.audit import verify_chain
from app.web import attach_error, current_actor
from models.audit import AuditEvent
from models.user import Role, User

AUDIT_PAGE_SIZE = 50


@bp.route("/users")
@requires(Permission.manage_users)
def user_list():  # type: ignore[no-untyped-def]
    return render_template("admin/users.html", users=users.list_users(db_session()))


@bp.route("/users/new", methods=["GET", "POST"])
@requires(Permission.manage_users)
def user_create():  # type: ignore[no-untyped-def]
    form = UserCreateForm()
    if form.validate_on_submit():
        try:
            user = users.create_user(
                db_session(),
                actor=current_actor(),
                email=form.email.data or "",
                name=form.name.data or "",
                role=Role(form.role.data),
                password=form.password.data or "",
            )
        except CasebookError as error:
            attach_error(form, error)
        else:
            flash(f"Account created for {user.name}.", "success")
            return redirect(url_for("admin.user_list"))
    return render_template("admin/user_form.html", form=form, user=None)


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
@requires(Permission.manage_users)
def user_edit(user_id: int):  # type: ignore[no-untyped-def]
    session = db_session()
    user = users.get_user(session, user_id)
    form = UserEditForm(obj=user if request.method == "GET" else None)
    if form.validate_on_submit():
        actor = current_actor()
        try:
            if Role(form.role.data) != user.role:
                users.change_role(session, actor=actor, user=user, role=Role(form.role.data))
            if bool(form.active.data) != user.active:
                users.set_active(session, actor=actor, user=user, active=bool(form.active.data))
        except CasebookError as error:
            attach_error(form, error)
        else:
            flash(f"{user.name}'s account was updated.", "success")
            return redirect(url_for("admin.user_list"))
    return render_template("admin/user_form.html", form=form, user=user)


@bp.route("/audit")
@requires(Permission.view_audit)
def audit_log():  # type: ignore[no-untyped-def]
    """The audit trail, newest first, with the chain's integrity on top."""
    session = db_session()
    page = max(1, request.args.get("page", 1, type=int))
    total = session.exec(select(func.count()).select_from(AuditEvent)).one()
    events = session.exec(
        select(AuditEvent)
        .order_by(AuditEvent.id.desc())  # type: ignore[union-attr]
        .offset((page - 1) * AUDIT_PAGE_SIZE)
        .limit(AUDIT_PAGE_SIZE)
    ).all()
    names = dict(session.exec(select(User.id, User.name)).all())
    chain = verify_chain(session) if request.args.get("verify") else None
    return render_template(
        "admin/audit.html",
        events=events,
        names=names,
        page=page,
        pages=max(1, -(-total // AUDIT_PAGE_SIZE)),
        chain=chain,
    )

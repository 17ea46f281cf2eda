"""Sign-in, sign-out, keep-alive and password change."""

from __future__ import annotations

from flask import current_app, flash, jsonify, redirect, render_template, request, session, url_for
from flask_login import current_user, login_user, logout_user

from app.auth import bp
from app.auth.forms import LoginForm, PasswordForm
from app.db import db_session
from app.extensions import limiter
from app.security import Permission, requires, verify_password
from app.services import users
from app.web import current_actor, safe_next


def _login_rate_limit() -> str:
    return current_app.extensions["casebook.settings"].login_rate_limit


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(_login_rate_limit, methods=["POST"])
def login():  # type: ignore[no-untyped-def]
    """The sign-in page; every other page sends an anonymous visitor here."""
    if current_user.is_authenticated:
        return redirect(url_for("main.dashboard"))
    form = LoginForm(next=request.args.get("next", ""))
    if session.pop("expired_post", False):
        flash(
            "Your session had expired, so that last save did not reach the server. Sign in "
            "again: this browser kept a draft of what you typed and will offer it back.",
            "warning",
        )
    if form.validate_on_submit():
        try:
            user = users.authenticate(
                db_session(),
                email=form.email.data or "",
                password=form.password.data or "",
                ip=request.remote_addr,
            )
        except users.SignInRefused as refusal:
            form.form_errors.append(str(refusal))
        else:
            session.clear()
            login_user(user)
            session.permanent = True
            return redirect(safe_next(form.next.data, url_for("main.dashboard")))
    return render_template("auth/login.html", form=form)


@bp.route("/logout", methods=["POST"])
@requires(Permission.signed_in)
def logout():  # type: ignore[no-untyped-def]
    """Sign out (a POST, so another site cannot sign a user out with a link)."""
    logout_user()
    session.clear()
    flash("You are signed out.", "info")
    return redirect(url_for("auth.login"))


@bp.route("/session/keepalive", methods=["POST"])
@requires(Permission.signed_in)
def keepalive():  # type: ignore[no-untyped-def]
    """Extend the session while a user is typing; the page's timer calls it."""
    minutes = current_app.extensions["casebook.settings"].session_timeout_minutes
    return jsonify({"ok": True, "expires_in_seconds": minutes * 60})


@bp.route("/account/password", methods=["GET", "POST"])
@requires(Permission.signed_in)
def change_password():  # type: ignore[no-untyped-def]
    """A user changes their own password."""
    form = PasswordForm()
    if form.validate_on_submit():
        if not verify_password(current_user, form.current.data or ""):  # type: ignore[arg-type]
            form.current.errors = ["This is not your current password."]
        else:
            users.set_password(
                db_session(),
                actor=current_actor(),
                user=current_user,
                password=form.new.data or "",  # type: ignore[arg-type]
            )
            flash("Your password was changed.", "success")
            return redirect(url_for("main.dashboard"))
    return render_template("auth/password.html", form=form)

"""The case model: cases, people, acts, involvements, sources, citations, official responses,
interventions, evidence and its custody log, consents, vocabularies and dossiers.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from models.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Enum columns are plain strings (values checked by the app), so adding a member needs no
# migration. Citation and official_response reference each other: the response → citation
# key is added once both tables exist.


def upgrade() -> None:
    op.create_table(
        "vocabulary_term",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("scheme", sa.String(60), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("label", sa.String(300), nullable=False),
        sa.Column("depth", sa.Integer(), nullable=False),
        sa.Column("is_local", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("scheme", "code", name="uq_vocabulary_term_scheme_code"),
    )
    op.create_table(
        "case_file",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("reference", sa.String(32), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("narrative", sa.Text(), nullable=False),
        sa.Column("district", sa.String(100), nullable=True),
        sa.Column("place", sa.String(200), nullable=True),
        sa.Column("computed_status", sa.String(40), nullable=False),
        sa.Column("status_override", sa.String(40), nullable=True),
        sa.Column("status_override_reason", sa.Text(), nullable=True),
        sa.Column("violation_status", sa.String(40), nullable=False),
        sa.Column("workflow_state", sa.String(40), nullable=False),
        sa.Column("confidentiality", sa.String(40), nullable=False),
        sa.Column("priority", sa.String(40), nullable=False),
        sa.Column("tags", sa.String(1000), nullable=False),
        sa.Column("internal_notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_case_file_district", "case_file", ["district"])
    op.create_index("ix_case_file_reference", "case_file", ["reference"], unique=True)
    op.create_index("ix_case_file_updated_at", "case_file", ["updated_at"])
    op.create_index("ix_case_file_violation_status", "case_file", ["violation_status"])
    op.create_index("ix_case_file_workflow_state", "case_file", ["workflow_state"])
    op.create_table(
        "dossier",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("audience", sa.String(40), nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=True),
        sa.Column("case_ids_json", sa.Text(), nullable=False),
        sa.Column("filters_json", sa.Text(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("progress_done", sa.Integer(), nullable=False),
        sa.Column("progress_total", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("finished_at", UTCDateTime(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("page_count", sa.Integer(), nullable=True),
        sa.Column("file_path", sa.String(500), nullable=True),
    )
    op.create_index("ix_dossier_case_id", "dossier", ["case_id"])
    op.create_index("ix_dossier_created_by_id", "dossier", ["created_by_id"])
    op.create_index("ix_dossier_status", "dossier", ["status"])
    op.create_table(
        "evidence",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("original_filename", sa.String(255), nullable=False),
        sa.Column("media_type", sa.String(100), nullable=False),
        sa.Column("size_bytes", sa.BigInteger(), nullable=False),
        sa.Column("captured_at", UTCDateTime(), nullable=True),
        sa.Column("captured_by", sa.String(300), nullable=True),
        sa.Column("original_url", sa.String(2000), nullable=True),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("redacted_from_id", sa.Integer(), sa.ForeignKey("evidence.id"), nullable=True),
    )
    op.create_index("ix_evidence_case_id", "evidence", ["case_id"])
    op.create_index("ix_evidence_sha256", "evidence", ["sha256"])
    op.create_table(
        "custody_event",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("evidence_id", sa.Integer(), sa.ForeignKey("evidence.id"), nullable=False),
        sa.Column("user_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("dossier_id", sa.Integer(), sa.ForeignKey("dossier.id"), nullable=True),
    )
    op.create_index("ix_custody_event_evidence_id", "custody_event", ["evidence_id"])
    op.create_table(
        "person",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("full_name", sa.String(300), nullable=False),
        sa.Column("other_names", sa.Text(), nullable=False),
        sa.Column("father_name", sa.String(300), nullable=True),
        sa.Column("sex", sa.String(40), nullable=False),
        sa.Column("birth_earliest", sa.Date(), nullable=True),
        sa.Column("birth_latest", sa.Date(), nullable=True),
        sa.Column("birth_precision", sa.String(40), nullable=False),
        sa.Column("birth_estimated", sa.Boolean(), nullable=False),
        sa.Column("age_at_incident", sa.Integer(), nullable=True),
        sa.Column("occupation", sa.String(200), nullable=True),
        sa.Column("affiliation", sa.String(300), nullable=True),
        sa.Column("ethnicity", sa.String(200), nullable=True),
        sa.Column("home_district", sa.String(100), nullable=True),
        sa.Column("home_address", sa.Text(), nullable=True),
        sa.Column("national_id", sa.String(40), nullable=True),
        sa.Column("contact", sa.Text(), nullable=True),
        sa.Column("photo_evidence_id", sa.Integer(), sa.ForeignKey("evidence.id"), nullable=True),
        sa.Column("protected", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_person_father_name", "person", ["father_name"])
    op.create_index("ix_person_full_name", "person", ["full_name"])
    op.create_index("ix_person_home_district", "person", ["home_district"])
    op.create_index("ix_person_national_id", "person", ["national_id"])
    op.create_table(
        "act",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("victim_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("act_type", sa.String(40), nullable=False),
        sa.Column("start_earliest", sa.Date(), nullable=True),
        sa.Column("start_latest", sa.Date(), nullable=True),
        sa.Column("start_precision", sa.String(40), nullable=False),
        sa.Column("start_estimated", sa.Boolean(), nullable=False),
        sa.Column("end_earliest", sa.Date(), nullable=True),
        sa.Column("end_latest", sa.Date(), nullable=True),
        sa.Column("end_precision", sa.String(40), nullable=False),
        sa.Column("end_estimated", sa.Boolean(), nullable=False),
        sa.Column("place_name", sa.String(300), nullable=True),
        sa.Column("district", sa.String(100), nullable=True),
        sa.Column("province", sa.String(100), nullable=True),
        sa.Column("latitude", sa.Float(), nullable=True),
        sa.Column("longitude", sa.Float(), nullable=True),
        sa.Column("location_type", sa.String(40), nullable=True),
        sa.Column("whereabouts", sa.String(40), nullable=False),
        sa.Column("victim_status", sa.String(40), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("cause_of_death", sa.Text(), nullable=True),
        sa.Column("manner_of_death", sa.String(40), nullable=True),
        sa.Column("body_found_place", sa.String(300), nullable=True),
        sa.Column("body_found_earliest", sa.Date(), nullable=True),
        sa.Column("body_found_latest", sa.Date(), nullable=True),
        sa.Column("body_found_precision", sa.String(40), nullable=False),
        sa.Column("body_found_estimated", sa.Boolean(), nullable=False),
        sa.Column("autopsy", sa.String(40), nullable=True),
        sa.Column("death_certificate", sa.String(40), nullable=True),
        sa.Column("follows_act_id", sa.Integer(), sa.ForeignKey("act.id"), nullable=True),
    )
    op.create_index("ix_act_act_type", "act", ["act_type"])
    op.create_index("ix_act_case_id", "act", ["case_id"])
    op.create_index("ix_act_district", "act", ["district"])
    op.create_index("ix_act_start_range", "act", ["start_earliest", "start_latest"])
    op.create_index("ix_act_victim_id", "act", ["victim_id"])
    op.create_index("ix_act_victim_status", "act", ["victim_status"])
    op.create_table(
        "case_person",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("role", sa.String(40), nullable=False),
        sa.Column("relation_to_victim", sa.String(100), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_case_person_case_id", "case_person", ["case_id"])
    op.create_index("ix_case_person_person_id", "case_person", ["person_id"])
    op.create_table(
        "consent",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=False),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("given_by", sa.String(300), nullable=False),
        sa.Column("relation", sa.String(100), nullable=True),
        sa.Column("given_on", sa.Date(), nullable=True),
        sa.Column("method", sa.String(40), nullable=False),
        sa.Column("internal", sa.Boolean(), nullable=False),
        sa.Column("un_transmission", sa.Boolean(), nullable=False),
        sa.Column("public_naming", sa.Boolean(), nullable=False),
        sa.Column("photo_publication", sa.Boolean(), nullable=False),
        sa.Column("withdrawn_at", UTCDateTime(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("form_evidence_id", sa.Integer(), sa.ForeignKey("evidence.id"), nullable=True),
    )
    op.create_index("ix_consent_case_id", "consent", ["case_id"])
    op.create_index("ix_consent_person_id", "consent", ["person_id"])
    op.create_table(
        "source",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("source_type", sa.String(40), nullable=False),
        sa.Column("title", sa.String(500), nullable=False),
        sa.Column("author", sa.String(300), nullable=True),
        sa.Column("published_earliest", sa.Date(), nullable=True),
        sa.Column("published_latest", sa.Date(), nullable=True),
        sa.Column("published_precision", sa.String(40), nullable=False),
        sa.Column("published_estimated", sa.Boolean(), nullable=False),
        sa.Column("url", sa.String(2000), nullable=True),
        sa.Column("archive_url", sa.String(2000), nullable=True),
        sa.Column("language", sa.String(50), nullable=True),
        sa.Column("connection", sa.String(40), nullable=False),
        sa.Column("reliability", sa.String(40), nullable=True),
        sa.Column("person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
    )
    op.create_index("ix_source_person_id", "source", ["person_id"])
    op.create_index("ix_source_source_type", "source", ["source_type"])
    op.create_table(
        "involvement",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("act_id", sa.Integer(), sa.ForeignKey("act.id"), nullable=False),
        sa.Column("perpetrator_type", sa.String(40), nullable=False),
        sa.Column("force", sa.String(200), nullable=True),
        sa.Column("unit_name", sa.String(300), nullable=True),
        sa.Column("degree", sa.String(40), nullable=False),
        sa.Column("basis_for_attribution", sa.Text(), nullable=False),
        sa.Column("perpetrator_person_id", sa.Integer(), sa.ForeignKey("person.id"), nullable=True),
    )
    op.create_index("ix_involvement_act_id", "involvement", ["act_id"])
    op.create_index("ix_involvement_case_id", "involvement", ["case_id"])
    op.create_index("ix_involvement_perpetrator_type", "involvement", ["perpetrator_type"])
    op.create_index(
        "ix_involvement_perpetrator_person_id", "involvement", ["perpetrator_person_id"]
    )
    op.create_table(
        "official_response",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("act_id", sa.Integer(), sa.ForeignKey("act.id"), nullable=True),
        sa.Column("responded_earliest", sa.Date(), nullable=True),
        sa.Column("responded_latest", sa.Date(), nullable=True),
        sa.Column("responded_precision", sa.String(40), nullable=False),
        sa.Column("responded_estimated", sa.Boolean(), nullable=False),
        sa.Column("authority", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(40), nullable=True),
        sa.Column("response_type", sa.String(40), nullable=False),
        sa.Column("alternative_explanation", sa.String(40), nullable=True),
        sa.Column("verbatim_text", sa.Text(), nullable=False),
        sa.Column("citation_id", sa.Integer(), nullable=True),
    )
    op.create_index("ix_official_response_case_id", "official_response", ["case_id"])
    op.create_index("ix_official_response_response_type", "official_response", ["response_type"])
    op.create_table(
        "citation",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("source_id", sa.Integer(), sa.ForeignKey("source.id"), nullable=False),
        sa.Column("fact", sa.String(40), nullable=True),
        sa.Column("act_id", sa.Integer(), sa.ForeignKey("act.id"), nullable=True),
        sa.Column("involvement_id", sa.Integer(), sa.ForeignKey("involvement.id"), nullable=True),
        sa.Column(
            "response_id", sa.Integer(), sa.ForeignKey("official_response.id"), nullable=True
        ),
        sa.Column("locator", sa.String(200), nullable=True),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("credibility", sa.Integer(), nullable=True),
        sa.Column("independence_key", sa.String(100), nullable=True),
        sa.Column("contradicts", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "credibility IS NULL OR credibility BETWEEN 1 AND 6", name="ck_citation_credibility"
        ),
    )
    op.create_index("ix_citation_case_id", "citation", ["case_id"])
    op.create_index("ix_citation_source_id", "citation", ["source_id"])
    op.create_table(
        "intervention",
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("updated_by_id", sa.Integer(), sa.ForeignKey("user.id"), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.Integer(), sa.ForeignKey("case_file.id"), nullable=False),
        sa.Column("act_id", sa.Integer(), sa.ForeignKey("act.id"), nullable=True),
        sa.Column("intervention_type", sa.String(40), nullable=False),
        sa.Column("filed_by", sa.String(300), nullable=True),
        sa.Column("addressed_to", sa.String(300), nullable=True),
        sa.Column("reference_number", sa.String(100), nullable=True),
        sa.Column("filed_earliest", sa.Date(), nullable=True),
        sa.Column("filed_latest", sa.Date(), nullable=True),
        sa.Column("filed_precision", sa.String(40), nullable=False),
        sa.Column("filed_estimated", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(40), nullable=False),
        sa.Column("next_action", sa.String(300), nullable=True),
        sa.Column("next_action_date", sa.Date(), nullable=True),
        sa.Column("outcome", sa.Text(), nullable=False),
        sa.Column(
            "response_id", sa.Integer(), sa.ForeignKey("official_response.id"), nullable=True
        ),
    )
    op.create_index("ix_intervention_case_id", "intervention", ["case_id"])
    op.create_index("ix_intervention_intervention_type", "intervention", ["intervention_type"])
    op.create_index("ix_intervention_next_action_date", "intervention", ["next_action_date"])
    op.create_index("ix_intervention_status", "intervention", ["status"])
    with op.batch_alter_table("official_response") as batch:
        batch.create_foreign_key(
            "fk_official_response_citation_id", "citation", ["citation_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("official_response") as batch:
        batch.drop_constraint("fk_official_response_citation_id", type_="foreignkey")
    op.drop_table("intervention")
    op.drop_table("citation")
    op.drop_table("official_response")
    op.drop_table("involvement")
    op.drop_table("source")
    op.drop_table("consent")
    op.drop_table("case_person")
    op.drop_table("act")
    op.drop_table("person")
    op.drop_table("custody_event")
    op.drop_table("evidence")
    op.drop_table("dossier")
    op.drop_table("case_file")
    op.drop_table("vocabulary_term")

"""`casebook dossier` and `casebook report`: the same dossiers from the command line, recorded
like the web's, refused with the same reasons."""

from __future__ import annotations

import hashlib
import io

from pypdf import PdfReader
from sqlmodel import select

from models.dossier import Dossier
from models.enums import DossierAudience, DossierKind
from models.partial_date import PartialDate, partial_date_columns
from tests.dossiers.conftest import read_pdf
from tests.factories import make_act, make_case, make_person


def test_dossier_command_writes_the_pdf_and_records_it(runner, db, full_case, tmp_path):
    output = tmp_path / "out" / "dossier.pdf"
    result = runner.invoke(args=["dossier", full_case.case.reference.lower(), "--kind", "case",
                                 "--audience", "public", "-o", str(output)])
    assert result.exit_code == 0, result.output
    content = output.read_bytes()
    dossier = db.exec(select(Dossier)).one()
    assert (dossier.kind, dossier.audience) == (DossierKind.case, DossierAudience.public)
    assert dossier.sha256 == hashlib.sha256(content).hexdigest()
    assert dossier.page_count == len(PdfReader(io.BytesIO(content)).pages)
    text = " ".join(read_pdf(content))
    assert "PUBLIC" in text and full_case.markers["witness_name"] not in text


def test_wgeid_command_refuses_with_the_missing_elements(runner, db, tmp_path) -> None:
    case = make_case(db)
    victim = make_person(db, case=case)
    make_act(db, case=case, victim=victim,
             **partial_date_columns("start", PartialDate.from_parts(2025)))
    output = tmp_path / "wgeid.pdf"
    result = runner.invoke(args=["dossier", case.reference, "--kind", "wgeid",
                                 "--audience", "un", "-o", str(output)])
    assert result.exit_code == 1
    assert "not ready for a WGEID submission" in result.output
    assert "Year, month and day of the disappearance" in result.output
    assert "Prior consent of the family" in result.output
    assert not output.exists()


def test_dossier_command_names_an_unknown_case(runner, tmp_path) -> None:
    result = runner.invoke(args=["dossier", "BAL-1999-0001", "-o", str(tmp_path / "x.pdf")])
    assert result.exit_code == 1 and "No case BAL-1999-0001" in result.output


def test_report_command_reports_over_the_filtered_search(runner, db, tmp_path) -> None:
    kept = make_case(db, district="Awaran", title="Kept case")
    make_act(db, case=kept, victim=make_person(db, case=kept), district="Awaran")
    other = make_case(db, district="Quetta", title="Other case")
    make_act(db, case=other, victim=make_person(db, case=other), district="Quetta")
    output = tmp_path / "report.pdf"
    result = runner.invoke(args=["report", "--filter", "district=Awaran", "--audience",
                                 "internal", "-o", str(output)])
    assert result.exit_code == 0, result.output
    text = " ".join(" ".join(read_pdf(output.read_bytes())).split())
    assert "At least 1 unique victim documented" in text
    assert kept.reference in text and other.reference not in text
    assert "District: Awaran" in text
    assert db.exec(select(Dossier)).one().filters["description"] == ["District: Awaran"]


def test_report_command_rejects_a_malformed_filter(runner, tmp_path) -> None:
    result = runner.invoke(args=["report", "--filter", "Awaran", "-o", str(tmp_path / "r.pdf")])
    assert result.exit_code == 2 and "key=value" in result.output

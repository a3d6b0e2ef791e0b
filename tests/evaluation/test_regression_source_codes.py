"""How the regression scorer reads a source's code: a country's ISO code, or an organisation's family as
tests/data/README.md labels international actors (its own acronym, its parent's, IGO or NGO)."""

from __future__ import annotations

from datetime import date

from heron.evaluation.regression import org_family, score_regression, source_codes
from heron.records import Actor, Event


def test_an_organ_answers_to_its_parent_and_its_kind() -> None:
    assert org_family("UNSC") == {"UNSC", "UN", "IGO"}
    assert org_family("UNIFIL") >= {"UN", "IGO"}
    assert org_family("WB") == {"WB", "IGO"}  # not a UN organ in the set's convention
    assert org_family("AMNESTY") == {"AMNESTY", "NGO"}
    assert org_family("unknown") == {"UNKNOWN"}


def test_a_country_wins_over_an_organisation() -> None:
    assert source_codes([Actor("the envoy", 0, 9, country="KEN", org="UN")]) == {"KEN"}
    assert source_codes([Actor("the Security Council", 0, 20, org="UNSC", sector="igo")]) == {"UNSC", "UN", "IGO"}


def test_score_reads_families_and_ignores_case() -> None:
    records = [
        {"id": "t1", "text": "a", "plover_type": "REQUEST", "source_country": ["UN"]},
        {"id": "t2", "text": "b", "plover_type": "AID", "source_country": ["AfDB"]},
        {"id": "t3", "text": "c", "plover_type": "AID", "source_country": ["UN"]},
    ]
    sources = [[Actor("the Council", 0, 11, org="UNSC", sector="igo")],
               [Actor("the bank", 0, 8, org="AFDB", sector="igo")],
               [Actor("Amnesty", 0, 7, org="AMNESTY", sector="ngo")]]

    def extract(texts: list[str], published: list[date | None]) -> list[list[Event]]:
        return [[Event(event_id=str(i), article_id="a", sentence_index=0, sentence=t, start=0, end=1, predicate="x",
                       plover_type=r["plover_type"], mode=None, context=None, confidence=0.9, source=s)]
                for i, (t, r, s) in enumerate(zip(texts, records, sources, strict=True))]

    report = score_regression(records, extract)
    assert (report.source_country_correct, report.source_country_n) == (2, 3)

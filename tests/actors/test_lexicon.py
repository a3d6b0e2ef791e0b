"""Dictionary files: package data coverage, user files, and clear errors for bad input."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import country_converter as coco
import pytest

from heron.actors import ActorDataError, ActorResolver, load_entries
from heron.actors.lexicon import normalize, package_lexicon, pick_entry

# Both mean "Dominican" / "Congolese"; the more frequent country takes the adjective.
AMBIGUOUS_DEMONYM_COUNTRIES = {"DMA", "COG"}


def test_every_un_member_has_a_demonym_and_a_capital() -> None:
    data = coco.CountryConverter().data
    members = set(data.loc[data["UNmember"].notna(), "ISO3"])
    assert len(members) >= 190
    tables = package_lexicon().countries
    with_demonym = {code for code in tables.demonyms.values() if code}
    assert members - with_demonym - AMBIGUOUS_DEMONYM_COUNTRIES == set()
    # Capitals deliberately left out are common words (Male, Victoria) or city-states.
    missing_capitals = members - set(tables.capitals.values())
    assert missing_capitals <= {"MDV", "SYC", "SGP", "MCO", "SMR", "LUX", "BEL", "KIR", "NRU", "TUV", "VAT"}


def test_country_names_come_from_library_and_aliases() -> None:
    tables = package_lexicon().countries
    assert tables.names[normalize("the United States")] == "USA"
    assert tables.names[normalize("Russian Federation")] == "RUS"
    assert tables.names[normalize("Côte d'Ivoire")] == "CIV"
    assert tables.exact_names["US"] == "USA"
    assert "us" not in tables.names  # the pronoun must never become a country
    assert tables.short_names["RUS"] == "Russia"
    assert tables.demonyms["kurdish"] is None


def test_pick_entry_uses_date_bounds() -> None:
    entries = package_lexicon().package_entries
    stoltenberg = [e for e in entries if e.name == "Jens Stoltenberg"]
    chosen, valid = pick_entry(stoltenberg, date(2020, 5, 1))
    assert (chosen.org, chosen.sector, valid) == ("NATO", "igo", True)
    chosen, valid = pick_entry(stoltenberg, date(2010, 5, 1))
    assert (chosen.country, chosen.org, valid) == ("NOR", None, True)
    chosen, valid = pick_entry(stoltenberg, date(2014, 1, 1))
    assert valid is False


def test_user_csv_extends_and_overrides(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    user_file = tmp_path / "actors.csv"
    user_file.write_text(
        "name,kind,aliases,country,sector,org,start,end\n"
        "Maria Lopez,person,,COL,police,,2020-01-01,\n"
        "Kremlin,organization,Kremlin Palace,RUS,executive,,,\n"
        "Clan del Golfo,organization,Gulf Clan|AGC,COL,criminal,,,\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(extra_files=[user_file])
    doc = nlp("Maria Lopez said the Gulf Clan attacked while the Kremlin stayed silent.")
    ctx = resolver.scan_document(doc)
    lopez = resolver.resolve(doc[0:2], ctx, date(2023, 1, 1))
    assert (lopez.name, lopez.country, lopez.sector) == ("Maria Lopez", "COL", "police")
    clan = resolver.resolve(doc[4:6], ctx)
    assert (clan.name, clan.country, clan.sector) == ("Clan del Golfo", "COL", "criminal")
    kremlin = resolver.resolve(doc[8:10], ctx)
    assert (kremlin.name, kremlin.sector) == ("Kremlin", "executive")  # override replaced the package entry
    # the package resolver is unaffected by another instance's user files
    assert ActorResolver().resolve(doc[8:10], None).sector == "government"


def test_user_yaml_with_dates(tmp_path: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    user_file = tmp_path / "people.yaml"
    user_file.write_text(
        "- {name: Ana Torres, kind: person, country: PER, sector: government, start: 2021-01-01, end: 2022-01-01}\n",
        encoding="utf-8",
    )
    resolver = ActorResolver(extra_files=[user_file])
    doc = nlp("Ana Torres spoke.")
    in_office = resolver.resolve(doc[0:2], None, date(2021, 6, 1))
    later = resolver.resolve(doc[0:2], None, date(2024, 6, 1))
    assert (in_office.country, in_office.sector) == ("PER", "government")
    assert (later.country, later.sector) == ("PER", None)  # out of office: still Peruvian, no sector


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.yaml", "- {name: X, country: usa}\n", "ISO-3166 alpha-3"),
        ("bad2.yaml", "- {aliases: [X]}\n", "needs a 'name'"),
        ("bad3.yaml", "- {name: X, colour: red}\n", "unknown field"),
        ("bad4.yaml", "- {name: X, start: yesterday}\n", "not an ISO date"),
        ("bad5.yaml", "name: X\n", "YAML list"),
        ("bad6.yaml", "- [unclosed\n", "invalid YAML"),
        ("bad7.csv", "alias,country\nX,USA\n", "'name' column"),
        ("bad8.txt", "whatever", ".yaml, .yml or .csv"),
        ("bad9.yaml", "- {name: X, kind: robot}\n", "kind must be"),
    ],
)
def test_bad_user_files_raise_clear_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ActorDataError, match=message) as error:
        load_entries(path)
    assert name in str(error.value)


def test_missing_user_file_names_the_path(tmp_path: Path) -> None:
    with pytest.raises(ActorDataError, match="cannot read"):
        ActorResolver(extra_files=[tmp_path / "nope.yaml"])

"""Cities and provinces give actors a country (actors/places.py), on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from heron.actors import ActorResolver
from heron.actors import places as places_module
from heron.actors.lexicon import ActorDataError
from heron.actors.places import build_place_table, load_place_overrides, package_places
from heron.records import Actor


def resolve_head(nlp: Language, resolver: ActorResolver, sentence: str, head: str) -> Actor | None:
    doc: Doc = nlp(sentence)
    context = resolver.scan_document(doc)
    token = next(t for t in doc if t.text == head)
    return resolver.resolve(resolver.phrase_for(token), context)


def country_and_sector(actor: Actor | None) -> tuple[str | None, str | None] | None:
    return None if actor is None else (actor.country, actor.sector)


@pytest.mark.parametrize(
    ("sentence", "head", "expected"),
    [
        # cities
        ("Kandahar police arrested three men on Monday.", "police", ("AFG", "police")),
        ("The mayor of Tijuana met the visiting delegation.", "mayor", ("MEX", "government")),
        ("Karachi-based militants attacked a checkpoint overnight.", "militants", ("PAK", "rebels")),
        ("Gunmen attacked Kandahar on Tuesday.", "Kandahar", ("AFG", None)),
        # provinces and states
        ("The governor of Sindh province condemned the bombing.", "governor", ("PAK", "government")),
        ("The Sindh government announced a curfew.", "government", ("PAK", "government")),
        ("The Delta state governor met the protesters.", "governor", ("NGA", "government")),
        ("Sinaloa state police detained the suspect.", "police", ("MEX", "police")),
        ("Rebels in Helmand ambushed an army convoy.", "Helmand", ("AFG", None)),
    ],
)
def test_place_gives_country(nlp: Language, resolver: ActorResolver, sentence: str, head: str,
                             expected: tuple[str | None, str | None]) -> None:
    assert country_and_sector(resolve_head(nlp, resolver, sentence, head)) == expected


def test_country_words_still_win(nlp: Language, resolver: ActorResolver) -> None:
    """A demonym or capital the phrase already has is the country; the city adds nothing."""
    actor = resolve_head(nlp, resolver, "Pakistani police in Karachi arrested the suspects.", "police")
    assert country_and_sector(actor) == ("PAK", "police")
    assert country_and_sector(resolve_head(nlp, resolver, "Kabul police sealed the area.", "police")) == (
        "AFG", "police")


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        # Hyderabad (India, Pakistan) and Punjab (India, Pakistan): no country dominates
        ("Police in Hyderabad arrested three men.", "Hyderabad"),
        ("The Punjab government announced new curbs.", "government"),
        ("Residents said gunmen in Cordoba had fled.", "Cordoba"),
    ],
)
def test_ambiguous_name_gives_nothing(nlp: Language, resolver: ActorResolver, sentence: str, head: str) -> None:
    actor = resolve_head(nlp, resolver, sentence, head)
    assert actor is None or actor.country is None


@pytest.mark.parametrize(
    ("sentence", "head"),
    [
        ("Victoria Beckham visited the troops.", "Beckham"),
        ("Jackson told reporters that the talks had failed.", "Jackson"),
        # the end of a longer name the tagger may miss: Colorado, Munoz (a Philippine city) are surnames
        ("Investigative journalist Nelson Matta Colorado told reporters about the raid.", "Colorado"),
        ("Major Ivan Reyna Munoz was kept in custody.", "Munoz"),
    ],
)
def test_person_named_like_a_place_is_not_a_place(nlp: Language, resolver: ActorResolver, sentence: str,
                                                  head: str) -> None:
    actor = resolve_head(nlp, resolver, sentence, head)
    assert actor is not None and actor.country is None


def test_first_name_of_dictionary_people_is_not_a_place(nlp: Language, resolver: ActorResolver) -> None:
    """Hassan is an Indian city of 150,000, and the first name of people in people.yaml."""
    assert package_places().country("Hassan") == "IND"
    actor = resolve_head(nlp, resolver, "Police in Hassan arrested two men.", "Police")
    assert country_and_sector(actor) == (None, "police")


def test_surname_in_the_article_is_not_a_place_there(nlp: Language, resolver: ActorResolver) -> None:
    """'Medina' is a Saudi city; in an article about a man called Medina it is the man."""
    sentence = "Judge Mario Matamoros resigned on Friday. Supporters in Matamoros protested."
    actor = resolve_head(nlp, resolver, sentence, "Supporters")
    assert actor is None or actor.country is None
    alone = resolve_head(nlp, resolver, "Supporters of the mayor protested in Matamoros.", "Matamoros")
    assert alone is not None and alone.country == "MEX"


def test_a_place_modifying_a_thing_is_no_actor(nlp: Language, resolver: ActorResolver) -> None:
    assert resolve_head(nlp, resolver, "Officials discussed the Kandahar talks.", "talks") is None


def test_package_table_rules() -> None:
    table = package_places()
    assert table.country("Aleppo") == "SYR"
    assert table.country("Karachi") == "PAK"
    assert table.country("Sindh") == "PAK"  # ISO 3166-2 PK-SD
    assert table.country("Valle del Cauca") == "COL"
    assert table.country("Fallujah") == "IRQ"  # GeoNames "Al Fallujah" without its article
    assert table.country("Basra") == "IRQ"  # places.tsv spelling
    assert table.country("Lagos") == "NGA"  # the state and city outweigh a Portuguese town
    for ambiguous in ("Hyderabad", "Punjab", "Cordoba", "Lincoln"):
        assert table.country(ambiguous) is None, ambiguous
    for blocked in ("Victoria", "North", "Garcia", "Mara"):
        assert table.country(blocked) is None, blocked
    assert table.country("Springfield") == "USA"  # namesakes in one country agree
    assert "delta" in table.keyword_only


def test_overrides_add_restrict_and_block(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text("name\tcountry\tuse\nAtlantis\tGRC\tany\nDelta\tNGA\tkeyword\nKandahar\t-\tany\n",
                    encoding="utf-8")
    table = build_place_table({"kandahar": "AFG", "lagos": "NGA"}, load_place_overrides(path), {"GRC", "NGA"})
    assert table.countries == {"lagos": "NGA", "atlantis": "GRC", "delta": "NGA"}
    assert table.keyword_only == frozenset({"delta"})


@pytest.mark.parametrize(
    "row",
    ["Atlantis\tGR\tany", "Atlantis\tGRC\tsometimes", "Atlantis\tGRC"],
)
def test_malformed_override_raises(tmp_path: Path, row: str) -> None:
    path = tmp_path / "places.tsv"
    path.write_text(f"name\tcountry\tuse\n{row}\n", encoding="utf-8")
    with pytest.raises(ActorDataError):
        build_place_table({}, load_place_overrides(path), {"GRC"})


def test_unknown_country_code_raises(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text("name\tcountry\tuse\nAtlantis\tATL\tany\n", encoding="utf-8")
    with pytest.raises(ActorDataError, match="ATL"):
        build_place_table({}, load_place_overrides(path), {"GRC"})


def test_table_is_cached_on_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers read the derived table from the cache file instead of the packages' JSON."""
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path))
    calls: list[int] = []
    derive = places_module.derive_package_places

    def counting_derive() -> dict[str, str]:
        calls.append(1)
        return derive()

    monkeypatch.setattr(places_module, "derive_package_places", counting_derive)
    first = places_module.package_place_names()
    assert len(calls) == 1 and list(tmp_path.glob("places-*.tsv"))
    second = places_module.package_place_names()
    assert len(calls) == 1 and second == first
    assert second["karachi"] == "PAK"


def test_unwritable_cache_still_gives_a_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("HERON_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.setattr(places_module, "derive_package_places", lambda: {"karachi": "PAK"})
    assert places_module.package_place_names() == {"karachi": "PAK"}


def test_new_cache_file_removes_superseded_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a package upgrade the old table is never read again, so it does not stay on disk."""
    monkeypatch.setenv("HERON_CACHE_DIR", str(tmp_path))
    stale = tmp_path / "places-0123456789ab.tsv"
    stale.write_text("karachi\tPAK\n", encoding="utf-8")
    unrelated = tmp_path / "notes.txt"
    unrelated.write_text("kept", encoding="utf-8")
    monkeypatch.setattr(places_module, "derive_package_places", lambda: {"lahore": "PAK"})
    assert places_module.package_place_names() == {"lahore": "PAK"}
    remaining = sorted(path.name for path in tmp_path.iterdir())
    assert remaining == sorted([places_module._cache_path().name, "notes.txt"])
    assert places_module._cache_path().read_text(encoding="utf-8") == "lahore\tPAK\n"


def test_second_level_subdivisions() -> None:
    """Provinces and districts under a first-level region ("Camarines Norte" under Bicol, Bangladesh's
    districts under divisions, Iraqi Kurdistan's governorates), weighed below cities and first levels."""
    table = package_places()
    assert table.country("Camarines Norte") == "PHL"
    assert table.country("Gampaha") == "LKA"
    assert table.country("Chuadanga") == "BGD"
    assert table.country("Duhok") == "IRQ"
    assert table.country("Aurora") == "USA"  # the Philippine province does not contest Colorado's city
    assert "antique" in table.keyword_only  # a word: a place only as "Antique province"
    assert "quirino" in table.keyword_only  # a surname
    assert "santa elena" in table.contested  # Ecuador's province; a town in Argentina


def test_package_flags_are_read(tmp_path: Path) -> None:
    path = tmp_path / "places.tsv"
    path.write_text("name\tcountry\tuse\nLagos\tNGA\tany\n", encoding="utf-8")
    table = build_place_table({"antique": "PHL keyword", "lagos": "NGA contested", "santa elena": "ECU contested"},
                              load_place_overrides(path), {"NGA", "PHL", "ECU"})
    assert table.countries == {"antique": "PHL", "lagos": "NGA", "santa elena": "ECU"}
    assert table.keyword_only == frozenset({"antique"})
    assert table.contested == frozenset({"santa elena"})  # places.tsv settles Lagos

"""The predicate lexicon: package data, user overrides and validation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

import heron
from heron.events.cameo import PLOVER_TYPES, cameo_info, is_known_code
from heron.events.lexicon import KIND_VALUES, Lexicon, load_lexicon, read_lexicon_file, verb_lemma_corrections


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


def _write(tmp_path: Path, text: str, name: str = "user.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_size_and_kinds(lexicon: Lexicon) -> None:
    assert 400 <= len(lexicon) <= 1500
    kinds = Counter(entry.kind for entry in lexicon)
    assert set(kinds) == set(KIND_VALUES)
    assert kinds["speech"] >= 30 and kinds["transparent"] >= 15 and kinds["light"] >= 15


def test_every_code_exists_in_cameo_table(lexicon: Lexicon) -> None:
    for entry in lexicon:
        assert entry.cameo is None or is_known_code(entry.cameo), entry


def test_every_plover_type_reachable_from_verbs_and_nouns(lexicon: Lexicon) -> None:
    verbs: Counter[str | None] = Counter()
    nouns: Counter[str | None] = Counter()
    for entry in lexicon:
        if entry.cameo is None:
            continue
        plover_type = cameo_info(entry.cameo).plover_type
        (verbs if entry.pos == "verb" else nouns)[plover_type] += 1
    for plover_type in PLOVER_TYPES:
        assert verbs[plover_type] >= 8, plover_type
        assert nouns[plover_type] >= 3, plover_type


@pytest.mark.parametrize(
    ("lemma", "cameo"),
    [
        ("agree", "030"), ("telephone", "041"), ("phone", "041"), ("visit", "042"), ("host", "043"),
        ("mediate", "045"), ("negotiate", "046"), ("praise", "051"), ("apologize", "055"),
        ("ratify", "057"), ("accuse", "112"), ("criticize", "111"), ("condemn", "111"),
        ("investigate", "090"), ("demand", "100"), ("urge", "020"), ("threaten", "130"), ("reject", "120"),
        ("veto", "129"), ("protest", "141"), ("sanction", "163"), ("expel", "166"), ("deport", "174"),
        ("arrest", "173"), ("invade", "192"), ("shell", "194"), ("bomb", "195"), ("release", "0841"),
        ("withdraw", "0874"), ("mobilize", "154"), ("deploy", "154"), ("kill", "190"),
        ("assassinate", "186"), ("kidnap", "181"), ("riot", "145"), ("sue", "115"),
    ],
)
def test_bare_verb_codes(lexicon: Lexicon, lemma: str, cameo: str) -> None:
    bare = [e for e in lexicon.entries_for(lemma, "verb") if not e.objects and not e.complements and e.particle is None]
    assert [e.cameo for e in bare] == [cameo]
    assert bare[0].kind == "event"


def test_phrasal_verbs_are_split_into_head_and_particle(lexicon: Lexicon) -> None:
    call_on = [e for e in lexicon.entries_for("call", "verb") if e.particle == "on"]
    assert [(e.cameo, e.kind) for e in call_on] == [("020", "event")]
    assert [e.cameo for e in lexicon.entries_for("pull", "verb") if e.particle == "out" and not e.objects] == ["0874"]
    assert [e.cameo for e in lexicon.entries_for("crack", "verb") if e.particle == "down"] == ["175"]
    assert [e.cameo for e in lexicon.entries_for("step", "verb") if e.particle == "down"] == ["0831"]
    assert lexicon.entries_for("set up", "verb") == []  # lookups are by head lemma


def test_specific_entries_come_before_the_bare_one(lexicon: Lexicon) -> None:
    withdraw = lexicon.entries_for("withdraw", "verb")
    assert withdraw[-1].objects == () and withdraw[-1].cameo == "0874"
    assert all(e.objects for e in withdraw[:-1])
    by_object = {obj: e.cameo for e in withdraw for obj in e.objects}
    assert by_object["ambassador"] == "161"
    assert by_object["aid"] == "162"
    assert by_object["demand"] == "080"
    open_entries = lexicon.entries_for("open", "verb")
    assert any(e.objects == ("fire",) and e.cameo == "190" for e in open_entries)
    lift = {obj: e.cameo for e in lexicon.entries_for("lift", "verb") for obj in e.objects}
    assert lift["sanction"] == "085" and lift["curfew"] == "0813"


def test_speech_light_and_transparent_entries(lexicon: Lexicon) -> None:
    for lemma in ("say", "tell", "announce", "stress", "reiterate", "emphasize", "declare"):
        bare = [e for e in lexicon.entries_for(lemma, "verb") if not e.objects and not e.complements and e.particle is None]
        assert [e.kind for e in bare] == ["speech"], lemma
        assert bare[0].cameo == "010"
    for lemma in ("hold", "launch", "conduct", "stage", "impose", "sign", "reach", "provide"):
        assert any(e.kind == "light" for e in lexicon.entries_for(lemma, "verb")), lemma
    impose = [e for e in lexicon.entries_for("impose", "verb") if e.kind == "light"]
    assert impose[0].cameo == "172"
    transparent = {e.lemma: e.future for e in lexicon if e.kind == "transparent"}
    assert transparent["plan"] and transparent["intend"] and transparent["prepare"]
    assert transparent["want"] and transparent["hope"] and transparent["expect"]
    assert not transparent["try"] and not transparent["begin"] and not transparent["continue"]
    assert all(e.cameo is None for e in lexicon if e.kind == "transparent")


@pytest.mark.parametrize(
    ("noun", "cameo"),
    [
        ("talk", "046"), ("talks", "046"), ("negotiations", "046"), ("summit", "040"), ("visit", "042"),
        ("sanctions", "163"), ("embargo", "163"), ("ceasefire", "0871"), ("truce", "0871"),
        ("aid", "070"), ("agreement", "057"), ("treaty", "057"), ("protest", "141"), ("arrest", "173"),
        ("airstrike", "195"), ("invasion", "192"), ("ultimatum", "139"), ("veto", "129"),
        ("massacre", "202"), ("kidnapping", "181"), ("withdrawal", "0874"), ("deployment", "154"),
        ("investigation", "090"), ("accusation", "112"), ("apology", "055"), ("clashes", "190"),
        ("hostilities", "190"),
    ],
)
def test_noun_entries(lexicon: Lexicon, noun: str, cameo: str) -> None:
    entry = lexicon.noun_entry(noun)
    assert entry is not None and entry.cameo == cameo and entry.kind == "event"


@pytest.mark.parametrize(
    ("noun", "cameo"),
    [
        ("evacuation", "073"), ("repatriation", "084"), ("reconciliation", "037"), ("ratification", "057"),
        ("prosecution", "1121"), ("legal action", "115"), ("objection", "110"), ("beheading", "1823"),
        ("beheadings", "1823"), ("mass killing", "202"), ("harassment", "170"), ("curbs", "172"),
        ("humanitarian aid", "073"), ("military aid", "072"), ("prisoner exchange", "0841"),
    ],
)
def test_noun_forms_of_event_verbs(lexicon: Lexicon, noun: str, cameo: str) -> None:
    """Noun forms carry the code of their verb (the synonym-family section of predicates.yaml)."""
    entry = lexicon.noun_entry(noun)
    assert entry is not None and entry.cameo == cameo


def _code_for_object(lexicon: Lexicon, lemma: str, obj: str) -> str | None:
    """The code the first entry (in the coder's order) that accepts this direct object gives."""
    return next((e.cameo for e in lexicon.entries_for(lemma, "verb")
                 if not e.particle and (obj in e.objects or not e.objects)), None)


@pytest.mark.parametrize(
    ("lemma", "obj", "cameo"),
    [
        ("reduce", "tariff", "085"), ("lower", "tariff", "085"), ("slash", "duty", "085"), ("cut", "tariff", "085"),
        ("suspend", "tax", "085"), ("suspend", "ban", "081"), ("end", "restriction", "081"),
        ("end", "sanction", "085"), ("waive", "visa requirement", "081"), ("loosen", "curb", "081"),
        # earlier, more specific choices are kept: a boycott called off is an easing of dissent
        ("suspend", "boycott", "082"), ("end", "boycott", "082"), ("reduce", "aid", "162"),
        ("seek", "refuge", "023"), ("seek", "asylum", "023"), ("send", "platoon", "154"),
    ],
)
def test_synonym_families_follow_their_model_entry(lexicon: Lexicon, lemma: str, obj: str, cameo: str) -> None:
    assert _code_for_object(lexicon, lemma, obj) == cameo


def test_phrasal_synonyms_of_demand(lexicon: Lexicon) -> None:
    for phrase in ("push for", "press for", "clamour for", "agitate for"):
        head, particle = phrase.split(" ", 1)
        entry = next(e for e in lexicon.entries_for(head, "verb") if e.particle == particle)
        assert entry.cameo == "100", phrase


def test_verb_lemma_corrections_point_at_lexicon_verbs(lexicon: Lexicon) -> None:
    corrections = verb_lemma_corrections()
    assert corrections["staged"] == "stage" and corrections["waged"] == "wage" and corrections["overran"] == "overrun"
    assert "rapped" not in corrections  # keyed by form: "rapped" (criticised) keeps its own lemma
    for form, lemma in corrections.items():
        assert lexicon.entries_for(lemma, "verb"), (form, lemma)


def test_unknown_noun(lexicon: Lexicon) -> None:
    assert lexicon.noun_entry("banana") is None
    assert lexicon.noun_entry("hunger strike").cameo == "142"


def test_default_lexicon_is_cached() -> None:
    assert load_lexicon() is load_lexicon()


def test_user_file_overrides_and_extends(tmp_path: Path) -> None:
    user = _write(
        tmp_path,
        """
- {lemma: kill, pos: verb, kind: event, cameo: "1823", note: "local rule: murder"}
- {lemma: rebuke, pos: verb, kind: event, cameo: "110", object: [plan], note: "new object entry"}
- lemma: parley
  pos: verb
  kind: event
  cameo: "046"
- {lemma: standoff, pos: noun, kind: event, cameo: "150"}
""",
    )
    default = load_lexicon()
    custom = load_lexicon([user])
    assert [e.cameo for e in custom.entries_for("kill", "verb")] == ["1823"]
    assert [e.cameo for e in default.entries_for("kill", "verb")] == ["190"]  # cache untouched
    assert [e.cameo for e in custom.entries_for("parley", "verb")] == ["046"]
    assert custom.noun_entry("standoff").cameo == "150"
    rebuke = custom.entries_for("rebuke", "verb")
    assert [(e.objects, e.cameo) for e in rebuke] == [(("plan",), "110"), ((), "111")]
    assert len(custom) == len(default) + 3  # kill replaced, three added
    assert custom.entries_for("kill", "verb")[0].source == str(user)


def test_later_user_file_wins(tmp_path: Path) -> None:
    first = _write(tmp_path, '- {lemma: parley, pos: verb, kind: event, cameo: "040"}\n', "a.yaml")
    second = _write(tmp_path, '- {lemma: parley, pos: verb, kind: event, cameo: "046"}\n', "b.yaml")
    assert load_lexicon([first, second]).entries_for("parley", "verb")[0].cameo == "046"


def test_empty_user_file_is_fine(tmp_path: Path) -> None:
    assert read_lexicon_file(_write(tmp_path, "# nothing yet\n")) == []


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('- {lemma: x, pos: adverb, kind: event, cameo: "010"}', "pos must be one of"),
        ('- {lemma: x, pos: verb, kind: action, cameo: "010"}', "kind must be one of"),
        ('- {lemma: x, pos: verb, kind: event, cameo: "999"}', "not a code in the CAMEO table"),
        ("- {lemma: x, pos: verb, kind: event, cameo: 190}", "quoted string"),
        ("- {lemma: x, pos: verb, kind: event, cameo: null}", "needs a cameo code"),
        ('- {lemma: x, pos: verb, kind: transparent, cameo: "010"}', "carries no cameo"),
        ('- {lemma: x, pos: noun, kind: light, cameo: "010"}', "nouns must have kind"),
        ('- {lemma: x, pos: verb, kind: event, cameo: "010", colour: red}', "unknown key"),
        ('- {lemma: x, pos: verb, kind: event, cameo: "010", future: maybe}', "future must be"),
        ('- {pos: verb, kind: event, cameo: "010"}', "missing or empty 'lemma'"),
        ("- just a string", "must be a mapping"),
        ("lemma: x", "must be a YAML list"),
        ("- {lemma: x, pos: verb", "not valid YAML"),
        (
            '- {lemma: x, pos: verb, kind: event, cameo: "010"}\n- {lemma: X, pos: verb, kind: event, cameo: "020"}',
            "duplicates entry #1",
        ),
    ],
)
def test_validation_errors_name_file_and_entry(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text + "\n", "bad.yaml")
    with pytest.raises(ValueError, match=message) as error:
        load_lexicon([path])
    assert str(path) in str(error.value)


def test_error_names_entry_number(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '- {lemma: a, pos: verb, kind: event, cameo: "010"}\n- {lemma: b, pos: verb, kind: event, cameo: "7"}\n',
    )
    with pytest.raises(ValueError, match=r"entry #2 \('b'\)"):
        read_lexicon_file(path)


def test_missing_user_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="cannot read lexicon file"):
        load_lexicon([tmp_path / "absent.yaml"])


def test_same_key_with_different_objects_is_not_a_duplicate(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '- {lemma: lift, pos: verb, kind: event, cameo: "085", object: [sanction]}\n'
        '- {lemma: lift, pos: verb, kind: event, cameo: "0813", object: curfew}\n',
    )
    entries = read_lexicon_file(path)
    assert [(e.objects, e.cameo) for e in entries] == [(("sanction",), "085"), (("curfew",), "0813")]


# ---------------------------------------------------------------- second round of families (coded sentences)
def _coded(text: str) -> list[tuple[str, str | None, str]]:
    """(cameo, PLOVER type, predicate) of every event heron codes in a one-sentence text."""
    return [(event.cameo, event.plover_type, event.predicate) for event in heron.extract(text)]


@pytest.mark.parametrize(
    ("lemma", "particle", "cameo"),
    [
        ("pressure", "to", "100"), ("pressure", "into", "100"), ("convince", "to", "020"), ("prevail", "on", "020"),
        ("decline", "to", "120"), ("force", "down", "170"), ("be", "responsible for", None),
        ("be", "behind", None), ("hold", "as", "173"), ("use", "as", "184"),
    ],
)
def test_second_round_phrasal_entries(lexicon: Lexicon, lemma: str, particle: str, cameo: str | None) -> None:
    entries = [e for e in lexicon.entries_for(lemma, "verb") if e.particle == particle]
    assert entries and entries[-1].cameo == cameo, entries


def test_bare_pressure_and_force_stay_out(lexicon: Lexicon) -> None:
    """README: bare 'pressure' and 'force' are too ambiguous; only their frames are entries."""
    assert all(e.particle or e.objects for e in lexicon.entries_for("pressure", "verb"))
    assert all(e.particle or e.objects for e in lexicon.entries_for("force", "verb"))
    assert lexicon.noun_entry("ceremony").cameo == "017"


@pytest.mark.parametrize(
    ("text", "cameo", "plover_type"),
    [
        # object control: the infinitive is the content of the demand or appeal, not an event of its own
        ("Washington pressured Seoul to drop the new tariff.", "100", "REQUEST"),
        ("Mexico persuaded the rebel commanders to lay down their arms.", "020", "REQUEST"),
        # a refusal; a refusal to speak is a statement (CAMEO 011)
        ("The mayor declined to resign despite the protests.", "120", "REJECT"),
        ("The ministry declined to comment on the report.", "011", None),
        # a craft forced to land is coercion
        ("Belarusian fighter jets forced a Ryanair airliner to land in Minsk.", "170", "COERCE"),
        # contributing to a joint undertaking is aid; being ready to is intent
        ("Japan contributed to the rebuilding of the school in Kabul.", "070", "AID"),
        ("Indonesia is ready to contribute to the reconstruction of Gaza.", "033", "AGREE"),
        # culpability: the event noun after 'responsible for' / 'behind' is the subject's act
        ("The militia is responsible for mass killings in the eastern provinces.", "202", "ASSAULT"),
        ("Rebel commanders were behind the attack on the convoy.", "190", "ASSAULT"),
        # seized wildlife returned is returned property, also when the parse moves the object
        ("Customs officers returned 40 tortoises to Madagascar on Tuesday.", "0842", "RETREAT"),
        ("The wildlife agency returned to Peru on Monday 30 turtles from a smuggling ring.", "0842", "RETREAT"),
        ("Militia forces hold several hundred families as human shields in the city.", "173", "COERCE"),
        ("The president had a meeting with the Japanese prime minister in Tokyo.", "040", "CONSULT"),
        ("The premier attended a ceremony marking the end of the war.", "017", None),
    ],
)
def test_second_round_families_code_sentences(text: str, cameo: str, plover_type: str | None) -> None:
    coded = _coded(text)
    assert (cameo, plover_type) in [(c, p) for c, p, _ in coded], coded


@pytest.mark.parametrize(
    "text",
    [
        "Rising prices contributed to the unrest in the capital.",  # a cause, not aid
        "The storm forced the airline to cancel flights.",  # bare 'force' stays out
        "Two gunmen arrived at the bar shortly before midnight.",  # 'arrive at' is no visit
        "The smugglers had dinner and went to sleep.",  # a meal is no meeting
        "The pilot flew cocaine flights from the state of Apure to the coast.",  # carrying, no visit
        "The cartel began to send drugs to Europe by boat.",  # drugs are no relief
        "Investors pressured the company's shares.",  # bare 'pressure' stays out
        "The rebels are responsible for security in the north.",  # not an event noun
        "We had a good year.",  # 'have' is light only with talks or a meeting
    ],
)
def test_second_round_families_leave_non_events_alone(text: str) -> None:
    assert [c for c in _coded(text) if not c[0].startswith("01")] == []


def test_infinitive_marker_is_not_part_of_the_predicate() -> None:
    coded = _coded("Police have been pressuring the farmers to end their blockade of the highway.")
    assert [(c, p) for c, _, p in coded if c == "100"] == [("100", "pressuring")]

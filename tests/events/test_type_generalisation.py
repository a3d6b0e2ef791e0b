"""Event types that depend on who can act, what a warning is about, negating frames and proposal-like
objects (sentences written for these tests)."""

import pytest
from coded import top_typed as top
from coded import typed_events as typed

import heron


@pytest.mark.parametrize("text", [
    "Heavy floods in the south killed at least 40 people, officials said.",
    "The typhoon swept across the province, killing nine villagers.",
    "Hurricane Marta tore through the islands, killing four residents.",
    "Seven miners were killed in a gas explosion at a coal pit.",
    "Shares in the mining group rallied 6 percent in London on Monday.",
    "The rupee retreated from a record high against the dollar.",
    "A crocodile attacked two fishermen on the river bank.",
    "Bears attacked the support level but the index closed higher.",
])
def test_hazards_and_market_figures_do_not_act(text: str) -> None:
    assert typed(text) == []


def test_fire_caused_by_an_actor_is_still_force() -> None:
    assert top("Syrian army fire killed three farmers near the village.").plover_type == "ASSAULT"


@pytest.mark.parametrize("text", [
    "Economists warned that unemployment could climb sharply next year.",
    "The central bank governor warned that wheat exports could fall by a quarter.",
])
def test_a_warning_about_circumstances_is_a_comment(text: str) -> None:
    assert typed(text) == []
    assert any(e.cameo == "012" for e in heron.extract(text))


@pytest.mark.parametrize("text", [
    "Moscow warned that it would retaliate against any new sanctions.",
    "The general warned that any incursion would be met with a crushing military response.",
    "The police chief warned that officers will not tolerate further rallies by the movement.",
])
def test_a_warning_of_what_someone_will_do_stays_a_threat(text: str) -> None:
    assert any(e.plover_type == "THREATEN" for e in typed(text))


@pytest.mark.parametrize(("text", "plover"), [
    ("The minister stopped short of blaming Uganda for the ambush.", "ACCUSE"),
    ("The government refrained from criticising the court's ruling on the election.", "ACCUSE"),
])
def test_a_negating_frame_negates_its_gerund(text: str, plover: str) -> None:
    event = top(text)
    assert event.plover_type == plover and "negation" in event.aux_modes


def test_a_request_not_made_keeps_its_type_with_negation() -> None:
    event = top("Bolivia has not asked Brazil for help in fighting the wildfires, the minister said.")
    assert event.plover_type == "REQUEST" and "negation" in event.aux_modes


@pytest.mark.parametrize(("text", "plover", "cameo"), [
    ("Canada lifted sanctions on two Iranian shipping firms on Monday.", "RETREAT", "085"),
    ("Japan eased tariffs on imports of Thai rice.", "RETREAT", "085"),
    ("Hungary declared a Ukrainian diplomat persona non grata on Monday.", "SANCTION", "166"),
    ("Vietnam blocked access to a popular messaging app on Friday.", "COERCE", "172"),
    ("Dock workers in Antwerp staged a 48-hour strike over pay on Monday.", "PROTEST", "143"),
    ("Israeli jets staged air strikes on targets in Gaza overnight.", "ASSAULT", "195"),
    ("Greece opposed Turkey's bid for a seat on the council.", "REJECT", "120"),
    ("The EU adopted a new sanctions package against Iran on Monday.", "SANCTION", "163"),
    ("Beijing voiced firm support for Cambodia's sovereignty.", "SUPPORT", "051"),
    ("Kenya and Uganda threw their weight behind Ethiopia's bid to host the summit.", "SUPPORT", "051"),
    ("Croatia dropped its objections to Serbia's membership talks.", "CONCEDE", "080"),
    ("Austria lifted its veto on Bulgaria's entry into the Schengen area.", "CONCEDE", "080"),
    ("The Polish government shelved a controversial media bill after protests.", "CONCEDE", "0832"),
    ("Sudan restored mobile internet in Khartoum after a two-week shutdown.", "CONCEDE", "081"),
    ("The bishops pressed the government to release political prisoners.", "REQUEST", "100"),
    ("Police went on high alert in Nairobi ahead of the rally.", "MOBILIZE", "150"),
    ("The World Bank released 200 million dollars in budget support to Ghana.", "AID", "071"),
    ("Egypt sought a new bailout from the IMF.", "REQUEST", "023"),
    ("The World Food Programme delivered 2,000 tonnes of maize to refugees in Chad.", "AID", "073"),
    ("Police fired tear gas and rubber bullets at students in Dhaka.", "ASSAULT", "190"),
    ("Troops crushed the uprising in the eastern province.", "ASSAULT", "175"),
    ("Youths hurled stones at police in the northern town.", "PROTEST", "145"),
    ("Interpol and the Spanish police exchanged data on smuggling routes.", "COOPERATE", "064"),
    ("The sanctions imposed by the EU on Russian oil exporters have cut revenue.", "SANCTION", "163"),
])
def test_lexicon_frames(text: str, plover: str, cameo: str) -> None:
    event = top(text)
    assert (event.plover_type, event.cameo) == (plover, cameo)


def test_a_vow_to_crush_protests_is_a_threat() -> None:
    assert top("The interior minister vowed to crush any illegal protests in the capital.").plover_type == "THREATEN"


@pytest.mark.parametrize("text", [
    "The hosts crushed Pakistan by eight wickets in Perth.",
    "The prosecutor asked the witness a final question.",
    "An investigation that began in March was closed on Friday.",
])
def test_sport_questions_and_topics_are_no_acts(text: str) -> None:
    assert typed(text) == []


def test_a_news_conference_told_is_an_audience_not_a_meeting() -> None:
    text = "The foreign minister told a news conference in Rome that the talks had failed."
    assert not any(e.plover_type == "CONSULT" for e in heron.extract(text))


def test_protesters_blocking_a_road_still_obstruct_it() -> None:
    assert top("Protesters blocked the main road into the capital.").cameo == "144"

"""Merge rules on hand-built mentions: dates by precision, actors, text, copies, confidence, determinism."""

import random
from dataclasses import replace
from datetime import date, datetime

import pytest

from heron.merge.duplicates import duplicate_groups, find_duplicate_pairs, signature
from heron.merge.events import Mention, build_merged_event, cluster_mentions, compatible, date_interval
from heron.merge.settings import MergeSettings

S = MergeSettings()
DRAFTS = "On December 17, the Russian Foreign Ministry published draft agreements between Russia, NATO and the US on security guarantees."
UNVEILED = "In December last year, Moscow unveiled drafts of a treaty with the United States on security guarantees and an agreement with NATO."
DELIVERED = "In December, Russia delivered the projects of two agreements that it wants to reach with the US and NATO on security guarantees."


def mention(event_id, article_id, sentence, day, precision="day", *, type_="SUPPORT", src=("RUS",), tgt=(),
            predicate="published", from_pub=False, confidence=0.6, start=0, date_text=None):
    return Mention(event_id=event_id, article_id=article_id, sentence_start=start, sentence=sentence, date_text=date_text,
                   predicate=predicate, plover_type=type_, event_date=day, date_precision=precision,
                   date_from_publication=from_pub, source_codes=tuple(src), target_codes=tuple(tgt),
                   confidence=confidence, published=datetime(2022, 2, 2))


def test_codes_on_different_sides_only_count_as_no_codes() -> None:
    """A source-only mention and a target-only one do not contradict each other: strong text decides."""
    source_only = mention("e1", "a1", DRAFTS, date(2021, 12, 17), src=("RUS",))
    target_only = mention("e2", "a2", DELIVERED, date(2021, 12, 1), "month", src=(), tgt=("USA", "NATO"))
    other_source = mention("e3", "a3", DELIVERED, date(2021, 12, 1), "month", src=("CHN",), tgt=("USA",))
    assert compatible(source_only, target_only, {}, S)
    assert not compatible(source_only, other_source, {}, S)  # both name a source, and not the same one
    unrelated = mention("e4", "a4", "Russia recognized the talks as a failure and asked for written answers.",
                        date(2021, 12, 1), "month", src=(), tgt=("USA",))
    assert not compatible(source_only, unrelated, {}, S)


def test_month_precision_is_compatible_with_a_day_inside_it() -> None:
    day = mention("e1", "a1", DRAFTS, date(2021, 12, 17), src=("RUS", "NATO", "USA"))
    month = mention("e2", "a2", UNVEILED, date(2021, 12, 1), "month", predicate="unveiled drafts of a treaty")
    assert date_interval(month, S) == (date(2021, 12, 1), date(2021, 12, 31))
    assert compatible(day, month, {}, S)
    merged = build_merged_event(cluster_mentions([month, day], {}, S)[0], {}, S)
    assert (merged.event_date, merged.date_precision) == (date(2021, 12, 17), "day")
    assert (merged.date_min, merged.date_max) == (date(2021, 12, 17), date(2021, 12, 17))
    assert merged.n_articles == 2 and merged.n_sources == 2


def test_empty_actor_list_needs_strong_text_evidence() -> None:
    day = mention("e1", "a1", DRAFTS, date(2021, 12, 17), src=("RUS", "NATO", "USA"))
    unknown_actor = mention("e2", "a2", DELIVERED, date(2021, 12, 1), "month", src=())
    unrelated = mention("e3", "a3", "Russia recognized the talks as a failure and asked for written answers.",
                        date(2021, 12, 1), "month", src=())
    assert compatible(day, unknown_actor, {}, S)
    assert not compatible(day, unrelated, {}, S)


def test_a_month_mention_does_not_chain_two_distinct_days() -> None:
    text = "Kenya and Tanzania held border talks on the grazing corridor in Arusha with their ministers."
    first = mention("e1", "a1", text, date(2024, 3, 12), type_="CONSULT", src=("KEN",), tgt=("TZA",))
    second = mention("e2", "a2", text, date(2024, 3, 19), type_="CONSULT", src=("KEN",), tgt=("TZA",))
    vague = mention("e3", "a3", text, date(2024, 3, 1), "month", type_="CONSULT", src=("KEN",), tgt=("TZA",))
    assert not compatible(first, second, {}, S)
    clusters = cluster_mentions([vague, second, first], {}, S)
    assert sorted(sorted(m.event_id for m in c) for c in clusters) == [["e1", "e3"], ["e2"]]


def test_opposite_sources_and_other_types_do_not_merge() -> None:
    text = "The United States accused Russia of cyber attacks on its election systems, officials said."
    a = mention("e1", "a1", text, date(2024, 3, 20), type_="ACCUSE", src=("USA",), tgt=("RUS",))
    b = mention("e2", "a2", text, date(2024, 3, 20), type_="ACCUSE", src=("RUS",), tgt=("USA",))
    c = mention("e3", "a3", text, date(2024, 3, 20), type_="THREATEN", src=("USA",), tgt=("RUS",))
    assert not compatible(a, b, {}, S)
    assert not compatible(a, c, {}, S)


def test_confidence_grows_with_independent_sources_and_copies_count_once() -> None:
    text = "Gunmen attacked a police post in Cabo Delgado province, killing four officers."
    ms = [mention(f"e{i}", f"a{i}", text, date(2024, 4, 1), type_="ASSAULT", src=(), tgt=("MOZ",),
                  confidence=0.6, start=i) for i in range(3)]
    alone = build_merged_event(ms[:1], {}, S)
    three = build_merged_event(ms, {}, S)
    copies = build_merged_event(ms, {"a0": "a0", "a1": "a0", "a2": "a0"}, S)
    assert alone.confidence == 0.6
    assert three.n_sources == 3 and three.confidence == round(1 - 0.4 * 0.7**2, 4)
    assert copies.n_sources == 1 and copies.confidence == 0.6


def test_clusters_do_not_depend_on_input_order() -> None:
    texts = [DRAFTS, UNVEILED, DELIVERED]
    ms = [mention(f"e{i}", f"a{i % 4}", texts[i % 3], date(2021, 12, 1 + (i * 5) % 28), ["day", "month"][i % 2],
                  src=[("RUS",), ("RUS", "USA"), ()][i % 3], start=i) for i in range(24)]
    expected = {frozenset(m.event_id for m in c) for c in cluster_mentions(ms, {}, S)}
    for seed in range(5):
        shuffled = ms[:]
        random.Random(seed).shuffle(shuffled)
        assert {frozenset(m.event_id for m in c) for c in cluster_mentions(shuffled, {}, S)} == expected


def test_near_duplicate_articles_are_found_and_grouped() -> None:
    story = " ".join(f"Sentence {i} of the wire report about the border talks between Kenya and Tanzania." for i in range(30))
    repost = story + " Copyright notice of the re-posting site."
    other = " ".join(f"Line {i}: protesters marched in Santiago against the pension reform." for i in range(30))
    signatures = {aid: signature(text, S) for aid, text in (("a", story), ("b", repost), ("c", other))}
    pairs = find_duplicate_pairs({"b": signatures["b"]}, {"a": signatures["a"], "c": signatures["c"]}, S)
    assert [(a, b) for a, b, _ in pairs] == [("a", "b")]
    assert duplicate_groups(["a", "b", "c"], [("a", "b")]) == {"a": "a", "b": "a", "c": "c"}


def test_year_precision_needs_the_same_predicate_near_identical_wording_and_names() -> None:
    arrest = "Colombian police arrested Henry de Jesus Lopez, alias Mi Sangre, in Buenos Aires in 2012."
    repeat = "Henry de Jesus Lopez, alias Mi Sangre, was arrested by police in Buenos Aires in 2012."
    other = "Colombian police arrested dozens of suspected gang members in Medellin in 2012."
    kw = dict(type_="COERCE", src=(), predicate="arrested")
    a = mention("e1", "a1", arrest, date(2012, 1, 1), "year", **kw)
    b = mention("e2", "a2", repeat, date(2012, 1, 1), "year", **kw)
    c = mention("e3", "a3", other, date(2012, 1, 1), "year", **kw)
    d = mention("e4", "a4", repeat, date(2012, 1, 1), "year", type_="COERCE", src=(), predicate="detained")
    assert compatible(a, b, {}, S)
    assert not compatible(a, c, {}, S)  # same year, same verb, another arrest
    assert not compatible(a, d, {}, S)  # a year is too vague to merge different predicates


def test_month_precision_needs_shared_names() -> None:
    one = "In March 2019, the US Treasury Department sanctioned the Russian bank Evrofinance for financing the Petro."
    two = "In March 2019, Alba Petroleos and Albanisa were sanctioned by the US Treasury Department over PdVSA."
    kw = dict(type_="SANCTION", src=(), predicate="sanctioned", date_text="March 2019")
    assert not compatible(mention("e1", "a1", one, date(2019, 3, 1), "month", **kw),
                          mention("e2", "a2", two, date(2019, 3, 1), "month", **kw), {}, S)


def test_two_sentences_of_one_article_need_the_same_predicate_and_day() -> None:
    raid = "On March 6, police raided the gang house in the San Valentin condominium complex."
    occupy = "On March 6, police occupied the gang house in the San Valentin condominium complex."
    kw = dict(type_="COERCE", src=("SLV",))
    a = mention("e1", "a1", raid, date(2013, 3, 6), predicate="raided", **kw)
    b = replace(a, event_id="e2", sentence_start=100, sentence=occupy, predicate="occupied", cameo="192",
                words=frozenset(), names=frozenset(), head=None)
    a.cameo = "171"
    next_day = mention("e3", "a1", raid, date(2013, 3, 7), predicate="raided", start=200, **kw)
    other_outlet = mention("e4", "a2", raid, date(2013, 3, 7), predicate="raided", **kw)
    assert not compatible(a, b, {}, S)  # other predicate and CAMEO code in the same article
    assert not compatible(a, next_day, {}, S)  # one article, one time zone: the days must agree
    assert compatible(a, other_outlet, {}, S)  # another outlet may be a day off


def test_a_date_that_starts_a_span_dates_a_tally_not_an_event() -> None:
    one = "In Brazil, Sao Paulo state military police have killed more than 10,000 people since 1995, a study found."
    two = "In Brazil, Sao Paulo state military police killed over 11,000 people since 1995, according to a study."
    kw = dict(type_="ASSAULT", src=("BRA",), predicate="killed")
    a = mention("e1", "a1", one, date(1995, 1, 1), "year", **kw)
    b = mention("e2", "a2", two, date(1995, 1, 1), "year", **kw)
    a.date_text = b.date_text = "1995"
    assert not compatible(a, b, {}, S)
    a.date_text = b.date_text = None
    assert compatible(a, b, {}, S)


def test_an_offer_and_the_formal_agreement_are_one_compatible_group() -> None:
    offer = mention("e1", "a1", UNVEILED, date(2021, 12, 1), "month", type_="AGREE", predicate="unveiled drafts")
    signed = mention("e2", "a2", DRAFTS, date(2021, 12, 17), type_="SUPPORT", predicate="published draft agreements")
    praise = mention("e3", "a3", DRAFTS, date(2021, 12, 17), type_="SUPPORT", predicate="praised")
    offer.cameo, signed.cameo, praise.cameo = "030", "057", "051"
    assert compatible(offer, signed, {}, S)
    assert not compatible(offer, praise, {}, S)
    assert not compatible(offer, signed, {}, MergeSettings(compatible_cameo_groups=()))


def test_settings_read_from_the_command_line_and_round_trip_through_json() -> None:
    changed = S.with_overrides(["vague_text_similarity=0.6", "year_needs_same_predicate=false",
                                "compatible_cameo_groups=03+057,02+10"])
    assert changed.vague_text_similarity == 0.6 and changed.year_needs_same_predicate is False
    assert changed.compatible_cameo_groups == ("03+057", "02+10")
    assert MergeSettings.from_json(changed.to_json()) == changed
    for bad in (["no_such_setting=1"], ["vague_shared_words=many"], ["vague_shared_words"]):
        with pytest.raises(ValueError):
            S.with_overrides(bad)

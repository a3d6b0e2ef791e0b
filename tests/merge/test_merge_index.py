"""The shortcuts of the merge stage find exactly what comparing every pair finds: the candidate index
(events.CandidateIndex) and the actor blocking of topic links (stories.topic_links)."""

import random
from dataclasses import replace
from datetime import date, datetime, timedelta
from itertools import combinations

import pytest

from heron.merge.events import CandidateIndex, Mention, compatible
from heron.merge.settings import MergeSettings
from heron.merge.stories import topic_links
from heron.merge.text import jaccard

S = MergeSettings()
LOOSE = replace(S, min_shared_words=0, strong_shared_words=0, min_text_similarity=0.1, copy_text_similarity=0.3,
                vague_shared_names=0, year_shared_names=0, same_article_needs_same_predicate=False)
SENTENCES = [
    "Police arrested Carlos Mendez in Medellin after a raid on a cocaine lab.",
    "Colombian police arrested Carlos Mendez, a cocaine trafficker, in Medellin.",
    "Gunmen killed four police officers in Guerrero state, officials said.",
    "Gunmen killed four officers in Guerrero, the state prosecutor said.",
    "The army seized two tons of cocaine near the Venezuelan border since 2012.",
    "Mexico and the United States agreed to share intelligence on the Sinaloa cartel.",
    "Mexico offered the United States a deal on intelligence about the Sinaloa cartel.",
    "The president said the government would not negotiate with the gangs.",
]
PREDICATES = ["arrested", "killed", "seized", "agreed to share", "offered", "said", ""]
TYPES = [("ASSAULT", "190"), ("COERCE", "173"), (None, None), ("AGREE", "036"), ("SUPPORT", "057")]
CODES = [(), ("COL",), ("MEX", "USA"), ("USA",)]
GROUPS = {"a0": "a0", "a1": "a0", "a2": "a0", "a3": "a3", "a4": "a3"}  # two copy groups


def random_mentions(rng: random.Random, n: int) -> list[Mention]:
    mentions = []
    for i in range(n):
        plover_type, cameo = rng.choice(TYPES)
        precision = rng.choice(["day", "day", "week", "month", "year", None])
        day = date(2012, 1, 1) + timedelta(days=rng.randrange(0, 500)) if precision else None
        if precision == "month" and day:
            day = day.replace(day=1)
        sentence = rng.choice(SENTENCES)
        mentions.append(Mention(
            event_id=f"e{i:03d}", article_id=f"a{rng.randrange(9)}", sentence_start=rng.randrange(4) * 100,
            sentence=sentence, predicate=rng.choice(PREDICATES), plover_type=plover_type, cameo=cameo,
            event_date=day, date_precision=precision, date_from_publication=precision == "day" and rng.random() < 0.3,
            date_text="2012" if "since 2012" in sentence else None, published_from=rng.choice([None, "inferred"]),
            source_codes=rng.choice(CODES), target_codes=rng.choice(CODES), published=datetime(2013, 1, 1),
        ))
    return mentions


@pytest.mark.parametrize("settings", [S, LOOSE, replace(S, year_needs_same_predicate=False)])
@pytest.mark.parametrize("seed", range(3))
def test_candidate_index_finds_every_compatible_pair(settings: MergeSettings, seed: int) -> None:
    mentions = random_mentions(random.Random(seed), 160)
    expected: dict[str, set[str]] = {m.event_id: set() for m in mentions}
    for a, b in combinations(mentions, 2):
        if compatible(a, b, GROUPS, settings):
            expected[a.event_id].add(b.event_id)
            expected[b.event_id].add(a.event_id)
    _components, neighbours = CandidateIndex(mentions, GROUPS, settings).components(mentions)
    assert neighbours == expected
    assert sum(map(len, expected.values())) > 20  # the rules do link some of them


def brute_force_topic_links(new_ids: set[str], features: list[dict], settings: MergeSettings) -> set[tuple]:
    links = set()
    for a, b in combinations(features, 2):
        if a["article_id"] not in new_ids and b["article_id"] not in new_ids:
            continue
        actors_a, actors_b = set(a["actors"]), set(b["actors"])
        needed = min(settings.story_min_shared_actors, len(actors_a), len(actors_b))
        if needed < 1 or len(actors_a & actors_b) < needed:
            continue
        undated = a["published"] is None or b["published"] is None
        if not undated and abs((a["published"] - b["published"]).days) > settings.story_window_days:
            continue
        score = jaccard(set(a["key_terms"]), set(b["key_terms"]))
        if score >= (settings.story_undated_min_term_similarity if undated else settings.story_min_term_similarity):
            links.add((*sorted((a["article_id"], b["article_id"])), "topic", round(score, 4)))
    return links


@pytest.mark.parametrize("seed", range(3))
def test_topic_links_compare_only_articles_that_share_an_actor(seed: int) -> None:
    rng = random.Random(seed)
    vocabulary = [f"term{i}" for i in range(14)]
    features = [{
        "article_id": f"a{i:03d}", "key_terms": rng.sample(vocabulary, rng.randrange(0, 8)),
        "actors": rng.sample(["COL", "MEX", "USA", "VEN"], rng.randrange(0, 4)),
        "published": rng.choice([None, datetime(2015, 1, 1) + timedelta(days=rng.randrange(0, 90))]),
    } for i in range(120)]
    everything = {f["article_id"] for f in features}
    assert set(topic_links(features, features, S)) == brute_force_topic_links(everything, features, S)
    new = features[100:]
    expected = brute_force_topic_links({f["article_id"] for f in new}, features, S)
    assert set(topic_links(new, features, S)) == expected and expected

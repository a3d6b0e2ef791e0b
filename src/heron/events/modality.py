"""Auxiliary modes (negation, future, hypothetical) read off the dependency parse.

The vocabulary and the recoding rules live in ``data/modality.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Token

NEGATION = "negation"
FUTURE = "future"
HYPOTHETICAL = "hypothetical"


@dataclass(frozen=True)
class ModalityRules:
    negation_words: frozenset[str]
    future_auxiliaries: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    conditional_markers: tuple[tuple[str, ...], ...]
    recode: dict[str, dict[str, str]]  # mode -> PLOVER type -> CAMEO code
    keep_negated_confidence: float
    crowd_sectors: frozenset[str]
    negating_verbs: frozenset[str]
    deontic_auxiliaries: frozenset[str]
    demand_cameo: str
    crowd_violence_cameo: str
    intent_adjectives: frozenset[str] = frozenset()
    # PLOVER types of verbal acts that an intent adjective also makes an intention ("ready to meet")
    intent_verbal_types: frozenset[str] = frozenset()
    # CAMEO codes of killings and atrocities that stay ASSAULT when a crowd does them ("a mob lynched")
    crowd_violence_kept: frozenset[str] = frozenset()
    # verbs of commitment: a promise of an act that is no event itself is an intent (commitment_cameo)
    commitment_verbs: frozenset[str] = frozenset()
    commitment_cameo: str = "030"
    attitude_adjectives: frozenset[str] = frozenset()
    # verb -> prepositional frames under which it denies its gerund ("stopped short of", "refrained from")
    negating_frames: dict[str, frozenset[str]] = field(default_factory=dict)
    warning_verbs: frozenset[str] = frozenset()
    pessimistic_comment_cameo: str = "012"
    # nouns of easing -> their verb: "an easing of sanctions" is coded as "eased sanctions"
    easing_nouns: dict[str, str] = field(default_factory=dict)
    # yielding: a resignation after/under pressure, demands or protests accedes to them (CAMEO 0831)
    yield_prepositions: frozenset[str] = frozenset()
    yield_pressure_nouns: frozenset[str] = frozenset()
    # CAMEO codes besides ASSAULT that a crowd's doing makes a riot ("demonstrators ransacked offices")
    crowd_violence_also: frozenset[str] = frozenset()
    # protection code -> deployment code for a deployment only hinted at ("troops could be sent to protect")
    hypothetical_protection: dict[str, str] = field(default_factory=dict)

    def recoded_cameo(self, mode: str, plover_type: str | None) -> str | None:
        if plover_type is None:
            return None
        return self.recode.get(mode, {}).get(plover_type)


@lru_cache(maxsize=4)
def load_modality_rules(path: str | None = None) -> ModalityRules:
    if path is None:
        text = resources.files("heron.events").joinpath("data/modality.yaml").read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return ModalityRules(
        negation_words=frozenset(data["negation_words"]),
        future_auxiliaries=frozenset(data["future_auxiliaries"]),
        hypothetical_auxiliaries=frozenset(data["hypothetical_auxiliaries"]),
        conditional_markers=tuple(tuple(marker.split()) for marker in data["conditional_markers"]),
        recode={
            NEGATION: dict(data.get("negated") or {}),
            FUTURE: dict(data.get(FUTURE) or {}),
            HYPOTHETICAL: dict(data.get(HYPOTHETICAL) or {}),
        },
        keep_negated_confidence=float(data.get("keep_negated_confidence", 0.35)),
        crowd_sectors=frozenset(data.get("crowd_sectors") or ()),
        negating_verbs=frozenset(data.get("negating_verbs") or ()),
        deontic_auxiliaries=frozenset(data.get("deontic_auxiliaries") or ()),
        demand_cameo=str(data.get("demand_cameo", "100")),
        crowd_violence_cameo=str(data.get("crowd_violence_cameo", "145")),
        intent_adjectives=frozenset(data.get("intent_adjectives") or ()),
        intent_verbal_types=frozenset(data.get("intent_verbal_types") or ()),
        crowd_violence_kept=frozenset(str(code) for code in data.get("crowd_violence_kept") or ()),
        commitment_verbs=frozenset(data.get("commitment_verbs") or ()),
        commitment_cameo=str(data.get("commitment_cameo", "030")),
        attitude_adjectives=frozenset(data.get("attitude_adjectives") or ()),
        negating_frames={verb: frozenset(frames) for verb, frames in (data.get("negating_frames") or {}).items()},
        warning_verbs=frozenset(data.get("warning_verbs") or ()),
        pessimistic_comment_cameo=str(data.get("pessimistic_comment_cameo", "012")),
        easing_nouns={str(noun): str(verb) for noun, verb in (data.get("easing_nouns") or {}).items()},
        yield_prepositions=frozenset(data.get("yield_prepositions") or ()),
        yield_pressure_nouns=frozenset(data.get("yield_pressure_nouns") or ()),
        crowd_violence_also=frozenset(str(code) for code in data.get("crowd_violence_also") or ()),
        hypothetical_protection={str(k): str(v) for k, v in (data.get("hypothetical_protection") or {}).items()},
    )


def is_denied_by_frame(predicate: Token, rules: ModalityRules) -> bool:
    """'stopped short of accusing X', 'refrained from criticising Y': a gerund under a frame whose verb
    says the act was not done (the frames are in modality.yaml, negating_frames)."""
    if predicate.dep_ != "pcomp" or predicate.head.dep_ != "prep":
        return False
    preposition = predicate.head
    governor = preposition.head
    frame = preposition.lower_
    if governor.lower_ == "short" and governor.head != governor:  # "stop short of", "fall short of"
        frame, governor = f"short {frame}", governor.head
    return frame in rules.negating_frames.get(governor.lemma_.lower(), frozenset())


def _auxiliaries(verb: Token) -> list[Token]:
    """Auxiliaries and negation particles of a verb, including those of a governing light/transparent verb."""
    return [child for child in verb.children if child.dep_ in ("aux", "auxpass", "neg", "advmod")]


def is_negated(predicate: Token, rules: ModalityRules) -> bool:
    for child in _auxiliaries(predicate):
        if child.dep_ == "neg" or child.lower_ in ("never",):
            return True
    # "made no concessions", "there were no talks": the negative determiner sits on the object noun.
    for child in predicate.children:
        if child.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and any(
            grandchild.dep_ == "det" and grandchild.lower_ in ("no", "neither") for grandchild in child.children
        ):
            return True
    return predicate.pos_ == "NOUN" and any(
        child.dep_ == "det" and child.lower_ in ("no", "neither") for child in predicate.children
    )


def is_future(predicate: Token, rules: ModalityRules) -> bool:
    for child in predicate.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in rules.future_auxiliaries:
            return True
    # "is going to meet"
    head = predicate.head
    return bool(
        predicate.dep_ == "xcomp" and head.lemma_ == "go" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in head.children)
    )


def is_hypothetical(predicate: Token, rules: ModalityRules) -> bool:
    for child in predicate.children:
        if child.dep_ in ("aux", "auxpass") and child.lower_ in rules.hypothetical_auxiliaries:
            return True
        if child.dep_ == "mark" and child.lower_ in ("if", "unless"):
            return True
    # Inside a conditional clause: "if Russian forces cross the border"
    token = predicate
    for _ in range(4):
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            return True
        if token.head == token:
            break
        token = token.head
    return False


def has_conditional_phrase(predicate: Token, rules: ModalityRules) -> bool:
    """'threatening sanctions in case of aggression', 'in the event of continued pressure'."""
    sentence = predicate.sent
    words = [token.lower_ for token in sentence]
    for marker in rules.conditional_markers:
        if len(marker) < 2:
            continue
        for index in range(len(words) - len(marker) + 1):
            if tuple(words[index : index + len(marker)]) == marker:
                return True
    return False


def is_obligation(predicate: Token, rules: ModalityRules) -> bool:
    """'must mediate', 'should withdraw', 'has to pay'."""
    for child in predicate.children:
        if child.dep_ == "aux" and child.lower_ in rules.deontic_auxiliaries:
            return True
    head = predicate.head
    return predicate.dep_ == "xcomp" and head.lemma_ in ("have", "need") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in predicate.children
    )

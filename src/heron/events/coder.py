"""The event coder: parsed article in, coded events out.

For every sentence the coder finds predicates that the lexicon knows (verbs, phrasal verbs, light-verb
constructions such as "held talks", and event nouns such as "a telephone conversation"), reads their
participants off the dependency parse (active, passive, control and conjoined clauses), marks the
auxiliary modes (negation, future, hypothetical), recodes where PLOVER asks for a single category
("will not make concessions" is REJECT), and attaches the date, location, quote and speaker.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from heron.actors import ActorResolver
from heron.actors.lexicon import Role, normalize
from heron.dates import find_dates
from heron.events.cameo import cameo_info
from heron.events.classifier import TypeClassifier
from heron.events.confidence import default_calibration
from heron.events.lexicon import Lexicon, PredicateEntry, load_lexicon, object_classes, verb_lemma_corrections
from heron.events.modality import (
    FUTURE,
    HYPOTHETICAL,
    NEGATION,
    ModalityRules,
    has_conditional_phrase,
    is_future,
    is_hypothetical,
    is_negated,
    is_obligation,
    load_modality_rules,
)
from heron.records import Actor, Article, DateMention, Event

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Prepositions that introduce the recipient of an action ("met with X", "sanctions on X").
TARGET_PREPOSITIONS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "for", "from", "upon", "over")
ENTITY_TYPES = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
NON_ACTOR_ENTITY_TYPES = ("DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY")
# Plural role nouns that stand for the members named after them: "aides to the presidents of Russia and
# the United States" are the two countries' officials.
COLLECTIVE_NOUNS = {"aide", "leader", "president", "minister", "delegation", "representative", "envoy",
                    "official", "negotiator", "head", "chief", "diplomat", "spokesman", "adviser", "advisor"}
# Subject pronouns of a reported clause that refer back to the speaker ("X said it will ...").
ANAPHORIC_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
# Object pronouns that refer back to a person named earlier in the sentence (see _pronoun_antecedent).
PERSON_OBJECT_PRONOUNS = frozenset({"him", "her"})
PRONOUNS_WITHOUT_REFERENT = {"it", "this", "that", "which", "what", "there", "these", "those", "who", "whom"}
QUOTE_PATTERN = re.compile(r"[\"“”«»„]([^\"“”«»„]{8,})[\"“”«»„]")

# Agreements, threats and reductions of aid or relations whose recipient is often named by a place,
# and arrivals ("arrived in Kabul").
PLACE_DIRECTED_CAMEO_PREFIXES = ("03", "08", "13", "16", "042")
PROTEST_CAMEO_PREFIX = "14"
SUBORDINATE_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "xcomp"})

# Deploying, withdrawing and sending aid: what is moved belongs to the source (see _build_event).
DISPATCH_CAMEO_PREFIXES = ("07", "087", "15")

# Withdrawals, retreats and expulsions: their "from X" is the place left, not the author of the act.
DEPARTURE_CAMEO_PREFIXES = ("087", "166")

# What is fired or launched at someone ("launched artillery, mortar and rocket fire against X").
WEAPONS = frozenset(object_classes()["weapons"])
# Forces a dispatch moves: the source's own, even when their phrase names the source ("its forces").
MOVED_FORCES = frozenset(object_classes()["military_force"] + object_classes()["police_force"]
                         + object_classes()["peacekeepers"])
ASSISTANCE_VERBS = frozenset(object_classes()["assistance_verbs"])
GENERIC_OBJECTS = frozenset(object_classes()["generic_objects"])
PLACE_NOUN_LEMMAS = frozenset(object_classes()["place"])
# What is sought where it is given ("sought refuge in X"), and people helped for their plight ("to help
# victims of the flood").
REFUGE_OBJECTS = frozenset(object_classes()["refuge"])
BENEFICIARIES = frozenset(object_classes()["beneficiary"])
RELIEF_OBJECTS = frozenset(object_classes()["relief"])
APPEAL_FOR_AID_CAMEO = "023"
# Yielding (resigning, calling off a strike): to whom is said by the office left or the deal that ends it.
YIELD_CAMEO_PREFIX = "08"
# "violated a ceasefire": the ceasefire violated is the target itself when nothing else is named.
VIOLATE_CEASEFIRE_CAMEO = "196"

# Acts only a state's authorities carry out: restrictions, arrest and detention, deportation, repression
# (CAMEO 172-175) and torture (1822). Said in the passive with no agent ("X was arrested in Rwanda"),
# the authorities of the place where it happened act.
STATE_COERCION_CAMEO_PREFIXES = ("172", "173", "174", "175", "1822")

# Uses of force (CAMEO 18-20): a state's attack is carried out by its military.
FORCE_CAMEO_ROOTS = ("18", "19", "20")

# A civilian authority acting on an unplaced group of these sectors acts at home (_place_domestic_groups).
AUTHORITY_SECTORS = frozenset({"government", "police", "judiciary"})
DOMESTIC_GROUP_SECTORS = frozenset({"opposition", "party", "civilians", "activists", "religious", "labor",
                                    "education", "media", "business", "elites"})

# A "visit" (CAMEO 042) by armed forces is a troop movement, not diplomacy.
VISIT_CAMEO = "042"
ARMED_SECTORS = frozenset({"military", "police"})
# Rule-score penalty of an act inside a clause a speaker says someone must carry out (see _build_event)
OBLIGATION_CONTENT_PENALTY = 0.3
# ... and of a comment (CAMEO 01) someone else reports ("X said Y expressed concern")
STATEMENT_CAMEO_ROOT = "01"
REPORTED_COMMENT_PENALTY = 0.3

# Words that count the people of their "of" phrase ("thousands of refugees").
QUANTITY_NOUNS = frozenset({"thousand", "hundred", "dozen", "score", "million", "number", "group", "crowd",
                            "handful", "couple"})
# Quantifier pronouns that stand for part of the group of their "of" phrase ("some of the peacekeepers",
# "each of the providers").
QUANTIFIER_PRONOUNS = frozenset({"some", "each", "all", "many", "most", "several", "few", "both", "none", "any",
                                 "one", "either", "neither"})

# Prepositions that mostly give a circumstance, not a recipient ("at the fourth round of talks").
LOOSE_PREPOSITIONS = frozenset({"at", "over", "into", "from"})

# Prepositions of an inquiry's or demand's topic ("an inquiry into reports that ...").
TOPIC_PREPOSITIONS = frozenset({"into", "about", "over"})
INVESTIGATE_CAMEO_PREFIX = "09"
# Appeals and demands: "called for Britain to stay" asks Britain.
REQUEST_CAMEO_PREFIXES = ("02", "10")

# Participles that say where a group sits: "a terror group based in Trinidad".
LOCATING_PARTICIPLES = frozenset({"base", "headquarter", "locate", "station", "operate"})
# Comments, rejections and force: what is commented on, rejected or hit is the target itself ("an arms
# depot of the Syrian army", "an offer from the Afghan government"), even when it names an actor.
LITERAL_TARGET_CAMEO_PREFIXES = ("01", "12", "17", "18", "19", "20")
# An abstract thing stands for whom or where it is directed: "assistance in northern Iraq", "demands
# from the Neighborhood Association", "human rights violations by the police".
ABSTRACT_THING_PREPOSITIONS = frozenset({"in", "to", "from", "by", "against", "on"})
# Giving, easing, mobilising, restricting: when what is given or imposed is a thing ("basic shelter
# materials", "a state of siege"), the place it goes to or applies in stands for the recipient.
THING_TO_PLACE_CAMEO_PREFIXES = ("03", "07", "08", "15", "16", "172", "191")
# ... but people released are the target themselves ("released hundreds of prisoners in Tripoli").
RELEASE_PERSONS_CAMEO = "0841"
# Prepositions that name where a thing comes from, not where it goes ("a grant from the bank to Malawi").
AUTHOR_PREPOSITIONS = frozenset({"from", "by", "of"})
# Prepositions that name what a comment is about ("pessimism over the economy").
COMMENT_TOPIC_PREPOSITIONS = frozenset({"about", "over", "at", "regarding", "concerning"})
# Prepositions that put an act in a place ("aid to Nepal", "a curfew in parts of Kashmir").
PLACE_PREPOSITIONS = frozenset({"in", "to", "into", "inside", "across", "throughout"})
# A country named by a possessive pronoun ("her country") is its owner's home, not another party.
HOME_NOUNS = frozenset({"country", "homeland", "nation", "soil", "motherland"})
# Demands, disapproval and protest: what a purpose clause of a protest with these opposes is its aim.
PROTESTED_CAMEO_PREFIXES = ("10", "11", "14")
# Comments and rejections: a response to an accusation or demand answers its author.
RESPONSE_CAMEO_PREFIXES = ("01", "12")
# Prepositions that say where an act done with the source's own means is aimed ("near a base").
LOCATED_TARGET_PREPOSITIONS = frozenset({"near", "at", "against", "on", "outside", "inside", "in", "into"})
# Dependencies that lead out of the predicate's own clause.
OTHER_CLAUSE_DEPS = frozenset({"ccomp", "parataxis", "nsubj", "nsubjpass", "csubj", "mark"})

# Words of hoping and expecting: "hopes X will persuade Y", "voiced hope that X will help": the act
# hoped for is the hoper's statement about X.
HOPE_LEMMAS = frozenset({"hope", "expect", "wish"})
# Determiners of a definite mention that names nobody ("the government", "his country").
DEFINITE_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "our"})

JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "multinational"})

# Prepositions that name the other party of what a clause deals with ("to meet with X", "to resolve the
# rift between X and Y", "a dispute with X").
PARTY_PREPOSITIONS = frozenset({"with", "between", "among"})
# Prepositions that name what an attack hits ("an attack on the army's sites", "arson at a ski resort").
VICTIM_PREPOSITIONS = frozenset({"on", "against", "at", "upon"})

# Boundaries of a participant mention (see _mention_span): clauses never belong to it; conjoined
# siblings are participants of their own, and these prepositions start adjuncts, not modifiers.
MENTION_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "nsubj", "dobj"})
MENTION_HEAD_ONLY_DEPS = frozenset({"conj", "cc", "preconj", "advmod", "npadvmod"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "outside", "inside"})
# Where a participant is ("forces in the Crimea"): left out of a mention whose own words already say
# whose it is ("Ukrainian forces", "an Afghan army base"); kept when the place is what places an
# anonymous one ("at least 75 people in eastern Syria", "militants in South Waziristan").
SITE_PREPOSITIONS = frozenset({"in", "at", "near"})
# Modifiers inside a noun phrase that can name whose the thing is ("Ukrainian", "Germany's", "US").
OWNER_MODIFIER_DEPS = frozenset({"poss", "amod", "compound", "nmod"})
# What an act noun asks for or is about is its content, not part of the participant that the act stands
# for ("rejected Bolivia's request for talks", "ignored the union's demand for higher wages").
ACT_CONTENT_PREPOSITIONS = frozenset({"for", "about", "regarding", "concerning"})
# ... and so is what it is on ("Theresa May's offer on citizens' rights", "a ban on entry"), except for
# acts of force, whose "on" names who is hit ("an attack on a convoy").
MENTION_TOPIC_PREPOSITIONS = frozenset({"on"})
# An accusation's charge: "accused the military of mass slaughter", "accusations by the US of genocide"
# (what someone is accused of, which the parser may hang on them, is not part of who they are).
ACCUSE_CAMEO = "112"
CHARGE_PREPOSITIONS = frozenset({"of"})
# Words that open the second conjunct of a named modifier only when it heads a phrase of its own ("USAID
# and other donors" are two participants; "Iraqi and Turkish demands" share one head).
OTHERS_WORDS = frozenset({"other", "several", "many", "various", "some"})
# Entity types of a name that can stand as a participant of its own in a list.
LISTED_NAME_TYPES = ("GPE", "ORG", "NORP", "LOC")
# Prepositions whose object is a pair or group by itself ("fighting between X and Y").
JOINT_PREPOSITIONS = frozenset({"between", "among", "amongst"})
MENTION_STOP_PREPOSITIONS = frozenset({"including", "during", "following", "after", "before", "amid", "despite",
                                       "as", "than", "since", "until", "like", "such", "over"})

# Base confidence by how the predicate was found; adjusted by evidence below.
CONFIDENCE_VERB = 0.72
CONFIDENCE_LIGHT = 0.7
CONFIDENCE_NOUN = 0.45
CONFIDENCE_STATEMENT = 0.4


@dataclass
class CoderSettings:
    max_events_per_article: int = 500
    max_sentence_chars: int = 2_000
    code_statements: bool = True
    require_participant: bool = False  # drop events with neither a source nor a target actor (stricter)
    calibrate_confidence: bool = True  # map rule scores to probabilities (heron.events.confidence)
    # User dictionaries read after the packaged ones (they extend or override them); paths, so the
    # settings can travel to worker processes.
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()


@dataclass
class _Candidate:
    """A predicate found in a sentence, before it becomes an Event."""

    predicate: Token
    extra: list[Token]  # other tokens of the predicate phrase (particle, light-verb object)
    entry: PredicateEntry
    cameo: str
    kind: str
    confidence: float
    source_heads: list[Token] = field(default_factory=list)
    target_heads: list[Token] = field(default_factory=list)
    aux_modes: list[str] = field(default_factory=list)


class EventCoder:
    """Codes events in parsed documents. Build once, reuse for every article (it holds the dictionaries)."""

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        actors: ActorResolver | None = None,
        *,
        actor_files: Sequence[Path] = (),
        lexicon_files: Sequence[Path] = (),
        settings: CoderSettings | None = None,
    ) -> None:
        self.settings = settings or CoderSettings()
        lexicon_paths = tuple(Path(f) for f in (*self.settings.lexicon_files, *lexicon_files))
        actor_paths = tuple(Path(f) for f in (*self.settings.actor_files, *actor_files))
        self.lexicon = lexicon or load_lexicon(lexicon_paths)
        self.actors = actors or ActorResolver(extra_files=actor_paths)
        self.modality: ModalityRules = load_modality_rules()
        self.occurrence_verbs = load_occurrence_verbs()
        self.calibration = default_calibration() if self.settings.calibrate_confidence else None
        self.classifier = TypeClassifier.load() if self.calibration is not None else None
        # doc.ents of the document being coded (spaCy rebuilds the entity spans on every access)
        self._entities: tuple[Doc, tuple[Span, ...]] | None = None

    # ------------------------------------------------------------------ public API
    def code_document(self, article: Article, doc: Doc) -> list[Event]:
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        context = self.actors.scan_document(doc, published)
        self._entities = None
        events: list[Event] = []
        previous: tuple[Span, DateMention] | None = None
        text = self.actors.document_text(doc)  # spaCy rebuilds Doc.text (and Span.text) on every access
        for sentence_index, sentence in enumerate(doc.sents):
            sentence_text = text[sentence.start_char : sentence.end_char]  # sentence.text
            if len(sentence_text) > self.settings.max_sentence_chars or not sentence_text.strip():
                previous = None
                continue
            dates = self._dates_by_token(sentence, published, sentence_text)
            # A sentence with no date of its own continues the previous sentence of its paragraph
            # ("X and Y agreed on Tuesday to ... The ministers met in Arusha.").
            inherited = previous if previous and "\n" not in text[previous[0].end_char : sentence.start_char] else None
            coded = self._code_sentence(article, sentence, sentence_text, sentence_index, context, published, dates,
                                        inherited)
            for event in coded:
                events.append(event)
                if len(events) >= self.settings.max_events_per_article:
                    return events
            if dates:
                previous = (sentence, min(dates.values(), key=lambda m: m.start))
            elif inherited is None or "\n" in sentence_text:
                previous = None
        return events

    # ------------------------------------------------------------------ sentence level
    def _code_sentence(
        self,
        article: Article,
        sentence: Span,
        sentence_text: str,
        sentence_index: int,
        context: object,
        published: date | None,
        dates: dict[int, DateMention],
        inherited: tuple[Span, DateMention] | None,
    ) -> Iterable[Event]:
        candidates = self._find_candidates(sentence)
        events = []
        for candidate in candidates:
            event = self._build_event(
                article, sentence, sentence_text, sentence_index, candidate, context, published, dates, inherited
            )
            if event is not None:
                events.append(event)
        if events and self.calibration is not None and self.classifier is not None:
            self._calibrate(sentence, events)
        return events

    def _calibrate(self, sentence: Span, events: list[Event]) -> None:
        """Replace rule scores by calibrated probabilities, with the type classifier's view of the sentence.

        The rules' order of a sentence's events is kept (it picks the reported event better than the
        probabilities do: measured on the eval gold): an event never gets more confidence than one the
        rules rank above it in the same sentence.
        """
        assert self.calibration is not None and self.classifier is not None
        entities = self._document_entities(sentence.doc)
        probabilities = self.classifier.predict_proba(sentence, entities=entities)
        none_probability = probabilities.get("NONE", 0.0)
        ceiling = 1.0
        for event in sorted(events, key=lambda e: -e.confidence):  # stable: ties keep sentence order
            is_statement = event.plover_type is None
            label = event.plover_type or ("STATEMENT" if event.cameo.startswith("01") else "NONE")
            calibrated = self.calibration.probability(
                event.confidence, probabilities.get(label, 0.0), none_probability, is_statement
            )
            event.confidence = round(max(0.001, min(calibrated, ceiling)), 3)
            ceiling = event.confidence - 0.001

    def _find_candidates(self, sentence: Span) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        consumed: set[int] = set()  # nouns already used as the object of a light verb
        doc = sentence.doc
        tags = self.actors.document_pos(doc)  # read once per document by the actor scan
        for index in range(sentence.start, sentence.end):
            if tags[index] not in ("VERB", "AUX") or index in consumed:
                continue
            token = doc[index]
            if token.dep_ == "amod":
                continue  # attributive participles describe a noun ("the alleged abuses", "the banned party")
            candidate = self._verb_candidate(token)
            if candidate is None:
                continue
            consumed.update(t.i for t in candidate.extra)
            candidates.append(candidate)
        for index in range(sentence.start, sentence.end):
            if tags[index] not in ("NOUN", "PROPN") or index in consumed:
                continue
            candidate = self._noun_candidate(doc[index])
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    def _verb_candidate(self, verb: Token) -> _Candidate | None:
        lemma = _verb_lemma(verb)
        if self._is_content_of_event_verb(verb):
            return None
        for entry in self.lexicon.entries_for(lemma, "verb"):
            extra = self._match_entry(verb, entry)
            if extra is None:
                continue
            if entry.kind == "transparent":
                # "began their assault", "resumed talks": an event noun object carries the event;
                # otherwise the infinitive complement does ("began to withdraw").
                obj, noun_entry = self._light_verb_object(verb)
                if obj is not None and noun_entry is not None and noun_entry.cameo:
                    return _Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                return None
            if entry.kind == "light":
                obj, noun_entry = self._light_verb_object(verb)
                if (obj is None or noun_entry is None) and extra:  # "is responsible for mass killings"
                    obj, noun_entry = self._particle_event_noun(extra[0])
                if obj is not None and noun_entry is not None and noun_entry.cameo:
                    return _Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                if entry.cameo:
                    return _Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB - 0.1)
                return None
            if entry.kind == "speech":
                # "reiterated its demand", "announced sanctions": an event noun object is the event.
                obj, noun_entry = self._light_verb_object(verb)
                if obj is not None and noun_entry is not None and noun_entry.cameo and not noun_entry.cameo.startswith("01"):
                    return _Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                if not self.settings.code_statements:
                    return None
                return _Candidate(verb, extra, entry, entry.cameo or "010", "speech", CONFIDENCE_STATEMENT)
            if entry.cameo:
                return _Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB)
        return None

    def _is_content_of_event_verb(self, verb: Token) -> bool:
        """'agreed to set up', 'threatened to invade', 'called on X to halt': the infinitive is the
        content of the governing event (an intent, threat or demand), not an event of its own."""
        if verb.dep_ != "xcomp" or verb.head == verb:
            return False
        head = verb.head
        entries = self.lexicon.entries_for(_verb_lemma(head), "verb")
        # Only entries that apply here: "began talks" is an event, "began collecting" is aspect.
        return any(
            entry.kind == "event" and entry.cameo and self._match_entry(head, entry) is not None for entry in entries
        )

    def _reports_occurrence(self, noun: Token) -> bool:
        """Is the noun an event being reported, not a topic? (rules in data/nominal_events.yaml)"""
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in self.occurrence_verbs:
            return True
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                return True
            if child.ent_type_ == "DATE" and child.dep_ in ("compound", "nmod", "npadvmod", "amod"):
                return True
        return False

    def _light_verb_object(self, verb: Token) -> tuple[Token | None, PredicateEntry | None]:
        """The event noun a light verb carries: its object ("held talks"), the object's modifier
        ("launched a mediation effort") or its "of" complement ("gave 5 million dollars of aid")."""
        obj = _direct_object(verb)
        if obj is None:  # passive: "talks were held", "the war game was staged by U.S. marines"
            for child in verb.children:
                if child.dep_ == "nsubjpass" and child.pos_ == "NOUN" and (entry := self._noun_entry(child)) is not None:
                    return child, entry
        if obj is None or (obj.lemma_.lower() == "part" and self._noun_entry(obj) is None):
            # "engaged in ethnic cleansing", "took part in the talks": the event noun follows "in"
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "in":
                    for noun in child.children:
                        if noun.dep_ == "pobj" and (entry := self._noun_entry(noun)) is not None:
                            return noun, entry
            if obj is None:
                return None, None
        entry = self._noun_entry(obj)
        if entry is not None:
            return obj, entry
        for child in obj.children:
            if child.dep_ == "compound" and child.pos_ == "NOUN":
                entry = self.lexicon.noun_entry(child.lemma_.lower())
                if entry is not None:
                    return child, entry
            if child.dep_ == "prep" and child.lower_ in ("of", "in"):  # "took part in the talks"
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj" and (entry := self._noun_entry(grandchild)) is not None:
                        return grandchild, entry
        for conjunct in obj.conjuncts:  # "launched air and artillery strikes": the parse splits the object
            if conjunct.i > obj.i and (entry := self._noun_entry(conjunct)) is not None:
                return conjunct, entry
        return obj, None

    def _particle_event_noun(self, particle: Token) -> tuple[Token | None, PredicateEntry | None]:
        """The event noun of a light frame's particle: the object of the preposition ("was behind the
        bombing") or of the adjective's preposition ("is responsible for mass killings")."""
        prepositions = [particle] if particle.dep_ == "prep" else [c for c in particle.children if c.dep_ == "prep"]
        for preposition in prepositions:
            for noun in preposition.children:
                if noun.dep_ == "pobj" and (entry := self._noun_entry(noun)) is not None:
                    return noun, entry
        return None, None

    def _noun_entry(self, noun: Token) -> PredicateEntry | None:
        """Look up 'hunger strike', 'phone call' before the bare head noun; 'joint military exercise'
        as 'joint exercise' (joint ones are cooperation, not a show of force)."""
        if any(child.dep_ == "amod" and child.lower_ in JOINT_MODIFIERS for child in noun.children):
            compounds = [c.lemma_.lower() for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
            for phrase in (f"joint {' '.join(compounds[-1:])} {noun.lemma_.lower()}", f"joint {noun.lemma_.lower()}"):
                entry = self.lexicon.noun_entry(" ".join(phrase.split()))
                if entry is not None:
                    return entry
        for child in noun.children:
            if child.dep_ in ("compound", "amod") and child.i == noun.i - 1:
                entry = self.lexicon.noun_entry(f"{child.lemma_.lower()} {noun.lemma_.lower()}")
                if entry is not None:
                    return entry
        if (joined := _hyphen_joined_lemma(noun)) is not None and (entry := self.lexicon.noun_entry(joined)) is not None:
            return entry
        return self.lexicon.noun_entry(noun.lemma_.lower())

    def _noun_candidate(self, noun: Token) -> _Candidate | None:
        entry = self._noun_entry(noun)
        if entry is None or not entry.cameo or entry.kind != "event":
            return None
        # A bare nominal only counts when the sentence ties it to a participant:
        # "talks between X and Y", "Russia's proposals", "US sanctions", "sanctions on X", "attack by X".
        sources, targets = _noun_participants(noun)
        if not (sources or targets) or not self._reports_occurrence(noun):
            return None
        return _Candidate(noun, [], entry, entry.cameo, "noun", CONFIDENCE_NOUN)

    @staticmethod
    def _match_entry(verb: Token, entry: PredicateEntry) -> list[Token] | None:
        """Tokens that complete the entry (particle / required object), or None if it does not apply."""
        extra: list[Token] = []
        if entry.particle:
            words = entry.particle.split()
            # The particle follows the verb closely ("called on", "pulled its troops out"); a preposition
            # further away ("would give, in the event of ...") belongs to an adjunct, not the verb.
            matched = [
                c for c in verb.children
                if c.lower_ == words[0] and c.i > verb.i
                and (c.dep_ == "prt" or (c.dep_ in ("prep", "dobj", "advmod", "acomp", "dative") and c.i - verb.i <= 3))
            ]
            # ... or follows the direct object: "pushed the Governor of Arizona for reforms"
            obj = _direct_object(verb)
            if obj is not None and obj.i > verb.i:
                matched += [c for c in verb.children if c.lower_ == words[0] and c.dep_ == "prep"
                            and c.i == obj.right_edge.i + 1
                            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.children)]  # "called X on Monday"
                # "held families as human shields": an 'as' complement the parse hangs on the object
                if words[0] == "as":
                    matched += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == obj.i + 1]
            # ... or the parser reads the particle as a modifier of the object: "let free two sailors"
            following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            if following is not None and following.lower_ == words[0] and following.dep_ == "amod" \
                    and following.head.head == verb:
                matched.append(following)
            # The parse may hang the particle on the clause that follows: "called for X to act" (its mark).
            matched += [
                c for child in verb.children if child.dep_ in ("advcl", "ccomp")
                for c in child.children if c.dep_ == "mark" and c.lower_ == words[0] and 0 < c.i - verb.i <= 3
            ]
            if matched:
                extra.append(matched[0])
            elif not (entry.particle == "to" and _has_infinitive_complement(verb)):
                return None
        if entry.objects:
            acted_on = _object_lemmas(verb)
            if extra:  # the object of the particle: "called for sanctions"
                acted_on += [(t, t.lemma_.lower()) for t in extra[0].children if t.dep_ == "pobj"]
            matched_object = next((t for t, lemma in acted_on if lemma in entry.objects), None)
            if matched_object is None:
                return None
            extra.append(matched_object)
        return extra

    # ------------------------------------------------------------------ participants
    def _participants(self, candidate: _Candidate) -> tuple[list[Token], list[Token]]:
        predicate = candidate.predicate
        if candidate.kind == "noun":
            return _noun_participants(predicate)
        sources = _subject_heads(predicate)
        targets: list[Token] = []
        passive_subjects = [c for c in predicate.children if c.dep_ in PASSIVE_SUBJECT_DEPS] or _shared_passive_subjects(predicate)
        if passive_subjects and _is_stative(predicate) and _reporting_verb(predicate) is None:
            # "Serb forces were engaged in ethnic cleansing": not done to them. (Reported, "the minister
            # said Vietnam is committed to ...", the speaker stays the source, as annotators code it.)
            sources = passive_subjects
            passive_subjects = []
        if passive_subjects:
            targets = passive_subjects
            agents = [gc for c in predicate.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            sources = agents
            if not agents and candidate.kind == "event" and candidate.cameo.startswith(STATE_COERCION_CAMEO_PREFIXES):
                sources = _site_of_act(predicate)  # "X was arrested in Rwanda": Rwanda's authorities
            if candidate.kind == "light" and passive_subjects[0] in candidate.extra:
                # "sanctions were imposed on Russia by the EU": the subject is the event noun, not its target
                noun_sources, noun_targets = _noun_participants(passive_subjects[0])
                sources = agents or noun_sources
                targets = noun_targets or _recipient_heads(predicate, candidate)
            if not agents and candidate.cameo.startswith(DISPATCH_CAMEO_PREFIXES) and all(
                s.lemma_.lower() in MOVED_FORCES for s in _expand_conjuncts(passive_subjects)
            ):
                # "peacekeepers are being deployed to relieve X": forces sent by nobody named act
                # themselves; where they go or whom they help is the target (see _dispatch_targets)
                sources, targets = passive_subjects, []
        elif candidate.kind != "speech":
            obj = _direct_object(predicate)
            thing = obj is not None and not self._names_actor(obj)
            if obj is not None and obj not in candidate.extra and self._noun_entry(obj) is None:
                # "donated medical supplies to various African countries": a thing given goes to its
                # recipient; an actor acted on is the target itself
                recipients = _recipient_heads(predicate, candidate) if thing else []
                # the indirect object ("gave the Ivory Coast 5 million dollars") or "to/for X"
                # ... or the object of the predicate's own particle ("calling on X to fast-track the review")
                recipients = [r for r in recipients if "dative" in (r.dep_, r.head.dep_)
                              or r.head.lower_ in ("to", "for", "into") or r.head in candidate.extra]
                weapon = obj.lemma_.lower() in WEAPONS or any(t.lemma_.lower() in WEAPONS for t in candidate.extra)
                # ("fired four shell bombs at targets in X": the parse may hang "at" on the verb)
                aimed = (_aimed_at(obj) or (_aimed_at(predicate) if weapon else [])) if thing or weapon else []
                targets = ([r for r in recipients if self._names_actor(r)] or _carrier_targets(obj, candidate)
                           or aimed or [obj])
                if targets == [obj] and thing and (self._is_own_thing(obj) or _is_generic(obj)):
                    # "detonated his explosives-laden vehicle near an army base": the source's own means
                    # or belongings are not acted on; where the act is aimed is. Nor is a thing that
                    # names nobody ("struck a target in X", "banned assembly of five or more persons").
                    targets = _thing_recipients(obj) or _located_targets(predicate)
                if targets == [obj] and thing and candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                    # "rejected an extradition request for X": the person the request is about
                    targets = self._persons_sought(obj) or targets
            else:
                # "ruled out any concessions to Russia": the object is an event, the recipient follows.
                # ("welcomed the visit by X to her country": the source's own country is not it)
                targets = [t for t in _recipient_heads(predicate, candidate) if not self._is_own_home(t)]
                if obj is not None and not any(self._names_actor(t) for t in targets):
                    # "expressed condolences to Bangladesh over a fire": the event noun's own
                    # recipient beats a circumstance of the verb, and so does whom the event noun is
                    # about when the circumstance names nobody ("demanded the removal of President X
                    # at the fourth round of talks")
                    loose = bool(targets) and all(t.head.lower_ in LOOSE_PREPOSITIONS for t in targets)
                    members = [m for m in _of_complements(obj) if self._names_actor(m)] if loose else []
                    own = [t for t in _noun_participants(obj)[1] if not self._is_own_home(t)]  # "to her country"
                    if candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                        # "rejected an extradition request for X": the person the request is about
                        answered = self._answered_authors(obj, sources) if own else []
                        own = answered or self._persons_sought(obj) or own
                    targets = own or members or targets
                if not targets and obj is not None and obj not in candidate.extra:
                    # "rejected Netanyahu's suggestion", "welcomed the OPCW visit", "rejected calls by
                    # Kofi Annan": what is rejected or welcomed is the other side's act, which names them.
                    targets = [obj]
            if candidate.kind == "light" and not targets:
                noun = candidate.extra[-1]
                targets = _noun_participants(noun)[1]
                if targets and candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                    targets = self._answered_authors(noun, sources) or targets
                if not targets:
                    # "rejected accusations by the US", "accepted the demands of protesters": a response
                    # to someone's act is directed at its author.
                    # (not its possessor: "pledged the Kingdom's support" is the source's own)
                    # ("denied charges by X": the parse may hang the "by" phrase on the active verb)
                    authors = self._act_authors(noun, candidate, possessors=False) or self._misattached_authors(predicate)
                    targets = [a for a in authors if a not in sources]
            if not targets and obj is not None and obj in candidate.extra and candidate.entry.objects:
                # "expelled UNSCOM inspectors", "accepted Syrian refugees": the object the entry asks for
                # is what the act is done to; when it is a thing ("rejected accusations by the US"),
                # its recipient or author is.
                # ("lifted sanctions imposed on China", "extended the curfew in Jamaica").
                targets = [obj]
                if thing:
                    authors = [a for a in self._act_authors(obj, candidate) or self._misattached_authors(predicate)
                               if a not in sources]
                    # "demanded the withdrawal of Serbian forces": those who are to act (in the
                    # withdrawal itself, "completed its withdrawal of troops", they are the source's own)
                    own_act = (entry := self._noun_entry(obj)) is not None and entry.cameo == candidate.cameo
                    members = [] if own_act else [m for m in _of_complements(obj) if self._names_actor(m)]
                    targets = _noun_participants(obj)[1] or authors or members or _thing_recipients(obj)
            if not targets:
                if candidate.cameo.startswith("13"):
                    targets = self._threatened_objects(predicate)  # "threatened to attack X"
                targets = targets or _complement_recipients(predicate, obj)
            if not targets:
                # "demanded that President X abandon ...", "its demand that Israel ease ...", "allowed
                # the opposition leader to hold a rally": whom the act is aimed at does what it asks
                # ("an inquiry into reports that the army had ...")
                topics = [gc for word in (predicate, *candidate.extra) for c in word.children
                          if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
                          for gc in c.children if gc.dep_ == "pobj" and gc.pos_ == "NOUN"]
                targets = [s for s in _clause_subjects([predicate, *candidate.extra, *topics]) if s not in sources]
            if not targets and candidate.cameo.startswith(REQUEST_CAMEO_PREFIXES):
                targets = _for_clause_subjects(predicate)  # "called for Britain to stay": who is asked to act
            if not targets and candidate.cameo.startswith(INVESTIGATE_CAMEO_PREFIX):
                # "opened fraud investigations of four corporations": the inquiry's "of" names who is
                # investigated
                targets = next((found for noun in (*candidate.extra, obj) if noun is not None and noun.pos_ == "NOUN"
                                if (found := _of_complements(noun))), [])
            if targets and candidate.cameo.startswith(INVESTIGATE_CAMEO_PREFIX):
                # "its investigation into an allegation by X that the NPFL had taken over the city":
                # who is investigated is the one the allegation is about
                targets = [s for s in _clause_subjects(targets) if s not in sources] or targets
            if not targets and candidate.cameo.startswith("01"):
                targets = self._statement_targets(candidate)  # "expressed hopes the government will ..."
            if not targets and candidate.cameo.startswith(APPEAL_FOR_AID_CAMEO):
                targets = self._refuge_places(candidate, obj)  # "sought refuge in X": X gives it
            if not targets and candidate.cameo.startswith(YIELD_CAMEO_PREFIX):
                targets = self._yielded_to(predicate)  # "resigned as president of X", "... after a deal with X"
            if not targets:
                # "ended mediation efforts in the Arab-Israeli dispute"
                targets = [gc for word in (predicate, *candidate.extra, *([obj] if obj is not None else []))
                           for c in word.children if c.dep_ == "prep" for gc in c.children if _is_mediated_conflict(gc)][:1]
            if not targets and (thing or cameo_info(candidate.cameo).quad in ("material_conflict", "material_cooperation")):
                # Force, withdrawal or aid "in Syria" / "from Iraq": the place stands for its recipient.
                targets = _place_recipients(predicate)
        else:
            targets = self._statement_targets(candidate)
        return sources, targets

    def _act_authors(self, noun: Token, candidate: _Candidate, *, possessors: bool = True) -> list[Token]:
        """Who made the act a predicate responds to (``_noun_authors``). When another act is about a
        withdrawal, retreat or expulsion, its "from X" is only the place left ("demanded the
        withdrawal of Serbian forces from Bosnia"); the withdrawal itself is directed at that place
        ("completed its withdrawal of troops from Iraq")."""
        authors = _noun_authors(noun, possessors=possessors)
        entry = self._noun_entry(noun)
        if (entry is not None and entry.cameo and entry.cameo.startswith(DEPARTURE_CAMEO_PREFIXES)
                and not candidate.cameo.startswith(DEPARTURE_CAMEO_PREFIXES)):
            authors = [a for a in authors if a.head.lower_ != "from"]
        return authors

    def _protest_aims(self, candidate: _Candidate) -> list[Token]:
        """What a protest opposes: its "against X" ("a demonstration against the siege"), or the object of
        a purpose clause that protests or demands ("went on strike to protest the decision")."""
        words = [candidate.predicate, *(t for t in candidate.extra if t.pos_ == "NOUN")]
        opposed = [gc for word in words for c in word.children if c.dep_ == "prep" and c.lower_ == "against"
                   for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]
        if opposed:
            return opposed
        for clause in candidate.predicate.children:
            if not _is_purpose_clause(clause) or (obj := _direct_object(clause)) is None or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(entry.cameo and entry.cameo.startswith(PROTESTED_CAMEO_PREFIXES)
                   for entry in self.lexicon.entries_for(clause.lemma_.lower(), "verb")):
                # "to protest the policy imposed by X": a measure protested stands for its author
                authors = [a for a in _noun_authors(obj, possessors=False) if self._names_actor(a)]
                # ("to press their demands from the government": whom the clause names, see _build_event)
                return authors or ([] if self._actors_inside(obj) else [obj])
        return []

    def _answered_authors(self, noun: Token, sources: list[Token]) -> list[Token]:
        """'rejected accusations by X against the government': a denial or comment answers the
        author of the accusation or demand, not whom it is about."""
        return [a for a in _noun_authors(noun, possessors=False) if a not in sources and self._names_actor(a)]

    def _violated_named(self, candidate: _Candidate) -> bool:
        """'violated a UN-brokered ceasefire': a ceasefire violated that names who made it stands for
        itself (a bare "violated the ceasefire" is no one's)."""
        obj = _direct_object(candidate.predicate)
        return candidate.cameo.startswith(VIOLATE_CEASEFIRE_CAMEO) and obj is not None and any(
            t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") for t in obj.subtree if t.i < obj.i)

    def _persons_sought(self, act: Token) -> list[Token]:
        """'an extradition request for X', 'a warrant for X': the person an act asks for."""
        # (not "a demand for the sacking of X": the act asks for an act, and stands for itself)
        wanted = [gc for c in act.children if c.dep_ == "prep" and c.lower_ == "for" for gc in c.children if gc.dep_ == "pobj"]
        return [p for p in wanted if _names_a_person(p, self.actors.roles) and self._names_actor(p)][:1]

    def _refuge_places(self, candidate: _Candidate, obj: Token | None) -> list[Token]:
        """'sought refuge in India's state of Mizoram', 'asked for asylum in Germany': where refuge or
        asylum is sought is who is to give it."""
        sought = [t for t in (obj, *candidate.extra) if t is not None and t.lemma_.lower() in REFUGE_OBJECTS]
        if not sought:
            return []
        return [gc for word in (candidate.predicate, *sought) for c in word.children
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS for gc in c.children
                if gc.dep_ == "pobj" and (_is_place(gc) or self._names_actor(gc))][:1]

    def _yielded_to(self, predicate: Token) -> list[Token]:
        """'resigned as president of Indonesia': the office left names whom; 'called off the strike after
        an agreement with the government': the party of the deal that ends the act."""
        for prep in (c for c in predicate.children if c.dep_ == "prep"):
            objects = [gc for gc in prep.children if gc.dep_ == "pobj"]
            if prep.lower_ == "as":
                offices = [m for o in objects if o.pos_ == "NOUN" for m in _of_complements(o) if _is_named(m)]
                if offices:
                    return offices
            elif prep.lower_ in ("after", "following"):
                # ("after reaching agreement with X": the gerund's object)
                acts = objects + [o for gc in prep.children if gc.dep_ == "pcomp" and (o := _direct_object(gc)) is not None]
                parties = [gc for act in acts if act.pos_ == "NOUN" and self._noun_entry(act) is not None
                           for c in act.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS
                           for gc in c.children if gc.dep_ == "pobj" and self._names_actor(gc)]
                if parties:
                    return parties
        return []

    def _misattached_authors(self, predicate: Token) -> list[Token]:
        """'denied charges by Central American clergymen': the parse may hang the author's "by" phrase
        on the active verb instead of the noun (never a time: "by the end of the year")."""
        return [author for author in _noun_authors(predicate, possessors=False)
                if author.ent_type_ not in NON_ACTOR_ENTITY_TYPES and self._names_actor(author)]

    def _threatened_objects(self, predicate: Token) -> list[Token]:
        """'threatened to attack any U.S. troops', 'vowed to shell the tree': what the threatened or
        promised use of force would hit."""
        for clause in (c for c in predicate.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            obj = _direct_object(clause)
            entries = self.lexicon.entries_for(clause.lemma_.lower(), "verb")
            if obj is not None and any(
                entry.cameo and entry.kind == "event" and cameo_info(entry.cameo).quad == "material_conflict"
                for entry in entries
            ):
                return [obj]
        return _refused_act_authors(predicate)

    def _purpose_targets(self, main_verb: Token) -> list[Token]:
        """'called Erdogan to apologize', 'sent experts to Qatar to investigate': a purpose clause
        without an object of its own is directed at whom or where the main clause acts."""
        objects = [c for c in main_verb.children if c.dep_ == "dobj" and self._names_actor(c)]
        named = [o for o in objects if o.pos_ == "PROPN" or o.ent_type_ in ENTITY_TYPES]
        # the parse may hang the destination on what is sent ("sent a team of experts to Alabama")
        sent = [o for c in main_verb.children if c.dep_ == "dobj" for o in (c, *_of_complements(c))]
        places = [gc for word in (main_verb, *sent) for c in word.children if c.dep_ == "prep" and c.lower_ in ("to", "into")
                  for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ in ("GPE", "LOC")]
        # a named person called beats the place; officials sent somewhere matter less than where
        return named or places or objects

    def _purpose_objects(self, predicate: Token) -> list[Token]:
        """'refused to lift sanctions to get Iran to the table', 'considering sending aid to help North
        Korea cope': whom the purpose clause of the act (or of the act it governs) is aimed at, when it
        names them as its object or as the subject of its own complement."""
        frontier = [predicate]
        for _ in range(3):
            # (not "for aid trucks to enter X": a clause with a subject of its own is someone else's act)
            # ... or of what it launches or sends ("launched an appeal to help people in need")
            objects = [o for t in frontier if (o := _direct_object(t)) is not None and o.pos_ == "NOUN"]
            clauses = [c for t in frontier for c in t.children if c.dep_ == "advcl" and _is_purpose_clause(c)
                       and not _is_for_clause(c)]
            # (help only: "its decision to expel 23 diplomats" says what was decided, not whom it is for)
            helping = [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            for clause in clauses:
                aimed = [o for o in (_direct_object(clause), *(s for c in clause.children if c.dep_ in ("ccomp", "xcomp")
                                                               for s in _subject_heads_here(c)))
                         if o is not None and o.pos_ in ("NOUN", "PROPN") and self._names_actor(o)]
                if aimed := aimed or _helped_people(clause):
                    return aimed[:1]
            for clause in helping:
                aimed = [o for o in (_direct_object(clause),) if clause.lemma_.lower() in ASSISTANCE_VERBS
                         and o is not None and o.pos_ in ("NOUN", "PROPN") and self._names_actor(o)]
                if aimed := aimed or _helped_people(clause):
                    return aimed[:1]
            frontier = [c for t in frontier for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        return []

    def _rejected_or_commented(self, candidate: _Candidate) -> list[Token]:
        """When the heads found first name nobody ("rejected Theresa May's offer on citizens' rights",
        "violated a ban by the UN on missile tests", "expressed pessimism about his mission for the first
        time"): what is rejected or defied stands for itself, or for its author when it names one, and a
        comment is about its topic."""
        obj = _direct_object(candidate.predicate)
        authors = [] if obj is None or obj.pos_ != "NOUN" else [
            a for a in _noun_authors(obj, possessors=False)
            if a.ent_type_ not in NON_ACTOR_ENTITY_TYPES and self._names_actor(a)]
        if candidate.cameo.startswith("01"):  # ("denied accusations by X")
            return authors or _statement_topics(candidate.predicate, candidate.extra)
        # (not "rejecting the other's proposals", "its plans": a pronoun's act names nobody here)
        owned_by_pronoun = obj is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" or c.lower_ == "other"
                                                   for c in obj.children)
        return authors or ([obj] if obj is not None and obj.pos_ == "NOUN" and not owned_by_pronoun else [])

    def _statement_targets(self, candidate: _Candidate) -> list[Token]:
        """Whom a statement is addressed to or about: the addressee ("told reporters", "expressed
        condolences to Bangladesh"), the recipient of a policy option under consideration ("considering
        sending aid to Kyrgyzstan"), or the actor a hope or doubt is about ("expressed hopes the
        government will change its policy", "said it is skeptical the program would meet ...")."""
        predicate = candidate.predicate
        addressees = [c for c in predicate.children if c.dep_ in ("dobj", "dative") and c not in candidate.extra]
        # "called X ... to assure him that": the person the pronoun refers back to
        speakers = _subject_heads(predicate)
        addressees = [_pronoun_antecedent(a, speakers) or a for a in addressees]
        addressees = [a for a in addressees if self._names_actor(a)]
        if addressees:
            return addressees
        for token in (predicate, *candidate.extra):
            recipients = [gc for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
                          for gc in c.children if gc.dep_ == "pobj"]
            if recipients:
                return recipients
        if candidate.cameo.startswith("13") and (authors := _refused_act_authors(predicate)):
            return authors
        return _statement_topics(predicate, candidate.extra) or _content_subjects(predicate, candidate.extra)

    def _is_own_thing(self, token: Token) -> bool:
        """'his explosives-laden vehicle', 'her country': a thing or place that a possessive pronoun gives
        to someone already named (mostly the source), not a person ("his counterpart") or a named one."""
        return (any(child.dep_ == "poss" and child.tag_ == "PRP$" for child in token.children)
                and token.pos_ == "NOUN" and token.ent_type_ not in ENTITY_TYPES
                and not _names_a_person(token, self.actors.roles)
                and not any(child.ent_type_ in ENTITY_TYPES for child in token.children))

    def _is_own_home(self, token: Token) -> bool:
        """'her country', 'their homeland': a place given by a possessive pronoun (mostly the source's)."""
        return self._is_own_thing(token) and (_is_place(token) or token.lemma_.lower() in HOME_NOUNS)

    def _speaks_for_subject(self, predicate: Token, reporter: Token, subjects: list[Token]) -> bool:
        """'X announced that the government will extend the curfew', 'X said his country will not lift
        the ban': a reported future act whose subject, named after the speaker, is a definite mention
        that names nobody (no country or organisation) is the speaker's own side."""
        if not any(is_future(token, self.modality) for token in _clause_chain(predicate)):
            return False
        for subject in subjects:
            if subject.i < reporter.i or subject.pos_ not in ("NOUN", "PROPN") or _is_named(subject) and subject.pos_ == "NOUN":
                return False
            if not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETERMINERS for c in subject.children):
                return False
            actor = self.actors.resolve(self.actors.phrase_for(subject))
            if subject.pos_ == "PROPN" and actor is None or actor is not None and (actor.country or actor.org):
                return False
        return True

    def _hopers(self, candidate: _Candidate, context: object, published: date | None) -> list[Actor]:
        """Who hopes or expects the act: the subject of "hope" whose that-clause holds the predicate
        ("he hopes Japan will persuade ..."), or of the verb a noun "hope" is the object of ("voiced
        hope that ..."); a pronoun is the speaker of the verb reporting the hope."""
        top = _clause_chain(candidate.predicate)[-1]
        hope = top.head
        if top.dep_ not in ("ccomp", "acl") or _verb_lemma(hope) not in HOPE_LEMMAS or top.i < hope.i:
            return []
        holder = hope if hope.pos_ == "VERB" else hope.head if hope.dep_ in ("dobj", "obj") else None
        if holder is None:
            return []
        hopers = _subject_heads(holder)
        if hopers and all(h.lower_ in ANAPHORIC_PRONOUNS for h in hopers) and (reporter := _reporting_verb(holder)) is not None:
            hopers = [h for h in _subject_heads(reporter) if h.pos_ != "PRON"]
        return self._make_actors([h for h in hopers if h.pos_ != "PRON"], context, published)

    def _names_actor(self, token: Token) -> bool:
        """Does the noun phrase name an actor (a person, group, organisation or place), not a thing?"""
        if token.pos_ == "PROPN" or token.ent_type_ in ENTITY_TYPES:
            return True
        phrase = self.actors.phrase_for(token)
        # "various African countries": a people or place word inside the phrase names who is meant
        return self.actors.resolve(phrase) is not None or any(t.ent_type_ in ("GPE", "NORP") for t in phrase)

    def _names_own_country(self, head: Token, phrase: Span) -> bool:
        """Does a modifier of the head say whose it is, so that where it is adds nothing to the mention
        ("Ukrainian forces in the Crimea", "Germany's charge d'affaires in Warsaw")? Only asked when
        the head has a site complement; the phrase is read alone, not with the article's actors."""
        if not any(c.dep_ == "prep" and c.lower_ in SITE_PREPOSITIONS for c in head.children):
            return False
        if not any(t.i < head.i and t.dep_ in OWNER_MODIFIER_DEPS and (t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "NORP", "ORG"))
                   for t in phrase):
            return False
        actor = self.actors.resolve(phrase)
        return actor is not None and actor.country is not None

    def _charge_hangs_on(self, head: Token) -> bool:
        """Is an "of" phrase on the head the charge of an accusation aimed at it ("accused the military
        of mass slaughter", "accusations by US of genocide"), not a modifier naming an owner ("accused
        the government of Sierra Leone")?"""
        charges = [c for c in head.children if c.dep_ == "prep" and c.lower_ in CHARGE_PREPOSITIONS]
        if not charges or any(
            gc.pos_ == "PROPN" or gc.ent_type_ in ENTITY_TYPES for c in charges for gc in c.children if gc.dep_ == "pobj"
        ):
            return False
        if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
            entries = self.lexicon.entries_for(head.head.lemma_, "verb")
        elif head.dep_ == "pobj" and head.head.lower_ == "by" and head.head.head.pos_ == "NOUN":
            entry = self._noun_entry(head.head.head)
            entries = [entry] if entry is not None else []
        else:
            return False
        return any((entry.cameo or "").startswith(ACCUSE_CAMEO) for entry in entries)

    def _make_actors(
        self, heads: list[Token], context: object, published: date | None, *, keep_unknown_nouns: bool = False
    ) -> list[Actor]:
        actors: list[Actor] = []
        actor_heads: list[Token] = []  # the head each actor was read from (_join_split_subjects)
        seen: set[tuple[int, int]] = set()
        # "thousands of Tamil refugees", "dozens of protesters": the people counted are the participant
        counted: dict[int, Token] = {}  # member index -> the quantity word counting it
        members_of: list[list[Token]] = []
        for given in heads:
            # (a pronoun or numeral that counts, "each of the providers", is never kept itself: its
            # members stand even when the dictionaries do not know them)
            members = [m for m in _counted_members(given) if self._names_actor(m)
                       or (keep_unknown_nouns and given.pos_ != "NOUN" and m.pos_ == "NOUN")]
            counted.update((member.i, given) for member in members)
            members_of.append(members or [given])
        heads = [member for members in members_of for member in members]
        # coordinations the parse misread: each named conjunct is a participant of its own, and the
        # phrase it was read into keeps to its own words
        windows: dict[int, tuple[int, int]] = {}
        listed: list[Token] = []
        for read in _expand_conjuncts([member for given in heads for member in _collective_members(given)]):
            hidden, window = _hidden_conjuncts(read)
            if window is not None:
                windows[read.i] = window
            listed.extend(token for token in (read, *hidden) if token not in listed)
        for head in listed:
            if head.lower_ in PRONOUNS_WITHOUT_REFERENT or head.pos_ in ("VERB", "AUX", "NUM") or (
                head.pos_ == "ADV" and head.ent_type_ not in ENTITY_TYPES  # (a name mistagged: "USAID")
            ):
                continue
            if head.ent_type_ in NON_ACTOR_ENTITY_TYPES and not _counts_members(head):
                continue
            span = self._split_name_phrase(head, self.actors.phrase_for(head))
            if head.i in windows:
                span = _clip_to_window(span, head, windows[head.i])
            # The actor is resolved from the resolver's phrase; it is reported as the whole mention.
            # "Bolivia's request for talks": what an act asks for is not part of its mention
            entry = self._noun_entry(head) if head.pos_ == "NOUN" else None
            stops = frozenset() if entry is None else ACT_CONTENT_PREPOSITIONS
            if entry is None or (entry.cameo or "")[:2] not in FORCE_CAMEO_ROOTS:
                stops = stops | MENTION_TOPIC_PREPOSITIONS
            if self._charge_hangs_on(head):
                stops = stops | CHARGE_PREPOSITIONS
            if self._names_own_country(head, span):
                stops = stops | SITE_PREPOSITIONS
            mention = _mention_span(head, span, self.actors.roles, stops)
            if head.i in windows:
                mention = _clip_to_window(mention, head, windows[head.i])
            if head.i in counted:
                quantity = counted[head.i]
                mention = head.doc[min(quantity.left_edge.i, mention.start) : mention.end]
            key = (mention.start_char, mention.end_char)
            if key in seen:
                continue
            seen.add(key)
            actor = self.actors.resolve(span, context, published)
            if actor is None and mention != span:
                # "an arms depot of the Syrian army": the mention names its owner
                actor = self.actors.resolve(mention, context, published)
            owner: Actor | None = None
            owner_looked_up = False
            if actor is None:
                # Keep an unknown participant only when it looks like an entity ("a car bomb" is not
                # kept, "the Zetas" is) or belongs to a known one ("a delegation of the party"):
                # common nouns the dictionaries do not know are rarely actors.
                if head.pos_ == "NOUN":
                    owner, owner_looked_up = self._owner_of(head, context, published), True
                if head.pos_ != "PROPN" and head.ent_type_ not in ENTITY_TYPES and owner is None and not (
                    keep_unknown_nouns and head.pos_ == "NOUN"
                ):
                    continue
                actor = Actor(text=mention.text, start=mention.start_char, end=mention.end_char)  # trimmed below
            end = _mention_end_char(mention)
            actor.text, actor.start, actor.end = mention.text[: end - mention.start_char], mention.start_char, end
            if actor.country is None and actor.org is None and actor.sector is None:
                if not owner_looked_up:
                    owner = self._owner_of(head, context, published)
                if owner is not None:  # "a mission of observers from the OSCE", "positions of the army"
                    actor.country, actor.sector, actor.org = owner.country, owner.sector, owner.org
                    actor.name = actor.name or owner.name
            if actor.country is None and actor.org is None:
                actor.country = self._country_of_location(head, context, published)
            if actor.sector == "government" and head.pos_ == "NOUN" and (entry := self._noun_entry(head)) is not None \
                    and entry.cameo[:2] in FORCE_CAMEO_ROOTS:
                actor.sector = "military"  # "US Predator attacks", "Israeli air strikes": the state's forces
            if actor.country is None and actor.org is None and actor.sector is not None:
                # "Bosnian Serbs said their forces had withdrawn": the forces are the speaker's (a
                # group or office, not a thing's owner: "returned the portrait to its owner")
                owner = self._possessive_antecedent(head, context, published)
                if owner is not None:
                    actor.country, actor.org = owner.country, owner.org
            actors.append(actor)
            actor_heads.append(head)
        actors, _ = _join_split_subjects(actors, actor_heads)
        # A mention that is only punctuation is a piece of a name the parse split (and so is one inside
        # another, see _distinct_mentions), not a participant of its own.
        return _distinct_mentions([actor for actor in actors if any(ch.isalnum() for ch in actor.text)])

    def _make_targets(
        self, heads: list[Token], context: object, published: date | None, *,
        keep_unknown_nouns: bool = False, keep_topics: bool = False, literal: bool = False,
    ) -> list[Actor]:
        """Target actors of the heads. A head that names no actor is replaced by the one named inside
        it: "claimed responsibility for the attacks in Sri Lanka", "a mediation effort between India
        and Pakistan", "spurned offers for peace talks by the Kabul government"; unless ``literal``
        (comments, rejections, force: "rejected an offer from X"), an abstract thing is replaced even
        when it could stand as a target itself ("eased the movement of aid workers in conflict zones").
        Recipients of what is given ("giving money to local communities"), counted groups ("hundreds of
        banks") and, with ``keep_topics``, what a comment is about ("pessimism over Alitalia's future")
        are kept even when the dictionaries do not know them."""
        actors: list[Actor] = []
        for head in _expand_conjuncts(heads):
            counted = _counts_members(head)
            keep = keep_unknown_nouns or counted or _is_recipient(head) or _is_addressed_group(head) or (
                keep_topics and _is_topic(head))
            found: list[Actor] = []
            if not literal and head.pos_ == "NOUN" and not counted and not self._names_actor(head):
                inside = self._actors_inside(head, ABSTRACT_THING_PREPOSITIONS)
                found = self._make_actors(inside, context, published)
            found = found or self._make_actors([head], context, published, keep_unknown_nouns=keep)
            if not found and head.pos_ in ("NOUN", "PROPN") and (inside := self._actors_inside(head)):
                if _counts_members(head) or head.lemma_.lower() in self.actors.roles or (
                    head.tag_ == "NNS" and self._noun_entry(head) is None
                ):
                    # people named by what they are ("dozens of demonstrators in Yerevan")
                    found = self._make_actors([head], context, published, keep_unknown_nouns=True)
                else:
                    found = self._make_actors(inside, context, published)
            if not found and head.pos_ == "NOUN":
                found = self._make_actors(self._victims_of_force(head), context, published, keep_unknown_nouns=True) \
                    or self._make_actors(_clause_parties(head), context, published, keep_unknown_nouns=True)
            if not found and (named := [t for t in _named_beside(head) if self._names_actor(t)]):
                found = self._make_actors(named, context, published)
            if not found and _is_mediated_conflict(head):
                found = self._make_actors([head], context, published, keep_unknown_nouns=True)
            actors.extend(found)
        return _distinct_mentions(actors)

    def _victims_of_force(self, act: Token) -> list[Token]:
        """'claimed responsibility for the attack on the army's sites', 'for the bombings that killed 300
        people in Sri Lanka', 'for an act of arson at a ski resort': what an attack named as a thing hit,
        or the place where its own clause says it struck."""
        acts = [act, *(gc for gc in _of_complements(act) if gc.pos_ == "NOUN")]
        if not any((entry := self._noun_entry(a)) is not None and entry.cameo[:2] in FORCE_CAMEO_ROOTS for a in acts):
            return []
        holders = [act]
        if act.dep_ == "pobj" and act.head.lower_ == "for" and act.head.head.pos_ == "NOUN":
            holders.append(act.head.head)  # the parse may hang "at X" on "responsibility"
        if hit := _first_prepositional_objects(holders, VICTIM_PREPOSITIONS):
            return hit
        clauses = [c for c in act.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        return next((places for clause in clauses if (places := _places_in_scope(clause, []))), [])

    def _named_target(self, head: Token, candidate: _Candidate, source_heads: list[Token]) -> list[Token]:
        """Whom a target head stands for: the person an object pronoun refers back to ("urged him"); for
        a thing that names nobody ("banned assembly of five persons") or a protest's own phrase ("went
        on strike", "took to the streets"), only whom it names inside ("a strike ... on Freeport").
        (Force "at targets in X" stays: it hits the people there, see _build_event.)"""
        if (_is_generic(head) and not candidate.cameo.startswith(FORCE_CAMEO_ROOTS)) or (
            head.dep_ == "pobj" and head in candidate.extra and candidate.cameo.startswith(PROTEST_CAMEO_PREFIX)
        ):
            return self._actors_inside(head)
        return [_pronoun_antecedent(head, source_heads) or head]

    def _dispatch_targets(
        self, candidate: _Candidate, source_heads: list[Token], target_heads: list[Token], targets: list[Actor],
        context: object, published: date | None,
    ) -> list[Actor]:
        """'sent 200 troops to Syria', 'withdrew two battalions from Bhutan', 'strengthened its forces in
        the Gulf': the forces or goods moved are the source's own; whom they are sent to help ("to train
        200 Nigerian soldiers"), the forces they are handed to, or the place they go to or leave is the
        recipient. With no place in their own clause, forces go where the act they are conjoined with
        applies ("declared a state of siege in X and sent in troops")."""
        predicate = candidate.predicate
        heads = _expand_conjuncts(target_heads)
        if not any(h.ent_type_ in ("GPE", "LOC") for h in heads):
            helped = [t for t in _purpose_beneficiaries(predicate) if t not in source_heads and self._names_actor(t)]
            if helped and (found := self._make_actors(helped, context, published, keep_unknown_nouns=True)):
                return found
        # the forces moved themselves ("its forces"), not forces they are sent to join
        moved = bool(heads) and all(h.lemma_.lower() in MOVED_FORCES and h.dep_ in ("dobj", "obj", "conj") for h in heads)
        if not targets or (not moved and any(a.country or a.org for a in targets)):
            return targets
        # "surrendered their last territory to US-backed forces": the side yielded to
        handed = [r for r in _recipient_heads(predicate, candidate) if r.head.lower_ == "to" and r.ent_type_ not in ("GPE", "LOC")
                  and (r.lemma_.lower() in MOVED_FORCES or r.ent_type_ in ("PERSON", "NORP"))
                  ] if candidate.cameo.startswith(DEPARTURE_CAMEO_PREFIXES) else []
        # "strengthened its forces in Crimea": where the forces moved are
        stationed = [gc for h in heads if moved for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS
                     for gc in c.children if gc.dep_ == "pobj" and (_is_named(gc) or _is_place(gc))]
        places = handed or stationed or _place_recipients(predicate) or _places_in_scope(
            predicate, [*target_heads, *candidate.extra], opponents=True
        ) or _conjoined_act_places(predicate)
        return self._make_actors([p for p in places if p not in source_heads], context, published, keep_unknown_nouns=True) or targets

    def _actors_inside(self, thing: Token, prepositions: frozenset[str] | None = None, depth: int = 2) -> list[Token]:
        """The first actor named by a prepositional complement of a thing ("the attacks in Sri Lanka"),
        looking one complement further when needed ("the sacking of the adviser of X"). Whom the thing
        goes to comes before whom it comes from ("a grant from the bank to Malawi")."""
        inner: list[Token] = []
        for child in sorted(thing.children, key=lambda c: c.lower_ in AUTHOR_PREPOSITIONS):
            if child.dep_ not in ("prep", "agent") or child.lower_ in MENTION_STOP_PREPOSITIONS:
                continue
            if prepositions is not None and child.lower_ not in prepositions:
                continue
            objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
            # ("welcomed the visit by X to her country": the source's own country is not whom it names)
            named = [o for o in objects if self._names_actor(o) and not self._is_own_home(o)]
            if named:
                return named
            inner.extend(objects)
        if depth > 1:
            for obj in inner:
                if found := self._actors_inside(obj, prepositions, depth - 1):
                    return found
        return []

    def _owner_of(self, head: Token, context: object, published: date | None, depth: int = 2) -> Actor | None:
        """The actor an unresolved phrase belongs to, through its "of"/"from"/"by" complements."""
        for child in head.children:
            # "calls by Kofi Annan": an act belongs to its author
            if child.dep_ not in ("prep", "agent") or child.lower_ not in ("of", "from", "by"):
                continue
            for noun in child.children:
                if noun.dep_ != "pobj" or noun.ent_type_ in NON_ACTOR_ENTITY_TYPES:
                    continue
                owner = self.actors.resolve(self.actors.phrase_for(noun), context, published)
                if owner is not None and (owner.country or owner.sector or owner.org):
                    return owner
                if depth > 1 and (deeper := self._owner_of(noun, context, published, depth - 1)) is not None:
                    return deeper
        return None

    def _split_name_phrase(self, head: Token, phrase: Span) -> Span:
        """The phrase of a name the parser split into several subjects ("Sheikh Hamad bin Khalifa
        al-Thani" as four), grown over the whole name and over a title set off before it by a comma
        that the parser left hanging ("Qatar's emir, Sheikh Hamad ...")."""
        doc = head.doc
        name = self._entity_span(head)
        if head.ent_type_ != "PERSON" or len(name) < 2 or (phrase.start <= name.start and name.end <= phrase.end):
            return phrase
        start, end = min(phrase.start, name.start), max(phrase.end, name.end)
        if start >= 2 and doc[start - 1].text == ",":
            title = doc[start - 2]
            while title.head.i < start - 1 and title.head != title:
                title = title.head  # the root of the phrase before the comma
            if title.pos_ == "NOUN" and title.dep_ in ("dep", "npadvmod", "nsubj") and title.head == head.head:
                title_phrase = self.actors.phrase_for(title)
                if title_phrase.end == start - 1 and self.actors.resolve(title_phrase) is not None:
                    start = title_phrase.start
        return doc[start:end]

    def _possessive_antecedent(self, head: Token, context: object, published: date | None) -> Actor | None:
        """Whom "its"/"their" before ``head`` refers to: the nearest subject of an enclosing clause
        ("Russia moved its troops", "Bosnian Serbs said their forces had ..."), when it names an actor
        with a country or organisation."""
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            return None
        token = head
        for _ in range(6):
            if token.head == token:
                return None
            token = token.head
            if token.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS and c != head
                        and c.pos_ in ("NOUN", "PROPN") and not c.is_ancestor(head) and c.i < head.i]
            for subject in subjects:
                owner = self.actors.resolve(self.actors.phrase_for(subject), context, published)
                if owner is not None and (owner.country or owner.org):
                    return owner
            if subjects:
                return None
        return None

    def _country_of_location(self, head: Token, context: object, published: date | None) -> str | None:
        """'rebels in the Ivory Coast', 'opposition parties in Nepal', 'a group based in Trinidad': a
        group takes the country it is in."""
        # the place may hang on a participle of location ("based in", "operating from")
        carriers = [head, *(c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in LOCATING_PARTICIPLES)]
        for child in (c for carrier in carriers for c in carrier.children):
            if child.dep_ != "prep" or child.lower_ not in ("in", "from"):
                continue
            for place in child.children:
                if place.dep_ == "pobj" and (place.ent_type_ in ("GPE", "LOC", "NORP") or place.pos_ == "PROPN"):
                    located = self.actors.resolve(self.actors.phrase_for(place), context, published)
                    if located is not None and located.country:
                        return located.country
        return None

    # ------------------------------------------------------------------ modes, dates, evidence
    def _aux_modes(self, candidate: _Candidate) -> list[str]:
        predicate = candidate.predicate
        modes: list[str] = []
        carriers = [predicate]
        # "will not make concessions": the light verb carries the modal, the noun carries "no".
        carriers.extend(t for t in candidate.extra if t.pos_ in ("NOUN", "PROPN"))
        # Modals of a governing transparent verb ("plans to attack", "will continue to fight").
        governor = predicate.head if predicate.dep_ in ("xcomp", "conj") else None
        if governor is not None and governor.lemma_.lower() in self._transparent_lemmas(governor):
            carriers.append(governor)
        # CAMEO's convention: willingness to do a material act is an intention (03x), while being
        # "willing to forgive" or "ready to talk" already is the verbal act.
        intent = (
            predicate.dep_ == "xcomp" and predicate.head.pos_ == "ADJ"
            and predicate.head.lemma_.lower() in self.modality.intent_adjectives
            and cameo_info(candidate.cameo).quad in ("material_cooperation", "material_conflict")
        )
        if intent:  # "is (not) willing to withdraw": the adjective's copula carries the negation
            carriers.extend([predicate.head, predicate.head.head])
        if any(is_negated(token, self.modality) for token in carriers) or (
            predicate.dep_ == "xcomp" and predicate.head.lemma_.lower() in self.modality.negating_verbs
        ):
            modes.append(NEGATION)
        if intent or any(is_future(token, self.modality) for token in carriers) or (
            governor is not None and self._governor_signals_future(governor)
        ):
            modes.append(FUTURE)
        if any(is_hypothetical(token, self.modality) for token in carriers):
            modes.append(HYPOTHETICAL)
        return modes

    def _embedding_penalty(self, predicate: Token) -> float:
        """Events in the main clause are what a sentence reports; those in relative or adverbial
        clauses are background, and the content of a demand or threat ("demanded that X refuse")
        has not happened."""
        penalty = 0.0
        token = predicate
        for _ in range(4):
            if token.head == token:
                break
            if token.dep_ in ("relcl", "acl", "advcl", "pcomp"):
                penalty += 0.05  # pcomp: a gerund adjunct gives a reason or manner ("arrested for collaborating")
            if token.dep_ == "ccomp":
                governing = self.lexicon.entries_for(token.head.lemma_.lower(), "verb")
                if any(entry.kind == "event" for entry in governing):
                    penalty += 0.15
            if token.dep_ in ("acl", "ccomp", "relcl") and token.head.pos_ == "NOUN" and self._noun_entry(token.head):
                penalty += 0.15  # "its demand that Israel ease restrictions": the content of a demand
            elif token.dep_ == "ccomp" and token.i > token.head.i:
                obj = _direct_object(token.head)
                if obj is not None and obj.i < token.i and self._noun_entry(obj) is not None:
                    penalty += 0.15  # the same, parsed as a clause of the verb: "reiterated its demand that ..."
            token = token.head
        return penalty

    def _arrival_places(self, predicate: Token) -> list[Token]:
        """Where the arrival this act is the purpose of takes place ("arrived in Nepal to help deliver
        aid" -> Nepal); empty when the act is not the purpose of an arrival."""
        clause = predicate
        while clause.dep_ == "xcomp" and clause.head.pos_ == "VERB" and not _is_purpose_clause(clause):
            clause = clause.head  # "to help deliver aid": the purpose is the outermost infinitive
        if not _is_purpose_clause(clause):
            return []
        arrival = clause.head
        if not any(entry.cameo and entry.cameo.startswith(VISIT_CAMEO) and entry.kind == "event"
                   for entry in self.lexicon.entries_for(_verb_lemma(arrival), "verb")):
            return []
        return _place_recipients(arrival)

    def _reported_obligation(self, predicate: Token) -> tuple[Token, bool] | None:
        """The speech verb that reports an obligation this predicate sits in ("X said the EU must be
        ready to mediate", "X said Y must do something before he would support Z"), and whether the
        predicate is the obliged act itself (reached through control only) rather than part of it."""
        token, direct, obliged = predicate, True, False
        for _ in range(5):
            obliged = obliged or (direct and is_obligation(token, self.modality))
            if token.dep_ == "ccomp" and token.head.pos_ in ("VERB", "AUX") and any(
                entry.kind == "speech" for entry in self.lexicon.entries_for(token.head.lemma_.lower(), "verb")
            ):
                return (token.head, direct) if obliged or is_obligation(token, self.modality) else None
            if token.head == token:
                break
            direct = direct and token.dep_ in ("xcomp", "acomp")
            token = token.head
        return None

    def _transparent_lemmas(self, governor: Token) -> set[str]:
        lemma = governor.lemma_.lower()
        return {lemma} if any(e.kind == "transparent" for e in self.lexicon.entries_for(lemma, "verb")) else set()

    def _governor_signals_future(self, governor: Token) -> bool:
        return any(e.future for e in self.lexicon.entries_for(governor.lemma_.lower(), "verb"))

    def _dates_by_token(self, sentence: Span, published: date | None, text: str) -> dict[int, DateMention]:
        """Map each date phrase in the sentence (``text``: its text) to the verb it modifies (token index)."""
        mentions = find_dates(text, published)
        attached: dict[int, DateMention] = {}
        for mention in mentions:
            span = sentence.doc.char_span(
                sentence.start_char + mention.start, sentence.start_char + mention.end, alignment_mode="expand"
            )
            if span is None:
                continue
            token = span.root
            for _ in range(8):
                if token.pos_ in ("VERB", "AUX") or token.head == token:
                    break
                token = token.head
            attached.setdefault(token.i, mention)
        return attached

    def _event_date(
        self, candidate: _Candidate, dates: dict[int, DateMention], sentence: Span
    ) -> DateMention | None:
        token = candidate.predicate
        for _ in range(6):
            if token.i in dates:
                return dates[token.i]
            if token.head == token:
                break
            token = token.head
        # A nominal event ("the December 20 call") or a date attached elsewhere in a one-event sentence.
        if dates and len(dates) == 1:
            return next(iter(dates.values()))
        return None

    def _location(self, candidate: _Candidate, actor_spans: list[tuple[int, int]]) -> str | None:
        predicate = candidate.predicate
        for token in predicate.subtree:
            if token.dep_ != "pobj" or token.head.lower_ not in ("in", "at", "near", "outside", "inside"):
                continue
            if token.ent_type_ not in ("GPE", "LOC", "FAC"):
                continue
            span = self._entity_span(token)
            if (span.start_char, span.end_char) in actor_spans:
                continue  # the place is a participant ("fighting in Mosul" when Mosul is the target)
            return span.text
        return None

    def _document_entities(self, doc: Doc) -> tuple[Span, ...]:
        """``doc.ents``, read once per document."""
        if self._entities is None or self._entities[0] is not doc:
            self._entities = (doc, doc.ents)
        return self._entities[1]

    def _entity_span(self, token: Token) -> Span:
        """The named entity that contains ``token`` (or the token alone)."""
        for ent in self._document_entities(token.doc):
            if ent.start <= token.i < ent.end:
                return ent
        return token.doc[token.i : token.i + 1]

    def _build_event(
        self,
        article: Article,
        sentence: Span,
        sentence_text: str,
        sentence_index: int,
        candidate: _Candidate,
        context: object,
        published: date | None,
        dates: dict[int, DateMention],
        inherited: tuple[Span, DateMention] | None = None,
    ) -> Event | None:
        source_heads, target_heads = self._participants(candidate)
        target_heads = [inner for head in target_heads for inner in self._named_target(head, candidate, source_heads)]
        reporter = _reporting_verb(candidate.predicate) if candidate.kind != "speech" else None
        if reporter is not None and source_heads and all(h.lower_ in ANAPHORIC_PRONOUNS for h in source_heads):
            # "Netanyahu says he will seek support": the pronoun refers back to the speaker
            speakers = [h for h in _subject_heads(reporter) if h.pos_ != "PRON"]
            source_heads = speakers or source_heads
        elif reporter is not None and source_heads and self._speaks_for_subject(candidate.predicate, reporter, source_heads):
            # "Prime Minister X announced that the government will extend the curfew": the speaker
            # announces their own side's act
            source_heads = [h for h in _subject_heads(reporter) if h.pos_ != "PRON"] or source_heads
        # What a material act is done to is its recipient even when the dictionaries do not know it
        # ("attacked a military base", "released dozens of activists"); likewise what does it ("a car
        # bomb killed ...").
        material = cameo_info(candidate.cameo).quad in ("material_conflict", "material_cooperation")
        sources = self._make_actors(source_heads, context, published, keep_unknown_nouns=material)
        targets = self._make_targets(
            target_heads, context, published, keep_unknown_nouns=material,
            keep_topics=candidate.cameo.startswith("01"), literal=candidate.cameo.startswith(LITERAL_TARGET_CAMEO_PREFIXES),
        )
        given_targets = targets
        if candidate.cameo.startswith(DISPATCH_CAMEO_PREFIXES):
            targets = self._dispatch_targets(candidate, source_heads, target_heads, targets, context, published)
        if targets and targets is given_targets and candidate.cameo.startswith(THING_TO_PLACE_CAMEO_PREFIXES) \
                and candidate.cameo != RELEASE_PERSONS_CAMEO \
                and not any(a.country or a.org or a.sector for a in targets) and not any(_is_named(h) for h in target_heads):
            # "provided basic shelter materials ... in Haiti", "lifted a state of emergency in northern
            # parts of South Sudan": what is given, eased or imposed is a thing; where is the recipient
            places = [p for p in _places_in_scope(candidate.predicate, target_heads) if p not in source_heads]
            targets = self._make_actors(places, context, published, keep_unknown_nouns=True) or targets
        if not targets and (material or candidate.cameo.startswith(PLACE_DIRECTED_CAMEO_PREFIXES)):
            # "declared a ceasefire in Yemen", "suspended aid deliveries in Borno State", "agreed to lay
            # down its weapons in Russia": where the act applies stands for whom it applies to
            # ... or where what it promises or threatens goes: "agreed to set up a research centre in
            # Tokyo", "threatened to impose a curfew in Algiers"
            clauses = [c for c in candidate.predicate.children if c.dep_ == "xcomp"]
            carriers = [candidate.predicate, *(t for t in candidate.extra if t.pos_ == "NOUN"), *clauses,
                        *(o for clause in clauses if (o := _direct_object(clause)) is not None)]
            places = next((found for carrier in carriers if (found := _place_recipients(carrier))), []) or [
                # "offered to send troops to help the Philippine army": whom the act is meant to help
                t for carrier in (candidate.predicate, *clauses) for t in _purpose_beneficiaries(carrier)
                if self._names_actor(t)
            ] or (
                # further in: "returned 12 human skulls that date back to ... to Peru", "aid to the
                # Palestinian people", "a ceasefire effective from Sunday in Somalia"
                _places_in_scope(candidate.predicate, list(candidate.extra), opponents=True, recipients=True)
            )
            places = [p for p in places if p not in source_heads]
            # "a curfew in parts of Kashmir": force or coercion applied to a place noun hits that place even
            # when no dictionary knows it
            targets = self._make_actors(places, context, published, keep_unknown_nouns=all(map(_is_place, places))
                                        and cameo_info(candidate.cameo).quad == "material_conflict")
        if not targets and candidate.cameo.startswith(REQUEST_CAMEO_PREFIXES) \
                and not candidate.cameo.startswith(APPEAL_FOR_AID_CAMEO):
            # "called for reform in US laws", "demanded changes in Iraq": whom what is asked for is to change
            # (not aid sought "in Syria": where it is needed)
            changed = [gc for word in (candidate.predicate, *candidate.extra) for c in word.children
                       if c.dep_ == "prep" and c.lower_ == "in" for gc in c.children
                       if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES and self._names_actor(gc)]
            targets = self._make_targets([t for t in changed if t not in source_heads], context, published)
        if not targets and _is_purpose_clause(candidate.predicate):
            purpose_targets = [t for t in self._purpose_targets(candidate.predicate.head) if t not in source_heads]
            targets = self._make_actors(purpose_targets, context, published)
        if not targets:
            helped = [t for t in self._purpose_objects(candidate.predicate) if t not in source_heads]
            # ("to help victims of the flood": people helped are kept though no dictionary knows them)
            targets = self._make_actors(helped, context, published,
                                        keep_unknown_nouns=bool(helped) and all(_is_beneficiary(t) for t in helped))
        if not targets and (candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES) or self._violated_named(candidate)):
            fallback = [t for t in self._rejected_or_commented(candidate) if t not in source_heads]
            targets = self._make_targets(fallback, context, published, keep_unknown_nouns=True, keep_topics=True,
                                         literal=True)
        if material and (hosts := [p for p in self._arrival_places(candidate.predicate) if p not in source_heads]):
            # "troops have arrived in Mali to join the UN mission", "... in Nepal to help deliver aid to
            # remote areas": help that comes with an arrival is given to where it arrives
            targets = self._make_actors(hosts, context, published) or targets
        if candidate.cameo.startswith(PROTEST_CAMEO_PREFIX) and (aims := self._protest_aims(candidate)):
            # "a demonstration at the university against the siege of X", "went on strike to protest
            # the president's decision": what the protest opposes, before where it is held
            targets = self._make_targets(aims, context, published, keep_unknown_nouns=True) or targets
        elif candidate.cameo.startswith(PROTEST_CAMEO_PREFIX) and not any(a.country or a.org for a in targets):
            # "a strike that shut down Kathmandu", "a drive to convince Parliament to ...", "to press
            # their demands from the president's government": a protest is aimed at whom its own
            # clause names
            addressed = [a for a in self._make_actors(_clause_objects(candidate.predicate, source_heads), context, published)
                         if a.country or a.org]
            targets = addressed[:1] or targets
        reported_by = _reporting_verb(candidate.predicate) if candidate.kind != "speech" else None
        if not sources and reported_by is not None:
            # "Moscow would give a military response", said Gavrilov: the speaker stands behind it.
            sources = self._make_actors(_subject_heads(reported_by), context, published)
        if candidate.kind == "speech" and not sources:
            return None
        if not sources and not targets and self.settings.require_participant:
            # Nobody the dictionaries or the parser recognise takes part ("Bulls attacked the moving
            # average", "a strike of lightning set fire to a barn"): not a political event.
            return None

        _place_domestic_groups(sources, targets)
        if cameo_info(candidate.cameo).quad == "material_conflict" or candidate.cameo.startswith("13"):
            # "would blockade Paris", "threatened a curfew in Algiers": a capital that force or a threat
            # is aimed at is the city and its people, not the government it stands for when it speaks
            for actor in targets:
                if actor.sector == "government" and normalize(actor.text) in self.actors.countries.capitals:
                    actor.sector = "civilians"
                elif candidate.cameo.startswith(FORCE_CAMEO_ROOTS) and actor.country and not (actor.sector or actor.org or actor.name):
                    # "fired shells at targets in Jericho": force used on unnamed things somewhere
                    # falls on the people who live there
                    actor.sector = "civilians"
        modes = self._aux_modes(candidate)
        cameo = candidate.cameo
        confidence = candidate.confidence
        info = cameo_info(cameo)
        if candidate.entry.plover_type and candidate.entry.cameo == cameo:
            # the manual's type for this predicate; any recoding below (negation, threats) replaces it
            info = replace(info, plover_type=candidate.entry.plover_type, plover_mode=candidate.entry.plover_mode)
        if candidate.kind == "speech" and cameo.startswith("01"):
            # "X said the government must ensure security": an obligation put on someone is a demand,
            # even when what is demanded is not itself an event the lexicon knows.
            for clause in (c for c in candidate.predicate.children if c.dep_ == "ccomp"):
                obliged = self._make_actors(_subject_heads(clause), context, published)
                if (obliged and NEGATION not in self._aux_modes(_Candidate(clause, [], candidate.entry, cameo, "event", 0))
                        and is_obligation(clause, self.modality)
                        and not self.lexicon.entries_for(clause.lemma_.lower(), "verb")):
                    cameo = self.modality.demand_cameo
                    info = cameo_info(cameo)
                    targets = obliged
                    break
        obligation = self._reported_obligation(candidate.predicate) if candidate.kind != "speech" else None
        if (
            reported_by is not None
            and candidate.kind != "speech"
            and NEGATION not in modes
            and (is_obligation(candidate.predicate, self.modality) or (obligation is not None and obligation[1]))
        ):
            # "X said the EU must mediate": X demands it of the EU.
            speakers = self._make_actors(_subject_heads(reported_by), context, published)
            if speakers:
                sources, targets = speakers, sources or targets
                cameo = self.modality.demand_cameo
                info = cameo_info(cameo)
        hopers = self._hopers(candidate, context, published) if sources else []
        if hopers:
            # "X hopes Japan will persuade Y to lift sanctions": X's statement about Japan
            sources, targets = hopers, sources
        for mode in (NEGATION, HYPOTHETICAL, FUTURE):
            if mode not in modes:
                continue
            recoded = self.modality.recoded_cameo(mode, info.plover_type)
            if recoded:
                cameo = recoded
                info = cameo_info(cameo)
                break
            if mode == NEGATION:
                confidence *= self.modality.keep_negated_confidence
        if info.plover_type in (
            "ASSAULT",
            "COERCE",
            "SANCTION",
            "MOBILIZE",
        ) and has_conditional_phrase(candidate.predicate, self.modality):  # the type first: cheaper
            cameo = self.modality.recoded_cameo(HYPOTHETICAL, info.plover_type) or cameo
            info = cameo_info(cameo)

        if info.plover_type == "ASSAULT" and sources and all(
            a.sector in self.modality.crowd_sectors for a in sources
        ):
            cameo = self.modality.crowd_violence_cameo
            info = cameo_info(cameo)

        if sources:
            confidence += 0.08
        else:
            confidence -= 0.15
        if targets:
            confidence += 0.05
        if any(a.country or a.org for a in sources + targets):
            confidence += 0.05
        if reported_by is not None and candidate.kind != "speech":
            confidence -= 0.04  # reported, not witnessed
        if candidate.cameo.startswith(VISIT_CAMEO) and sources and all(a.sector in ARMED_SECTORS for a in sources):
            # "British troops have arrived in Mali to join the UN mission": forces arriving are not on a
            # diplomatic visit; what they came to do is the event
            confidence -= 0.15
        confidence -= self._embedding_penalty(candidate.predicate)
        if reported_by is not None and candidate.kind != "speech" and candidate.cameo.startswith(STATEMENT_CAMEO_ROOT) \
                and source_heads and not set(source_heads) & set(_subject_heads(reported_by)) \
                and not any(h.lower_ in ANAPHORIC_PRONOUNS for h in source_heads):
            # "X said Y has expressed concern": a comment reported by someone else is what the reporter
            # says about Y; the report is the event
            confidence -= REPORTED_COMMENT_PENALTY
        if obligation is not None and not obligation[1]:
            # "X said Y must do something before he would support Z": what a speaker puts on someone
            # is the event (a demand); acts inside that clause are its content and have not happened
            confidence -= OBLIGATION_CONTENT_PENALTY

        tokens = sorted([candidate.predicate, *candidate.extra], key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        mention = self._event_date(candidate, dates, sentence)
        mention_sentence = sentence
        if mention is None and not dates and inherited is not None:
            mention_sentence, mention = inherited
        if mention is not None:
            event_date: date | None = mention.value
            date_fields = dict(
                date_text=mention.text,
                date_start=mention_sentence.start_char + mention.start,
                date_end=mention_sentence.start_char + mention.end,
                date_precision=mention.precision,
                date_from_publication=False,
            )
        else:
            event_date = published
            date_fields = dict(
                date_text=None, date_start=None, date_end=None,
                date_precision="day" if published else None, date_from_publication=published is not None,
            )

        quote, speaker = None, None
        if candidate.kind == "speech":
            match = QUOTE_PATTERN.search(sentence_text)
            if match:
                quote = match.group(1).strip()
                speaker = sources[0].name or sources[0].text if sources else None

        actor_spans = [(a.start, a.end) for a in sources + targets]
        event_id = hashlib.sha1(f"{article.article_id}:{start}:{end}:{cameo}".encode()).hexdigest()[:16]
        return Event(
            event_id=event_id,
            article_id=article.article_id,
            sentence_index=sentence_index,
            sentence=sentence_text,
            sentence_start=sentence.start_char,
            start=start,
            end=end,
            predicate=article.text[start:end] if article.text else sentence.doc.text[start:end],
            plover_type=info.plover_type,
            mode=info.plover_mode,
            context=info.plover_context,
            aux_modes=modes,
            cameo=cameo,
            goldstein=info.goldstein,
            quad=info.quad,
            source=sources,
            target=targets,
            event_date=event_date,
            location=self._location(candidate, actor_spans),
            quote=quote,
            speaker=speaker,
            confidence=round(max(0.01, min(0.99, confidence)), 3),
            outlet=article.outlet,
            url=article.url,
            published=article.published,
            **date_fields,
        )


@lru_cache(maxsize=1)
def load_occurrence_verbs() -> frozenset[str]:
    text = resources.files("heron.events").joinpath("data/nominal_events.yaml").read_text(encoding="utf-8")
    return frozenset(phrase.split()[0] for phrase in yaml.safe_load(text)["occurrence_verbs"])


@lru_cache(maxsize=1)
def load_stative_participles() -> dict[str, frozenset[str]]:
    """Participle lemma -> prepositions after which "be + participle" is a state of the subject."""
    text = resources.files("heron.events").joinpath("data/stative_participles.yaml").read_text(encoding="utf-8")
    return {str(lemma): frozenset(str(p) for p in preps) for lemma, preps in yaml.safe_load(text).items()}


def _is_stative(participle: Token) -> bool:
    """'is committed to', 'were engaged in', 'is poised to strike': a passive form with no agent whose
    complement (data/stative_participles.yaml) makes it a state of the subject, not an act done to it."""
    prepositions = load_stative_participles().get(participle.lemma_.lower())
    if not prepositions or participle.tag_ != "VBN":
        return False
    if any(c.dep_ == "agent" for c in participle.children):
        return False
    for child in participle.children:
        if child.dep_ == "prep" and child.lower_ in prepositions and child.i > participle.i:
            return True
        if child.dep_ == "xcomp" and "to" in prepositions and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            return True
    return False


# ---------------------------------------------------------------------- parse helpers
def _verb_lemma(verb: Token) -> str:
    """The verb's lemma, corrected where spaCy gets it wrong ("staged" -> stage; data/verb_lemmas.yaml)."""
    return verb_lemma_corrections().get(verb.lower_) or verb.lemma_.lower()


def _has_infinitive_complement(verb: Token) -> bool:
    """An entry particle "to" is also met by the verb's own infinitive complement: "pressured X to
    cancel", "declined to resign". The marker is not part of the predicate ("pressured X", not
    "pressured X ... to")."""
    return any(
        child.dep_ == "xcomp" and child.i > verb.i and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        for child in verb.children
    )


def _direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    # "held talks" parsed with the object as attr/oprd in some sentences
    for child in verb.children:
        if child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN":
            return child
    return None


def _object_lemmas(verb: Token) -> list[tuple[Token, str]]:
    """What the verb acts on, as (token, lemma) candidates for object-dependent entries.

    The direct object (or the passive subject: "aid was provided"), with its compound reading
    ("border post"), the complement of a quantity noun ("two planeloads of tents") and the
    "with" complement of the verb ("provided Kyiv with air defence systems").
    """
    heads = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    # an object moved after an adjunct is parsed as a modifier: "returned to Peru on Monday 30 turtles"
    heads += [c for c in verb.children if c.dep_ == "npadvmod" and c.pos_ == "NOUN" and c.i > verb.i]
    heads += [gc for c in verb.children if c.dep_ == "prep" and c.lower_ in ("with", "in", "on", "to")
              for gc in c.children if gc.dep_ in ("pobj", "pcomp")]  # pcomp: a gerund ("contribute to rebuilding")
    # "declined to comment", "considering sending aid": the complement verb and its object
    for clause in (c for c in verb.children if c.dep_ in ("xcomp", "acomp", "ccomp", "oprd")):
        heads.append(clause)
        heads += [gc for gc in clause.children if gc.dep_ in ("dobj", "obj")]
    heads = [token for head in heads for token in (head, *head.conjuncts)]
    found: list[tuple[Token, str]] = []
    for head in heads:
        lemma = head.lemma_.lower()
        compounds = [c for c in head.children if c.dep_ == "compound" and c.i < head.i]
        if compounds:
            found.append((head, f"{compounds[-1].lemma_.lower()} {lemma}"))
        if (joined := _hyphen_joined_lemma(head)) is not None:
            found.append((head, joined))
        found.append((head, lemma))
        found.extend((compound, compound.lemma_.lower()) for compound in compounds)
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                found.extend((gc, gc.lemma_.lower()) for gc in child.children if gc.dep_ == "pobj")
    return found


def _hyphen_joined_lemma(noun: Token) -> str | None:
    """'cease-fire' -> "ceasefire", 'pull-out' -> "pullout": a noun the tokenizer split at its hyphen
    (the first part hangs on the head as a compound), spelled as the lexicon writes it."""
    doc = noun.doc
    if noun.i < 2 or doc[noun.i - 1].text != "-" or doc[noun.i - 1].whitespace_ or doc[noun.i - 2].whitespace_:
        return None
    first = doc[noun.i - 2]
    if first.head != noun or first.dep_ not in ("compound", "amod", "nmod") or not first.is_alpha:
        return None
    return f"{first.lower_}{noun.lemma_.lower()}"


def _subject_heads(predicate: Token) -> list[Token]:
    """The subject, following control ("agreed to set up"), coordination and relative clauses."""
    token = predicate
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS] or _misattached_subjects(token)
        if not subjects and token != predicate and _is_stative(token):
            # "the army is poised to strike": the subject of the stative passive acts
            subjects = [c for c in token.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if subjects:
            return subjects
        if token.dep_ == "xcomp":
            head = token.head
            # Object control: "called on Russia to de-escalate", "urged Iran to stop".
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects and _is_object_control(head):
                return objects
            token = head
            continue
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ == "acomp":  # "Pakistan is willing to withdraw": the subject of the copula
            token = token.head
            continue
        if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.dep_ == "acomp":
            token = token.head.head  # "X and Y are guilty of violating the ceasefire"
            continue
        if token.dep_ == "relcl":
            return [token.head]
        if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG":
            token = token.head
            if token.pos_ == "NOUN" and token.dep_ in ("dobj", "obj") and token.head.pos_ == "VERB":
                token = token.head  # "issued a statement calling on X": the issuer calls
            continue
        if token.dep_ == "advcl" and token.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            token = token.head  # purpose clause: "took steps to expand freedoms" shares the main subject
            continue
        break
    return []


def _shared_passive_subjects(verb: Token) -> list[Token]:
    """'X was tortured and killed': a participle conjoined with a passive verb, with no subject or object
    of its own, is said of the same passive subject."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or verb.head.pos_ != "VERB" or any(
        c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "dobj", "obj") for c in verb.children
    ):
        return []
    return [c for c in verb.head.children if c.dep_ in PASSIVE_SUBJECT_DEPS]


def _misattached_subjects(verb: Token) -> list[Token]:
    """The subject of a verb the parser hung elsewhere: on its auxiliary ("The UK and France however
    have opposed": "have" takes the subject), or a name before the verb read as its modifier ("USAID
    deployed teams", "USAID" as an adverb)."""
    on_aux = [gc for c in verb.children if c.dep_ in ("aux", "auxpass") for gc in c.children if gc.dep_ in SUBJECT_DEPS]
    if on_aux:
        return on_aux
    if verb.pos_ != "VERB" or any(c.dep_ in PASSIVE_SUBJECT_DEPS for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "amod") and c.i < verb.i
            and c.ent_type_ in ("ORG", "GPE", "PERSON", "NORP") and c.pos_ in ("PROPN", "ADV", "ADJ", "NOUN")
            and c.i == c.left_edge.i and not any(t.dep_ in SUBJECT_DEPS for t in verb.children)][:1]


def _clause_chain(predicate: Token) -> list[Token]:
    """The predicate and the words its clause hangs from up to the clause's own verb: "the EU must be
    ready to mediate" -> [mediate, ready, be]; "X will help Y to maintain" -> [maintain, help]."""
    chain = [predicate]
    token = predicate
    for _ in range(4):
        if token.dep_ not in ("xcomp", "acomp", "conj") or token.head == token:
            break
        token = token.head
        chain.append(token)
    return chain


def _is_purpose_clause(verb: Token) -> bool:
    """'sent experts to Qatar to investigate', 'called Lavrov to discuss': an infinitive clause that
    says what the main act is for (not the content of a request: 'urged Iran to stop')."""
    if verb.tag_ != "VB" or verb.head.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    return verb.dep_ == "advcl" or (verb.dep_ == "xcomp" and not _is_object_control(verb.head))


def _subject_heads_here(clause: Token) -> list[Token]:
    """The clause's own subject, not one it inherits."""
    return [c for c in clause.children if c.dep_ in SUBJECT_DEPS]


def _is_object_control(verb: Token) -> bool:
    """'urged Iran to stop', 'called on Russia to de-escalate': the object does what the infinitive says
    ('called Lavrov to discuss' is a telephone call: the caller discusses)."""
    lemma = verb.lemma_.lower()
    if lemma == "call":
        # "called on Russia": the particle follows the verb ("On Nov. 2, X called Lavrov" is a date)
        return any(c.lower_ in ("on", "upon") and c.i > verb.i for c in verb.children)
    return lemma in ("urge", "ask", "tell", "order", "force", "press", "invite")


def _content_subjects(predicate: Token, extra: list[Token]) -> list[Token]:
    """The subject of the clause a statement is about: "said [it is skeptical] the program would ...",
    "expressed hopes the government will ...", "voiced hope that X will ..."."""
    frontier = [predicate, *extra]
    for _ in range(3):
        clauses = [c for t in frontier for c in t.children if c.dep_ in ("ccomp", "acl", "acomp", "pcomp", "prep")]
        for clause in clauses:
            subjects = [c for c in clause.children if c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)]
            # "said they hoped that Gambari would": the speaker's own hope; look further in
            if subjects and clause.dep_ != "prep" and all(s.pos_ != "PRON" for s in subjects):
                return subjects
        frontier = clauses
        if not frontier:
            break
    return []


def _clause_subjects(heads: Sequence[Token]) -> list[Token]:
    """Subjects of the that- or infinitive clause an act governs ("demanded that X ...", "its demand
    that X ..."); pronouns are left out (they mostly refer back to the source)."""
    for head in heads:
        for clause in head.children:
            if clause.dep_ not in ("ccomp", "acl") or clause.pos_ not in ("VERB", "AUX"):
                continue
            subjects = [c for c in clause.children if c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)]
            if subjects and all(s.pos_ in ("NOUN", "PROPN") for s in subjects):
                return subjects
    return []


def _is_for_clause(clause: Token) -> bool:
    """'called for Britain to stay', 'appealed for the army to withdraw': a "for X to ..." clause."""
    return clause.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "for" for c in clause.children)


def _for_clause_subjects(predicate: Token) -> list[Token]:
    """The named subject of a "for X to ..." clause on the predicate."""
    return [s for clause in predicate.children if _is_for_clause(clause)
            for s in _subject_heads_here(clause) if s.pos_ in ("NOUN", "PROPN")]


def _statement_topics(predicate: Token, extra: list[Token]) -> list[Token]:
    """What a comment is about: "expressed pessimism over Alitalia's future", "optimism at a bipartisan
    deal", "said it is skeptical about the scheme"."""
    clauses = [c for t in (predicate, *extra) for c in t.children if c.dep_ in ("acomp", "ccomp")]
    # the comment noun or adjective carries the topic ("at the same time" on the verb is a circumstance)
    carriers = [*extra, *(c for c in clauses if c.pos_ == "ADJ")]
    carriers += [c for t in clauses for c in t.children if c.dep_ == "acomp"]
    for token in carriers:
        topics = [gc for c in token.children if c.dep_ == "prep" and c.lower_ in COMMENT_TOPIC_PREPOSITIONS
                  for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]
        # "pessimism about bringing the standoff to an end": the topic is what the gerund acts on
        topics = topics or [obj for c in token.children if c.dep_ == "prep" and c.lower_ in COMMENT_TOPIC_PREPOSITIONS
                            for gc in c.children if gc.dep_ == "pcomp" and gc.tag_ == "VBG"
                            if (obj := _direct_object(gc)) is not None and obj.pos_ in ("NOUN", "PROPN")]
        if topics:
            return topics
    return []


def _is_topic(head: Token) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in COMMENT_TOPIC_PREPOSITIONS


def _refused_act_authors(predicate: Token) -> list[Token]:
    """'warned that police will no longer tolerate rallies by the X group': a warning that an act
    will not be tolerated is aimed at whoever performs it."""
    for clause in (c for c in predicate.children if c.dep_ == "ccomp" and c.pos_ == "VERB"):
        negated = any(c.dep_ == "neg" or c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children)
                      for c in clause.children)
        obj = _direct_object(clause)
        if negated and obj is not None and (authors := _noun_authors(obj, possessors=False)):
            return authors
    return []


def _clause_objects(predicate: Token, excluded: Sequence[Token]) -> list[Token]:
    """Objects inside a clause that hangs below the predicate (a relative, purpose or participial
    clause on it or on its object), in sentence order; never inside the excluded (source) phrases."""
    skip = {t.i for head in excluded for t in head.subtree}
    found: list[Token] = []
    for token in predicate.subtree:
        if token.i in skip or token.dep_ not in ("dobj", "pobj"):
            continue
        ancestor, in_clause = token.head, False
        while ancestor != predicate:
            in_clause = in_clause or (ancestor.dep_ in SUBORDINATE_CLAUSE_DEPS and ancestor.pos_ in ("VERB", "AUX"))
            ancestor = ancestor.head
            if ancestor == ancestor.head:
                break
        if in_clause and ancestor == predicate:
            found.append(token)
    # "demands for higher prices from the government": the innermost object, not the phrase around it
    return [t for t in found if not any(other != t and other in t.subtree for other in found)]


def _recipient_heads(predicate: Token, candidate: _Candidate) -> list[Token]:
    for child in predicate.children:
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return [child]
        if child.dep_ == "dative" and child.pos_ == "ADP":  # "gave medical equipment to Nicaragua"
            objects = [gc for gc in child.children if gc.dep_ == "pobj"]
            if objects:
                return objects
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            # never a time or an idiom ("conceded at last to demands"), but "dozens of students" counts people
            objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN", "PRON")
                       and (gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES or _counts_members(gc))]
            if objects and child in candidate.extra:
                # the particle of "called for sanctions against China": its object is the event noun,
                # whose own complement names the recipient
                objects = [t for obj in objects for t in _noun_participants(obj)[1]] or objects
            if objects:
                return objects
    return []


def _thing_recipients(thing: Token) -> list[Token]:
    """Whom or where a measure applies: "sanctions imposed on China", "restrictions between it and
    Israel", "its blockade of Yemen", "the curfew in Jamaica"."""
    if imposed := _imposed_on(thing):
        return imposed
    for child in thing.children:
        if child.dep_ != "prep" or child.lower_ not in ("between", "among", "of", "in", "on"):
            continue
        objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ != "PRON"
                   and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
        if child.lower_ in ("of", "in"):
            objects = [o for o in objects if o.ent_type_ in ("GPE", "LOC", "NORP", "ORG") or o.pos_ == "PROPN"]
        if objects:
            return objects
    return _clause_parties(thing)


def _imposed_on(thing: Token) -> list[Token]:
    """'sanctions imposed on China', 'the ban slapped on the group': whom a participle clause on a measure
    says it applies to."""
    for clause in (c for c in thing.children if c.dep_ == "acl"):
        for child in clause.children:
            if child.dep_ == "prep" and child.lower_ in ("on", "against", "to", "upon"):
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
                if objects:
                    return objects
    return []


def _clause_parties(thing: Token, depth: int = 6) -> list[Token]:
    """'an invitation to meet with Kim', 'a formula for settling a dispute with the company', 'an effort
    to resolve the rift between Qatar and the Gulf states': whom a clause that completes the thing deals
    with (named, and below a verb of that clause: "talks with X" is the noun's own complement)."""
    # (a relative clause describes the thing rather than completing it)
    frontier = [(child, False) for child in thing.children if child.dep_ not in OTHER_CLAUSE_DEPS and child.dep_ != "relcl"]
    for _ in range(depth):
        following: list[tuple[Token, bool]] = []
        found: list[Token] = []
        for token, in_clause in frontier:
            in_clause = in_clause or token.pos_ == "VERB"
            if in_clause and token.dep_ == "prep" and token.lower_ in PARTY_PREPOSITIONS:
                found += [gc for gc in token.children if gc.dep_ == "pobj" and (_is_named(gc) or any(
                    c.dep_ == "compound" and c.pos_ == "PROPN" for c in gc.children))]
            following += [(child, in_clause) for child in token.children
                          if child.dep_ not in OTHER_CLAUSE_DEPS and child.dep_ not in ("conj", "cc")]
        if found:
            return found
        frontier = following
    return []


def _named_beside(head: Token) -> list[Token]:
    """Names that stand beside a head naming nobody: its apposition ("regional rival Japan's Prime
    Minister X"), its examples ("valued partners like Saudi Arabia", "donors such as Norway"), a second
    object the parse split off a mistagged one ("meet his counterpart Italian President X"), or the name
    compounded on an addressee the parse merged with what follows ("an ultimatum to Damascus warning
    of ...")."""
    found = [c for c in head.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")]
    found += [gc for c in head.children if c.dep_ == "prep" and c.lower_ in ("like", "such")
              for gc in (*c.children, *(g for a in c.children if a.dep_ == "prep" for g in a.children))
              if gc.dep_ == "pobj"]
    if head.dep_ == "dobj" and head.pos_ not in ("NOUN", "PROPN"):
        found += [c for c in head.head.children if c.dep_ == "dobj" and c != head and c.pos_ in ("NOUN", "PROPN")]
    if head.dep_ == "pobj" and head.head.lower_ == "to" and head.pos_ == "NOUN":
        found += [c for c in head.children if c.dep_ == "compound" and c.ent_type_ in ("GPE", "ORG", "PERSON", "NORP")]
    return found


def _is_mediated_conflict(head: Token) -> bool:
    """'ended mediation efforts in the Arab-Israeli dispute', 'a solution to the border conflict': a
    conflict an act is about stands for its parties (class `conflict` in data/object_classes.yaml; not
    "declined to comment on the dispute": a comment's topic is no party)."""
    return (head.pos_ == "NOUN" and head.lemma_.lower() in object_classes()["conflict"]
            and head.dep_ == "pobj" and head.head.lower_ in ("in", "over", "to"))


def _carrier_targets(obj: Token, candidate: _Candidate) -> list[Token]:
    """'launched a mediation effort between the Emirates and Saudi Arabia': when the event noun only
    modifies the object, the object's complements name whom the event is directed at."""
    if not any(t.head == obj and t.dep_ in ("compound", "amod") for t in candidate.extra):
        return []
    sources, targets = _noun_participants(obj)
    return targets or [t for t in sources if t.head.lower_ in ("between", "among")]


def _aimed_at(thing: Token) -> list[Token]:
    """'launched artillery, mortar and rocket fire against guerrilla camps': what a weapon or a
    barrage (or one of a list of them) is aimed at."""
    return _first_prepositional_objects((thing, *thing.conjuncts), VICTIM_PREPOSITIONS)


def _first_prepositional_objects(words: Iterable[Token], prepositions: Collection[str]) -> list[Token]:
    """The nouns that the first of ``prepositions`` found under ``words`` (in order) governs, leaving out
    dates, numbers and amounts: "fire against guerrilla camps", "near an army base"."""
    for word in words:
        for child in word.children:
            if child.dep_ == "prep" and child.lower_ in prepositions:
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
                           and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
                if objects:
                    return objects
    return []


def _of_complements(noun: Token) -> list[Token]:
    return [gc for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
            for gc in child.children if gc.dep_ == "pobj"]


def _noun_authors(noun: Token, *, possessors: bool = True) -> list[Token]:
    """Who made the proposal, demand or accusation a predicate responds to: "accusations by the US",
    "an offer from the Afghan government", "the protest staged by students", "Netanyahu's suggestion",
    "U.S. calls"."""
    authors = [gc for child in noun.children if child.dep_ in ("prep", "agent") and child.lower_ in ("by", "from")
               for gc in child.children if gc.dep_ == "pobj"]
    # "the demonstration staged by students", "the attack carried out by X"
    authors += [gc for clause in noun.children if clause.dep_ == "acl" and clause.tag_ == "VBN"
                for child in clause.children if child.dep_ == "agent" for gc in child.children if gc.dep_ == "pobj"]
    if authors or not possessors:
        return authors
    return [child for child in noun.children
            if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN")
            or child.dep_ in ("compound", "amod", "nmod") and child.ent_type_ in ("GPE", "NORP", "ORG", "PERSON")]


def _complement_recipients(predicate: Token, obj: Token | None) -> list[Token]:
    """Recipients named inside the predicate's complements: "demanded the removal of President X",
    "agreed to provide aid for Romania and Poland"."""
    if obj is not None:
        found: list[list[Token]] = []
        for child in obj.children:
            if child.dep_ == "prep" and child.lower_ in ("of", "for", "to", "against", "on", "from"):
                objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("PROPN", "NOUN")]
                if objects:
                    found.append(objects)
        # "70 million dollars of aid for Romania": a named recipient beats the thing given
        named = [objects for objects in found if any(o.pos_ == "PROPN" or o.ent_type_ in ENTITY_TYPES for o in objects)]
        if named or found:
            return (named or found)[0]
        if imposed := _imposed_on(obj):  # "refused to lift the ban imposed on X"
            return imposed
    for child in predicate.children:
        if child.dep_ == "xcomp":
            inner = _direct_object(child)
            if inner is not None and (inner.pos_ == "PROPN" or inner.ent_type_ in ENTITY_TYPES):
                return [inner]
            for grandchild in child.children:
                if grandchild.lower_ in LOOSE_PREPOSITIONS and inner is not None and (
                    through := _complement_recipients(child, inner)
                ):
                    # "agreed to lift its ban on X over the use of chlorine": the object's own recipient
                    # beats a circumstance of the clause
                    return through
                if grandchild.dep_ == "dative" or (grandchild.dep_ == "prep" and grandchild.lower_ in TARGET_PREPOSITIONS):
                    objects = [t for t in grandchild.children if t.dep_ == "pobj"] or [grandchild]
                    if objects[0].pos_ in ("PROPN", "NOUN") and objects[0].dep_ != "prep":
                        return objects
            if inner is not None:
                return _complement_recipients(child, inner)
    return []


def _place_recipients(predicate: Token) -> list[Token]:
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in ("in", "from", "into", "inside", "across", "to"):
            places = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ in ("GPE", "LOC")]
            if places:
                return places
    return []


def _places_in_scope(
    predicate: Token, things: list[Token], *, opponents: bool = False, recipients: bool = False
) -> list[Token]:
    """The nearest place an act or the things it moves are put in: "provided aid to 1.5 million
    people in the five months after the earthquake in Haiti" -> Haiti. Searched breadth-first from
    the predicate and the things, within the predicate's own clause; "parts of X" counts as a place.
    With ``opponents``, a named opponent counts too ("mobilized troops for the war against Iraq"); with
    ``recipients``, a named recipient ("aid to the Palestinian people")."""
    frontier = [predicate, *things]
    seen = {token.i for token in frontier}
    for _ in range(8):
        found: list[Token] = []
        following: list[Token] = []
        for token in frontier:
            for child in token.children:
                if child.i in seen or child.dep_ in OTHER_CLAUSE_DEPS or (child.dep_ == "conj" and child.pos_ == "VERB"):
                    continue
                if child.dep_ == "advcl" and _has_own_subject(child) and any(c.dep_ == "mark" for c in child.children):
                    continue  # "after a group took over a base in the area": another act, elsewhere
                seen.add(child.i)
                following.append(child)
                if child.dep_ != "pobj":
                    continue
                marker = child.head.lower_
                if (marker in PLACE_PREPOSITIONS and _is_place(child)) or (
                    opponents and marker == "against" and _names_opponent(child)
                ) or (recipients and marker == "to" and _is_named(child)):
                    found.append(child)
        if found:
            return found
        frontier = following
    return []


def _site_of_act(predicate: Token) -> list[Token]:
    """The place an act happened, from "in/at" on the verb or on a participle that shares its passive
    subject ("was tortured and killed in X"): a place name, or the named place of a site ("in a
    detention centre in X")."""
    verbs = [predicate, *(c for c in predicate.children if c.dep_ == "conj" and c.tag_ == "VBN"
                          and not any(gc.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for gc in c.children))]
    for verb in verbs:
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "at", "inside"):
                continue
            for pobj in prep.children:
                if pobj.dep_ != "pobj":
                    continue
                if _is_place(pobj) or (pobj.pos_ == "PROPN" and pobj.ent_type_ not in NON_ACTOR_ENTITY_TYPES):
                    return [pobj]
                sites = [gc for c in pobj.children if c.dep_ == "prep" and c.lower_ in ("in", "at")
                         for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ in ("GPE", "LOC")]
                if sites:
                    return sites[:1]
    return []


def _is_generic(token: Token) -> bool:
    """'struck a target in X', 'banned assembly of five persons': a bare thing that names nobody
    ("Hamas targets", "military targets" are said of whom they belong to)."""
    return token.lemma_.lower() in GENERIC_OBJECTS and all(c.dep_ in ("det", "prep", "punct") for c in token.children)


def _located_targets(predicate: Token) -> list[Token]:
    """'near an Afghan army base', 'at the checkpoint': where an act is aimed, when what it is done
    with is the source's own."""
    return _first_prepositional_objects([predicate], LOCATED_TARGET_PREPOSITIONS)


def _purpose_beneficiaries(verb: Token) -> list[Token]:
    """'deployed to the school to train 200 Nigerian soldiers', 'donated ventilators to assist Ethiopia':
    whom the act's purpose clause says it helps."""
    for clause in verb.children:
        if (clause.dep_ in ("advcl", "xcomp") and clause.lemma_.lower() in ASSISTANCE_VERBS
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)):
            obj = _direct_object(clause)
            if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
                return [obj]
    return []


def _is_beneficiary(token: Token) -> bool:
    """'victims', 'people in need', 'families': people named by their plight (class `beneficiary`)."""
    return token.pos_ == "NOUN" and token.lemma_.lower() in BENEFICIARIES


def _helped_people(clause: Token) -> list[Token]:
    """'to help victims of the earthquake', 'to provide immediate help for people affected by the flood':
    the people a purpose clause helps, named by their plight rather than by who they are."""
    obj = _direct_object(clause)
    if clause.lemma_.lower() in ASSISTANCE_VERBS and obj is not None and _is_beneficiary(obj):
        return [obj]
    relief = obj is not None and obj.lemma_.lower() in RELIEF_OBJECTS | ASSISTANCE_VERBS
    if clause.lemma_.lower() not in ASSISTANCE_VERBS and not relief:
        return []
    return [gc for word in (clause, *([obj] if obj is not None else [])) for c in word.children
            if c.dep_ == "prep" and c.lower_ in ("for", "to") for gc in c.children
            if gc.dep_ == "pobj" and _is_beneficiary(gc)][:1]


def _conjoined_act_places(predicate: Token) -> list[Token]:
    """'declared a state of siege in Pando and dispatched the army': where the act the predicate is
    conjoined with applies."""
    if predicate.dep_ != "conj" or predicate.head.pos_ != "VERB":
        return []
    head = predicate.head
    obj = _direct_object(head)
    return _places_in_scope(head, [obj] if obj is not None else [])


def _names_opponent(token: Token) -> bool:
    """'a battle against the remnants of the Brotherhood', 'a move against Syria's chemical weapons': a
    named opponent, or a thing that belongs to one."""
    return _is_named(token) or any(
        child.dep_ == "poss" and _is_named(child) for child in token.children
    ) or any(_is_named(member) for member in _of_complements(token))


def _has_own_subject(clause: Token) -> bool:
    return any(c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for c in clause.children)


def _is_named(token: Token) -> bool:
    """A name, or a people or country word modifying the noun ("the Palestinian people")."""
    return token.pos_ == "PROPN" or token.ent_type_ in ENTITY_TYPES or any(
        child.dep_ in ("amod", "compound") and child.ent_type_ in ("NORP", "GPE") for child in token.children
    )


def _is_place(token: Token) -> bool:
    """A named place, or a place noun ("northern parts of South Sudan", "the Deraa countryside",
    "the north region"; the class `place` in data/object_classes.yaml)."""
    return token.ent_type_ in ("GPE", "LOC") or (token.pos_ == "NOUN" and token.lemma_.lower() in PLACE_NOUN_LEMMAS)


def _noun_participants(noun: Token) -> tuple[list[Token], list[Token]]:
    """Participants of an event noun: possessor/modifier as source, 'on/against/with X' as target."""
    sources: list[Token] = []
    targets: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN") or child.dep_ in ("compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            sources.append(child)
        elif child.dep_ == "prep":
            # never a time ("the withdrawal ... on Monday")
            objects = [gc for gc in child.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES]
            if not objects:
                continue
            if child.lower_ in ("between", "among", "by"):
                sources.extend(objects)
            elif child.lower_ in ("on", "against", "with", "to", "toward", "towards", "into"):
                targets.extend(objects)
    return sources, targets


def _pronoun_antecedent(pronoun: Token, sources: Sequence[Token]) -> Token | None:
    """'called President X on Wednesday and urged him to', 'Y was released after Z pardoned him': a
    person's object pronoun stands for the nearest person named before it in the same sentence, other
    than the source; a name in apposition ("his counterpart, X") stands for the phrase it describes."""
    if pronoun.lower_ not in PERSON_OBJECT_PRONOUNS:
        return None
    for token in reversed(pronoun.doc[pronoun.sent.start : pronoun.i]):
        # the last word of a name (its compounds are parts of it), never the source's
        if token.ent_type_ != "PERSON" or token.dep_ in ("compound", "flat") or token in sources:
            continue
        if token.dep_ == "appos" and token.head.pos_ == "NOUN" and token.head not in sources:
            return token.head
        return token
    return None


def _place_domestic_groups(sources: list[Actor], targets: list[Actor]) -> None:
    """'The interior minister allowed opposition leader X to hold a rally', 'Turkish police prevented a
    protest by students', 'the district administration denied land for a temple': a civilian
    authority acting on a group of its society named without a country acts within its own country.
    (Armed forces are left out: they act abroad as often as at home.)"""
    countries = {a.country for a in sources if a.country}
    if len(countries) != 1 or not all(a.sector in AUTHORITY_SECTORS for a in sources):
        return
    for actor in targets:
        if actor.country is None and actor.org is None and actor.sector in DOMESTIC_GROUP_SECTORS:
            actor.country = next(iter(countries))


def _counted_members(head: Token) -> list[Token]:
    """'thousands of refugees' -> [refugees]: a number or quantity word heading an "of" phrase."""
    if head.ent_type_ not in ("CARDINAL", "QUANTITY") and head.lemma_.lower() not in QUANTITY_NOUNS and not (
        head.pos_ in ("PRON", "DET", "NUM") and head.lower_ in QUANTIFIER_PRONOUNS
    ):
        return []
    if head.lower_ in QUANTIFIER_PRONOUNS and head.pos_ != "NOUN":
        # "withdrew some of its troops": part of the speaker's own people, not someone acted on
        return [gc for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
                for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
                and not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in gc.children)]
    return [gc for child in head.children if child.dep_ == "prep" and child.lower_ == "of"
            for gc in child.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")]


def _collective_members(head: Token) -> list[Token]:
    """'aides to the presidents of Russia and the United States' → [Russia, United States, ...]."""
    token = head
    for _ in range(3):
        if token.tag_ not in ("NNS", "NNPS") or token.lemma_.lower() not in COLLECTIVE_NOUNS:
            return [head]
        objects = [gc for c in token.children if c.dep_ == "prep" and c.lower_ in ("of", "to", "from")
                   for gc in c.children if gc.dep_ == "pobj"]
        if not objects:
            return [head]
        if objects[0].conjuncts:
            return [objects[0]]
        token = objects[0]
    return [head]


def _expand_conjuncts(heads: list[Token]) -> list[Token]:
    expanded: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in expanded:
                expanded.append(token)
    return expanded


def _hidden_conjuncts(head: Token) -> tuple[list[Token], tuple[int, int] | None]:
    """Participants a misread coordination hides inside or beside the head's phrase, and the token
    window (first, last) the head's own mention keeps to. The parse may read a list of names as an
    apposition ("Chile, Peru, Bolivia and other states"), join a named modifier to "other" ("UNICEF and
    other agencies"), hang a conjunct inside a prepositional phrase or a name's apposition ("the port
    of X and the Y naval base", "the agency X and the Y Institute"), or on the verb or event noun
    above the head ("banned the X Front and the Y Party", "sanctions on X and Y"). Each named conjunct
    is a participant of its own, with its own codes; shared modifiers ("Iraqi and Turkish demands")
    and conjuncts inside a name ("the Ministry of Trade and Industry") are left alone."""
    doc = head.doc
    if head.pos_ not in ("NOUN", "PROPN"):
        return [], None
    for child in head.children:
        if (child.dep_ == "appos" and child.i > head.i and head.pos_ == "PROPN" and _is_listed_name(head)
                and _is_listed_name(child) and child.conjuncts and doc[child.left_edge.i - 1].text != "("):
            return [child, *child.conjuncts], (head.left_edge.i, child.left_edge.i - 1)
        if child.dep_ in OWNER_MODIFIER_DEPS and child.i < head.i and child.ent_type_ in ("ORG", "GPE", "PERSON"):
            # the "and" hangs on the name; "other" on the name (as its conjunct) or on the head
            joiner = next((c for c in child.children if c.dep_ == "cc" and c.i == child.i + 1), None)
            following = doc[joiner.i + 1] if joiner is not None and joiner.i + 1 < head.i else None
            if following is not None and following.lower_ in OTHERS_WORDS and following.head in (child, head):
                return [child], (following.i, head.right_edge.i)
    for inner in _phrase_nouns(head):
        conjuncts = [c for c in inner.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts or _joined_inside_name(inner, conjuncts[0]) or not _opens_participant(conjuncts[0]):
            continue
        marker = inner.head
        if marker.lower_ in JOINT_PREPOSITIONS:
            continue  # "fighting between X and Y": the pair is the object
        if marker.lower_ == "of" and not _has_determiner(conjuncts[0]):
            continue  # "the armies of Brazil and Argentina": bare names share the head
        if marker.dep_ == "prep" and marker.lower_ != "of" and _is_place(conjuncts[0]):
            continue  # "the commander in Latin America and the Caribbean": where the head is, not who
        return list(inner.conjuncts), (head.left_edge.i, conjuncts[0].left_edge.i - 1)
    right, ancestor = head.right_edge.i, head.head
    for _ in range(3):
        for conj in ancestor.children:
            between = doc[right + 1 : conj.left_edge.i] if conj.dep_ == "conj" and conj.i > right else None
            if between and conj.pos_ in ("NOUN", "PROPN") and (_is_listed_name(conj) or conj.ent_type_ == "PERSON") \
                    and any(t.dep_ == "cc" for t in between) and all(t.is_punct or t.dep_ == "cc" for t in between):
                return [conj, *(c for c in conj.conjuncts if c.i > conj.i)], None
        if ancestor.head == ancestor:
            break
        ancestor = ancestor.head
    return [], None


def _is_listed_name(token: Token) -> bool:
    """A country's, group's or organisation's name (not a person's, a date or a number)."""
    return token.ent_type_ in LISTED_NAME_TYPES or (
        token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", *NON_ACTOR_ENTITY_TYPES))


def _phrase_nouns(head: Token, depth: int = 2) -> list[Token]:
    """Nouns inside the head's phrase that a conjunct may be hung on: its name apposition and the objects
    of its prepositional modifiers ("the port of X", "people in X"), two levels deep."""
    found: list[Token] = []
    for child in head.children:
        if child.dep_ == "appos" and child.i > head.i and child.pos_ == "PROPN":
            found.append(child)
        elif child.dep_ == "prep" and child.lower_ not in MENTION_STOP_PREPOSITIONS:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN"):
                    found.append(pobj)
                    if depth > 1:
                        found.extend(_phrase_nouns(pobj, depth - 1))
    return found


def _opens_participant(conj: Token) -> bool:
    """Does a conjunct start a participant of its own: a name, or a phrase with its own determiner
    ("and the Y naval base")?"""
    return _is_listed_name(conj) or _has_determiner(conj)


def _has_determiner(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)


def _joined_inside_name(first: Token, conj: Token) -> bool:
    """Is the "and" between two conjuncts part of one name ("Bosnia and Herzegovina")?"""
    return any(t.dep_ == "cc" and t.ent_iob_ == "I" for t in first.doc[first.i + 1 : conj.i])


def _clip_to_window(span: Span, head: Token, window: tuple[int, int]) -> Span:
    """The span cut to the token window around its head, without punctuation or a conjunction left
    dangling at either end (a closing bracket stays)."""
    doc = span.doc
    low, high = max(span.start, window[0]), min(span.end - 1, window[1])
    while low < head.i and (doc[low].is_punct or doc[low].dep_ == "cc" or doc[low].is_space):
        low += 1
    while high > head.i and (doc[high].dep_ == "cc" or doc[high].is_space
                             or (doc[high].is_punct and not _closes_bracket(doc, low, high))):
        high -= 1
    return doc[low : high + 1]


def _is_recipient(head: Token) -> bool:
    """'giving money to local communities', 'sent aid to its neighbour': whoever something is given
    or sent to takes part, even when the dictionaries do not know them."""
    marker = head.head if head.dep_ in ("pobj", "conj") else None
    while marker is not None and marker.dep_ == "conj" and marker.head != marker:
        marker = marker.head.head if marker.head.dep_ == "pobj" else marker.head
    # something is moved: the verb has an object ("sending aid to", not "agreed to a deal")
    return marker is not None and marker.lower_ == "to" and (
        marker.dep_ == "dative" or marker.head.pos_ == "VERB" and _direct_object(marker.head) is not None
    )


def _is_addressed_group(head: Token) -> bool:
    """'issued an ultimatum to her colleagues', 'ended mediation efforts with the truckers': a group of
    people an act's object is addressed to takes part, even when the dictionaries do not know them."""
    marker = head.head
    # (not a place: "allowed access to rebel-held areas")
    return (head.dep_ == "pobj" and head.pos_ == "NOUN" and head.tag_ == "NNS" and marker.lower_ in ("to", "with")
            and not _is_place(head)
            and marker.head.pos_ == "NOUN" and marker.head.dep_ in ("dobj", "obj") and marker.head.head.pos_ == "VERB")


def _counts_members(head: Token) -> bool:
    """'dozens of demonstrators', 'hundreds of banks': a number noun that stands for what it counts."""
    if head.pos_ in ("PRON", "DET", "NUM"):  # "each of the providers", "four of the corporations"
        return (head.lower_ in QUANTIFIER_PRONOUNS or head.ent_type_ == "CARDINAL") and bool(_counted_members(head))
    return head.pos_ == "NOUN" and head.ent_type_ == "CARDINAL" and bool(_counted_members(head))


def _join_split_subjects(actors: list[Actor], heads: list[Token]) -> tuple[list[Actor], list[Token]]:
    """One participant for a noun phrase the parser split into several subjects of one verb, with
    nothing between the pieces ("Malian Prime Minister | Choguel Maiga rejected", "The rebel | Arakan
    Army attacked"): the mention covers the whole phrase, the codes come from the piece that names
    someone, completed from the other. ``heads[i]`` is the head ``actors[i]`` was read from."""
    order = sorted(range(len(actors)), key=lambda i: actors[i].start)
    joined: list[Actor] = []
    joined_heads: list[Token] = []
    subject_deps = (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS)
    for index in order:
        actor, head = actors[index], heads[index]
        if joined:
            previous, previous_head = joined[-1], joined_heads[-1]
            gap = head.doc.text[previous.end : actor.start] if actor.start > previous.end else ""
            if (head.dep_ in subject_deps and previous_head.dep_ in subject_deps and head.head == previous_head.head
                    and head != previous_head and not gap.strip()):
                named, other = (actor, previous) if actor.name or not previous.name else (previous, actor)
                start, end = previous.start, max(previous.end, actor.end)
                joint = replace(named, text=head.doc.text[start:end], start=start, end=end)
                joint.country = joint.country or other.country
                joint.org = joint.org or other.org
                joint.sector = joint.sector or other.sector
                joined[-1] = joint
                continue
        joined.append(actor)
        joined_heads.append(head)
    return joined, joined_heads


def _distinct_mentions(actors: list[Actor]) -> list[Actor]:
    """One actor per mention, and none inside another one's mention ("Sarraj" in "Prime Minister
    Fayez al-Sarraj" is a piece of a name the parse split, not a second participant)."""
    distinct: list[Actor] = []
    for actor in actors:
        if not any((other.start, other.end) == (actor.start, actor.end) for other in distinct):
            distinct.append(actor)
    return [
        actor for actor in distinct
        if not any(
            other is not actor and other.start <= actor.start and actor.end <= other.end
            for other in distinct
        )
    ]


def _reporting_verb(predicate: Token) -> Token | None:
    """The speech verb that reports this clause, if any ("X said that Y will ...")."""
    token = predicate
    for _ in range(4):
        if token.dep_ in ("ccomp", "parataxis") and token.head.pos_ in ("VERB", "AUX"):
            return token.head
        if token.head == token:
            break
        token = token.head
    return None


def _mention_span(head: Token, phrase: Span, roles: Mapping[str, Role], stops: frozenset[str] = frozenset()) -> Span:
    """The whole noun phrase that mentions a participant, as annotators mark it: the resolver's
    phrase grown over quantifiers, appositions and prepositional modifiers ("at least 75 displaced
    people in eastern Syria", "an arms depot of the Syrian army", "Zabihullah Mujahid, the Taliban
    spokesman"), but never over relative or participial clauses, conjoined siblings (separate
    participants), adverbs or time phrases ("the court on Monday"), nor over the head's own
    prepositional complements introduced by ``stops``."""
    doc = head.doc
    included: set[int] = set(range(phrase.start, phrase.end))

    def collect(token: Token, top: bool) -> None:
        included.add(token.i)
        for child in token.children:
            if child.dep_ in MENTION_CLAUSE_DEPS or (top and child.dep_ in MENTION_HEAD_ONLY_DEPS):
                continue
            if top and child.dep_ == "appos" and child.pos_ == "NOUN" and not (
                _names_a_person(head, roles) or _names_a_person(child, roles)
            ):
                # "Hodeidah, a major flashpoint in the war", "the relief fund, a pooled fund run by the
                # UN": a description of a place or thing, not part of its name (a person's apposition is
                # the title that says who they are: "Aya Hijazi, an American aid worker")
                continue
            if top and child.dep_ == "prep" and child.lower_ in stops:
                continue
            if top and child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPOSITIONS and _names_a_person(head, roles):
                continue  # "summoned the Chinese ambassador in Berlin": where the person is, not who
            if child.dep_ == "prep" and (
                child.lower_ in MENTION_STOP_PREPOSITIONS
                or any(gc.ent_type_ in ("DATE", "TIME") for gc in child.children if gc.dep_ == "pobj")
                # "accused the rebels of attacking": a clause, not a modifier of the noun
                or not any(gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for gc in child.children)
            ):
                continue
            collect(child, top=False)

    if head.pos_ != "PRON":
        collect(head, top=True)
    low = high = head.i
    while low - 1 in included and not doc[low - 1].is_space:
        low -= 1
    while high + 1 in included and not doc[high + 1].is_space:
        high += 1
    low, high = min(low, phrase.start), max(high, phrase.end - 1)
    while low < head.i and (doc[low].is_punct or doc[low].dep_ in ("cc", "preconj")):
        low += 1
    while high > head.i and (
        doc[high].dep_ in ("cc", "case") or doc[high].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")
        or (doc[high].is_punct and not _closes_bracket(doc, low, high))
    ):
        high -= 1
    opened = sum(doc[i].text == "(" for i in range(low, high + 1)) - sum(doc[i].text == ")" for i in range(low, high + 1))
    if opened > 0 and high + 1 < len(doc) and doc[high + 1].text == ")":
        high += 1  # "the Central African Republic (CAR)": the parser hangs the ")" elsewhere
    return doc[low : high + 1]


def _mention_end_char(mention: Span) -> int:
    """Where a mention's text ends: before the full stop of a sentence that ends on an abbreviation
    ("sanctions on the U.K.", "talks with Acme Inc."), which the tokenizer joins to the abbreviation
    but which closes the sentence, not the name. An abbreviation inside a sentence keeps its period."""
    last, doc = mention[-1], mention.doc
    sentence_end = last.sent.end
    if not (len(last.text) > 1 and last.text.endswith(".")) or any(
        not t.is_space and (not t.is_punct or t.text in (".", "!", "?")) for t in doc[last.i + 1 : sentence_end]
    ):
        return mention.end_char
    # a name the sentence splitter cut after an initial ("George H. W. | Bush") goes on
    if sentence_end < len(doc) and doc[sentence_end].ent_iob_ == "I":
        return mention.end_char
    return mention.end_char - 1


def _names_a_person(head: Token, roles: Mapping[str, Role]) -> bool:
    """A person's name or a person's role ("ambassador", "president"), not a group or a place."""
    role = roles.get(head.lemma_.lower())
    return head.ent_type_ == "PERSON" or (role is not None and role.kind == "person")


def _closes_bracket(doc: Doc, low: int, high: int) -> bool:
    """Is doc[high] the ")" of a "(" inside doc[low:high] ("the Foreign Office (FO)")?"""
    return doc[high].text == ")" and any(doc[i].text == "(" for i in range(low, high))

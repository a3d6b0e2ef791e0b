"""The event coder: parsed article in, coded events out.

For every sentence the coder finds predicates that the lexicon knows (verbs, phrasal verbs, light-verb
constructions such as "held talks", and event nouns such as "a telephone conversation"), reads their
participants off the dependency parse (active, passive, control and conjoined clauses), marks the
auxiliary modes (negation, future, hypothetical), recodes where PLOVER asks for a single category
("will not make concessions" is REJECT), and attaches the date, location, quote and speaker.

Where to look: this module holds the EventCoder (finding predicates, auxiliary modes, dates, location
and building the Event). Who takes part (the participants by event type, and the Actors made of them)
is in heron.events.participants (ParticipantFinder, which EventCoder extends); the dependency-tree
readings (subjects, objects, clauses, recipients, places in scope, pronoun antecedents) are in
heron.events.syntax; how far a participant's mention reaches and which mentions count are in
heron.events.mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from heron.actors import ActorResolver
from heron.actors.lexicon import normalize
from heron.dates import find_dates
from heron.events.cameo import cameo_info
from heron.events.classifier import TypeClassifier
from heron.events.confidence import calibration_inputs, default_calibration
from heron.events.lexicon import (
    Lexicon,
    PredicateEntry,
    load_lexicon,
    news_attribution_verbs,
    non_agent_nouns,
)
from heron.events.mentions import without_predicate_words
from heron.events.modality import (
    FUTURE,
    HYPOTHETICAL,
    NEGATION,
    has_conditional_phrase,
    is_denied_by_frame,
    is_future,
    is_hypothetical,
    is_negated,
    is_obligation,
    load_modality_rules,
)
from heron.events.participants import (
    ACCUSE_CAMEO,
    ANAPHORIC_PRONOUNS,
    APPEAL_FOR_AID_CAMEO,
    DISPATCH_CAMEO_PREFIXES,
    FATAL_COERCION_CAMEO_PREFIXES,
    FORCE_CAMEO_ROOTS,
    INVESTIGATE_CAMEO_PREFIX,
    NEWS_SECTOR,
    PROTEST_CAMEO_PREFIX,
    RELEASE_PERSONS_CAMEO,
    REQUEST_CAMEO_PREFIXES,
    RESPONSE_CAMEO_PREFIXES,
    Candidate,
    ParticipantFinder,
)
from heron.events.syntax import (
    NON_ACTOR_ENTITY_TYPES,
    OWNER_MODIFIER_DEPS,
    VICTIM_PREPOSITIONS,
    aimed_by_participle,
    by_agents,
    clause_objects,
    closing_attribution_speakers,
    death_causes,
    direct_object,
    has_infinitive_complement,
    helped_people,
    is_beneficiary,
    is_causative_complement,
    is_cited_source,
    is_for_clause,
    is_misparsed_reduced_relative,
    is_named,
    is_non_event,
    is_permitted_act,
    is_place,
    is_purpose_clause,
    is_to_infinitive,
    load_occurrence_verbs,
    object_lemmas,
    of_complements,
    place_recipients,
    places_in_scope,
    purpose_beneficiaries,
    reads_as_verb,
    reporting_verb,
    subject_heads,
    ultimatum_deadline,
    verb_lemma,
)
from heron.records import Actor, Article, DateMention, Event

# Entity types of a direct object that an entry's particle may follow ("pushed the Governor of X for").
NAMED_OBJECT_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP"})
QUOTE_PATTERN = re.compile(r"[\"“”«»„]([^\"“”«»„]{8,})[\"“”«»„]")

# Agreements, threats and reductions of aid or relations whose recipient is often named by a place,
# and arrivals ("arrived in Kabul").
PLACE_DIRECTED_CAMEO_PREFIXES = ("03", "08", "13", "16", "042")

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

# ... and of an act inside what an attitude is about ("said it is skeptical of a Russian announcement that
# it had opened corridors", "is confident the program will meet the deadline"): the attitude is what the
# sentence reports (adjectives: modality.yaml, attitude_adjectives)
ATTITUDE_CONTENT_PENALTY = 0.3
ATTITUDE_CONTENT_DEPTH = 8  # heads climbed from the act ("skeptical of [the announcement that X opened ...]")
# how an attitude adjective, or the copula the parse hangs its complement on, governs what it is about
ATTITUDE_COMPLEMENT_DEPS = frozenset({"prep", "ccomp", "advcl"})

# ... and of an act a clause says will happen, against one that has ("launched an inquiry into X and
# will meet Y": the act done is what the sentence reports)
FUTURE_ACT_PENALTY = 0.03
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall"})

# Comments, rejections and force: what is commented on, rejected or hit is the target itself ("an arms
# depot of the Syrian army", "an offer from the Afghan government"), even when it names an actor.
LITERAL_TARGET_CAMEO_PREFIXES = ("01", "12", "17", "18", "19", "20")
# Disapproval (criticism, opposition): what is opposed stands for itself when it names nobody ("opposed
# resolutions in the United Nations"), like what is rejected; not what is blamed or accused ("blamed
# sanctions for the crisis": the party accused is whom an accusation is aimed at), nor the predicate's own
# noun ("expressed reservations", "filed a complaint").
DISAPPROVAL_CAMEO_PREFIX = "11"

# Giving, easing, mobilising, restricting: when what is given or imposed is a thing ("basic shelter
# materials", "a state of siege"), the place it goes to or applies in stands for the recipient.
THING_TO_PLACE_CAMEO_PREFIXES = ("03", "07", "08", "15", "16", "172", "191")

# ... but people released are the target themselves ("released hundreds of prisoners in Tripoli", also
# as an intent, "will release ...": RELEASE_PERSONS_CAMEO).

# Warnings (CAMEO 13) that may be recoded to a pessimistic comment (_warns_of_circumstance), and the
# quads of the acts that keep a warning a threat.
THREAT_CAMEO_ROOT = "13"
CONFLICT_QUADS = frozenset({"verbal_conflict", "material_conflict"})
# Prepositions that join a gerund to the event noun whose content it is ("help in escorting boats").
GERUND_CONTENT_PREPOSITIONS = frozenset({"in", "with", "on"})
# Appeals, intents and demands (CAMEO 02, 03, 10): a gerund they govern is what is asked or offered.
ASKED_CONTENT_CAMEO_PREFIXES = ("02", "03", "10")
# Prepositions after an event noun that give its topic ("talks on a treaty", "a dispute over a deal",
# "protests against violations by the army").
EVENT_TOPIC_PREPOSITIONS = frozenset({"on", "about", "over", "regarding", "concerning", "against"})
# Light verbs that are material acts themselves (impose, dispatch, wage) code the event noun their
# clause describes (_described_event_noun).
MATERIAL_QUADS = frozenset({"material_cooperation", "material_conflict"})

# Infinitives after "promise"/"vow" that forecast rather than commit ("promises to be a turning point").
PREDICTION_COMPLEMENTS = frozenset({"be", "become", "remain", "prove", "seem", "get"})

# Reporting verbs whose object is the addressee ("told El Tiempo"), never an inverted speaker.
ADDRESSEE_REPORTING_VERBS = frozenset({"tell"})

# Particles that are adverbs of direction, matched right after the object ("ordered the agencies out").
ADVERBIAL_PARTICLES = frozenset({"out", "off", "away", "back"})

# A news outlet's report cites where the news comes from (data/news_attribution.yaml); entity types of a
# speaker that names only a country, which then speaks for itself.
COUNTRY_ENTITY_TYPES = frozenset({"GPE", "NORP"})


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
    # An undated sentence continues the date of the last dated sentence of its paragraph, at most this
    # many sentences on: text without paragraph breaks would otherwise carry one date through the article.
    max_date_carry_sentences: int = 2
    require_participant: bool = False  # drop events with neither a source nor a target actor (stricter)
    calibrate_confidence: bool = True  # map rule scores to probabilities (heron.events.confidence)
    # User dictionaries read after the packaged ones (they extend or override them); paths, so the
    # settings can travel to worker processes.
    actor_files: tuple[str, ...] = ()
    lexicon_files: tuple[str, ...] = ()


class EventCoder(ParticipantFinder):
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
        super().__init__(
            lexicon or load_lexicon(lexicon_paths),
            actors or ActorResolver(extra_files=actor_paths),
            load_modality_rules(),
        )
        self.occurrence_verbs = load_occurrence_verbs()
        self.calibration = default_calibration() if self.settings.calibrate_confidence else None
        self.classifier = TypeClassifier.load() if self.calibration is not None else None

    # ------------------------------------------------------------------ public API
    def code_document(self, article: Article, doc: Doc) -> list[Event]:
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        context = self.actors.scan_document(doc, published)
        self._entities = None
        events: list[Event] = []
        previous: tuple[Span, DateMention] | None = None
        previous_index = 0  # index of the sentence whose date ``previous`` holds
        text = self.actors.document_text(doc)  # spaCy rebuilds Doc.text (and Span.text) on every access
        for sentence_index, sentence in enumerate(doc.sents):
            sentence_text = text[sentence.start_char : sentence.end_char]  # sentence.text
            if len(sentence_text) > self.settings.max_sentence_chars or not sentence_text.strip():
                previous = None
                continue
            dates = self._dates_by_token(sentence, published, sentence_text)
            # A sentence with no date of its own continues the previous sentence of its paragraph
            # ("X and Y agreed on Tuesday to ... The ministers met in Arusha.").
            inherited = previous if (
                previous and "\n" not in text[previous[0].end_char : sentence.start_char]
                and sentence_index - previous_index <= self.settings.max_date_carry_sentences
            ) else None
            coded = self._code_sentence(article, sentence, sentence_text, sentence_index, context, published, dates,
                                        inherited)
            for event in coded:
                events.append(event)
                if len(events) >= self.settings.max_events_per_article:
                    return events
            if dates:
                previous = (sentence, self._main_clause_mention(sentence, dates))
                previous_index = sentence_index
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
        assert self.calibration is not None
        ceiling = 1.0
        for event, inputs in self.calibration_features(sentence, events):
            calibrated = self.calibration.probability_of(inputs)
            event.confidence = round(max(0.001, min(calibrated, ceiling)), 3)
            ceiling = event.confidence - 0.001

    def calibration_features(self, sentence: Span, events: list[Event]) -> list[tuple[Event, list[float]]]:
        """A sentence's events in the rules' order (best first), each with the calibration's inputs: its
        raw rule score and the type classifier's probabilities for the sentence (see heron.events.confidence)."""
        assert self.classifier is not None
        probabilities = self.classifier.predict_proba(sentence, entities=self._document_entities(sentence.doc))
        none_probability = probabilities.get("NONE", 0.0)
        features = []
        for event in sorted(events, key=lambda e: -e.confidence):  # stable: ties keep sentence order
            label = event.plover_type or ("STATEMENT" if event.cameo.startswith("01") else "NONE")
            features.append((event, calibration_inputs(
                event.confidence, probabilities.get(label, 0.0), none_probability, event.plover_type is None
            )))
        return features

    def _find_candidates(self, sentence: Span) -> list[Candidate]:
        candidates: list[Candidate] = []
        consumed: set[int] = set()  # nouns already used as the object of a light verb
        doc = sentence.doc
        tags = self.actors.document_pos(doc)  # read once per document by the actor scan
        for index in range(sentence.start, sentence.end):
            if index in consumed or not (
                tags[index] in ("VERB", "AUX") or (tags[index] == "ADJ" and is_causative_complement(doc[index]))
            ):
                continue  # an adjective is read as the verb it is in "let free two sailors" (parsed as a clause)
            token = doc[index]
            if token.dep_ == "amod":
                continue  # attributive participles describe a noun ("the alleged abuses", "the banned party")
            candidate = (self._ultimatum_candidate(token) or self._verb_candidate(token)
                         or self._fatal_coercion_candidate(token))
            if candidate is None or is_non_event(token):  # "accused of staging ...", "if convicted"
                continue
            consumed.update(t.i for t in candidate.extra)
            candidates.append(candidate)
        for index in range(sentence.start, sentence.end):
            if tags[index] not in ("NOUN", "PROPN") or index in consumed:
                continue
            if reads_as_verb(doc[index]):  # a verb the tagger misread as a noun: "EU and UN hand over ..."
                candidate = self._verb_candidate(doc[index])
                if candidate is not None:
                    consumed.update(t.i for t in candidate.extra)
                    candidates.append(candidate)
                    continue
            candidate = self._noun_candidate(doc[index])
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    def _verb_candidate(self, verb: Token) -> Candidate | None:
        lemma = verb_lemma(verb)
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
                    return Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                return self._commitment_candidate(verb, entry, extra)
            if entry.kind == "light":
                obj, noun_entry = self._light_verb_object(verb)
                if (obj is None or noun_entry is None) and extra:  # "is responsible for mass killings"
                    obj, noun_entry = self._particle_event_noun(extra[0])
                if (obj is None or noun_entry is None) and entry.cameo \
                        and cameo_info(entry.cameo).quad in MATERIAL_QUADS:  # "the sanctions imposed by the EU"
                    obj, noun_entry = self._described_event_noun(verb)
                if obj is not None and noun_entry is not None and noun_entry.cameo:
                    return Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                if entry.cameo:
                    return Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB - 0.1)
                return None
            if entry.kind == "speech":
                # "reiterated its demand", "announced sanctions": an event noun object is the event
                # (not the audience a speech entry names: "told a news conference").
                obj, noun_entry = self._light_verb_object(verb) if not entry.objects else (None, None)
                if obj is not None and noun_entry is not None and noun_entry.cameo and not noun_entry.cameo.startswith("01"):
                    return Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                if not self.settings.code_statements:
                    return None
                return Candidate(verb, extra, entry, entry.cameo or "010", "speech", CONFIDENCE_STATEMENT)
            if entry.cameo:
                return Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB)
        return None

    def _commitment_candidate(self, verb: Token, entry: PredicateEntry, extra: list[Token]) -> Candidate | None:
        """'promised to open its ports', 'vowed to draft a new constitution': a promise whose content is no
        event of its own is still an expressed intent (CAMEO 030; "vowed to retaliate" is coded from its
        complement, a threat). Only the verbs of commitment in modality.yaml, not plans or preparations."""
        if verb_lemma(verb) not in self.modality.commitment_verbs:
            return None
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i and is_to_infinitive(c)), None)
        if complement is None or self._verb_candidate(complement) is not None:
            return None
        if verb_lemma(complement) in PREDICTION_COMPLEMENTS:
            return None  # "the truce promises to be a turning point": a forecast, not a commitment
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects and not any(s.pos_ == "PRON" or self._names_actor(s) for s in subjects):
            return None  # "the new law promises to change ...": only an actor can commit itself
        if any(e.kind == "transparent" for e in self.lexicon.entries_for(verb_lemma(complement), "verb")):
            return None  # "vowed to continue ...": aspect; what continues is coded, or nothing is
        return Candidate(verb, extra, entry, self.modality.commitment_cameo, "event", CONFIDENCE_VERB - 0.1)

    def _reporting_speaker_verb(self, candidate: Candidate) -> Token | None:
        """The speech verb whose subject says the candidate's clause ("X said that Y will ..."), passing
        over a news outlet's report ("Police said the guns cost $1, reports Peru 21": the police say it;
        "X was extradited, reports El Universal": the outlet did not extradite X)."""
        if candidate.kind == "speech":
            return None
        reporter = reporting_verb(candidate.predicate)
        for _ in range(3):
            if reporter is None or not self._cites_news_outlet(reporter):
                return reporter
            reporter = reporting_verb(reporter)
        return None

    def _cites_news_outlet(self, verb: Token) -> bool:
        """'..., El Tiempo reported.', 'Local media reported that ...', '..., reported ABC Color.': a news
        outlet's report (data/news_attribution.yaml)."""
        reporting, outlet_speech = news_attribution_verbs()
        lemma = verb_lemma(verb)
        if lemma not in reporting and lemma not in outlet_speech:
            return False
        closing = closing_attribution_speakers(verb)
        speakers = closing or [h for h in subject_heads(verb) if h.pos_ != "PRON"]
        # an unknown name closing the sentence is an outlet only after "reported" (", Amaya said.")
        unknown_name_is_outlet = bool(closing) and lemma in reporting
        return bool(speakers) and all(self._names_news_source(s, unknown_name_is_outlet) for s in speakers)

    def _names_news_source(self, speaker: Token, closing: bool) -> bool:
        """A media body ("newspaper El Pais", "local media", "Caracol Radio"); closing a sentence after
        "reported", also a name the dictionaries do not know as anyone else ("La Nacion", "Peru 21", "the
        Jamaica Observer")."""
        mention = speaker.doc[speaker.left_edge.i : speaker.right_edge.i + 1]
        words = [(t.lemma_.lower(), t.lower_) for t in mention]
        phrases = [w for pair in words for w in pair] + [
            f"{a[k]} {b[k]}" for a, b in zip(words, words[1:], strict=False) for k in (0, 1)]
        roles = [role for phrase in phrases if (role := self.actors.roles.get(phrase)) is not None and role.sector]
        if roles:  # "newspaper" or "local media", not "a journalist" or "Lima police"
            return any(role.sector == NEWS_SECTOR and role.kind == "body" for role in roles)
        if self._is_news_outlet(speaker):
            return True
        if not closing or speaker.pos_ != "PROPN":
            return False  # (the parser often takes an outlet's name for a person's: "Diario Sur")
        named = [t for t in mention if not (t.is_punct or t.pos_ == "DET")]
        if all(t.ent_type_ in COUNTRY_ENTITY_TYPES for t in named):
            return False  # "..., Mexico reported.": the country speaks
        actor = self.actors.resolve(self.actors.phrase_for(speaker))
        # a country's name inside a longer title ("Peru 21") names the outlet, not the country
        return actor is None or actor.org is None and (
            actor.sector is None or normalize(actor.name or "") in self.actors.countries.names)

    def _ultimatum_candidate(self, verb: Token) -> Candidate | None:
        """'gave the ambassador 72 hours to leave': time given for a demanded act is an ultimatum, coded
        like the noun 'ultimatum'; the demanded act is its content (see _is_content_of_event_verb)."""
        deadline = ultimatum_deadline(verb)
        entry = self.lexicon.noun_entry("ultimatum") if deadline is not None else None
        if deadline is None or entry is None or not entry.cameo:
            return None
        return Candidate(verb, [deadline], entry, entry.cameo, "event", CONFIDENCE_VERB)

    def _fatal_coercion_candidate(self, verb: Token) -> Candidate | None:
        """'died in prison in X after torture': a death from an act only a state's authorities carry
        out (torture) is that act, done to the one who died (see _participants)."""
        for cause in death_causes(verb):
            entry = self._noun_entry(cause)
            if entry is not None and entry.cameo and entry.cameo.startswith(FATAL_COERCION_CAMEO_PREFIXES):
                return Candidate(verb, [cause], entry, entry.cameo, "event", CONFIDENCE_VERB)
        return None

    def _is_content_of_event_verb(self, verb: Token) -> bool:
        """'agreed to set up', 'threatened to invade', 'called on X to halt': the infinitive is the
        content of the governing event (an intent, threat or demand), not an event of its own."""
        if verb.dep_ == "acl" and is_to_infinitive(verb) and verb.head.pos_ == "NOUN":
            # "the offer by Chile to host talks", "a promise by the rebels to lay down their weapons": what
            # is offered, promised or threatened is the content of the event noun, not an act of its own
            entry = self._noun_entry(verb.head)
            return entry is not None and bool(entry.cameo) and cameo_info(entry.cameo).quad not in MATERIAL_QUADS
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_CONTENT_PREPOSITIONS \
                and verb.head.head.pos_ == "NOUN" and self._noun_entry(verb.head.head) is not None:
            return True  # "a request for help in escorting supply boats": what the help is for
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.lower_ in GERUND_CONTENT_PREPOSITIONS:
            # "asked Washington for help in escorting supply boats": what is asked for (the parse hangs
            # the gerund on the verb or on the thing asked for)
            asking = verb.head.head
            if asking.pos_ == "NOUN" and asking.dep_ == "pobj":
                asking = asking.head.head
            if asking.pos_ == "VERB" and any(
                entry.kind == "event" and (entry.cameo or "").startswith(ASKED_CONTENT_CAMEO_PREFIXES)
                and self._match_entry(asking, entry) is not None
                for entry in self.lexicon.entries_for(verb_lemma(asking), "verb")
            ):
                return True
        governor = verb.head.head if verb.dep_ in ("relcl", "acl") else verb.head
        if verb.dep_ in ("advcl", "relcl", "acl", "xcomp") and ultimatum_deadline(governor) is not None:
            return True  # "gave the rebels 48 hours to surrender": the demanded act has not happened
        permitted = is_permitted_act(verb)
        if (verb.dep_ != "xcomp" and not permitted) or verb.head == verb:
            return False
        head = verb.head
        entries = self.lexicon.entries_for(verb_lemma(head), "verb")
        # Only entries that apply here: "began talks" is an event, "began collecting" is aspect.
        # ("allowed inspectors to visit" is receiving inspectors; in "allowed a militia to carry out a
        # massacre" the massacre is an act of its own)
        return any(
            entry.kind == "event" and entry.cameo and (entry.objects or not permitted)
            and self._match_entry(head, entry) is not None for entry in entries
        )

    def _reports_occurrence(self, noun: Token) -> bool:
        """Is the noun an event being reported, not a topic? (rules in data/nominal_events.yaml)"""
        if noun.dep_ == "pobj" and noun.head.lower_ in EVENT_TOPIC_PREPOSITIONS and noun.head.head.pos_ == "NOUN" \
                and self._noun_entry(noun.head.head) is not None:
            return False  # "talks on a peace treaty between X and Y": the treaty is what the talks are about
        if noun.dep_ in ("nsubj", "nsubjpass") and noun.head.lemma_.lower() in self.occurrence_verbs:
            return True
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                return True
            if child.ent_type_ == "DATE" and child.dep_ in ("compound", "nmod", "npadvmod", "amod"):
                return True
        # "the arrest of three politicians by the security service": done by someone (not a source
        # cited, "according to an investigation by the newspaper", nor the press's own inquiries, "an
        # investigation by the Associated Press revealed ...")
        return not is_cited_source(noun) and any(self._names_doer(agent) and not self._is_news_outlet(agent)
                                                 for agent in by_agents(noun, self._is_act))

    def _light_verb_object(self, verb: Token) -> tuple[Token | None, PredicateEntry | None]:
        """The event noun a light verb carries: its object ("held talks"), the object's modifier
        ("launched a mediation effort") or its "of" complement ("gave 5 million dollars of aid")."""
        obj = direct_object(verb)
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
        entry = self._noun_entry(obj) or self._easing_noun_entry(obj)
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

    def _described_event_noun(self, verb: Token) -> tuple[Token | None, PredicateEntry | None]:
        """The event noun a light verb's clause describes, when the clause names who acted: "the
        sanctions imposed by the EU", "the travel bans that the ministers imposed". Only for light verbs
        that are material acts themselves (impose, dispatch, wage): "press releases issued by the
        government", "murders reported" and "an investigation that began" are topics, not acts."""
        head = verb.head
        if head.pos_ != "NOUN":
            return None, None
        obj = direct_object(verb)
        described = (verb.dep_ == "acl" and obj is None and any(c.dep_ == "agent" for c in verb.children)
                     or verb.dep_ == "relcl" and obj is not None and obj.tag_ == "WDT")
        entry = self._noun_entry(head) if described else None
        return (head, entry) if entry is not None else (None, None)

    def _particle_event_noun(self, particle: Token) -> tuple[Token | None, PredicateEntry | None]:
        """The event noun of a light frame's particle: the object of the preposition ("was behind the
        bombing") or of the adjective's preposition ("is responsible for mass killings")."""
        prepositions = [particle] if particle.dep_ == "prep" else [c for c in particle.children if c.dep_ == "prep"]
        for preposition in prepositions:
            for noun in preposition.children:
                if noun.dep_ == "pobj" and (entry := self._noun_entry(noun)) is not None:
                    return noun, entry
        return None, None

    def _noun_candidate(self, noun: Token) -> Candidate | None:
        entry = self._noun_entry(noun) or self._easing_noun_entry(noun)
        if entry is None or not entry.cameo or entry.kind != "event":
            return None
        # A bare nominal only counts when the sentence ties it to a participant:
        # "talks between X and Y", "Russia's proposals", "US sanctions", "sanctions on X", "attack by X".
        sources, targets = self._event_noun_participants(noun)
        if not (sources or targets) or not self._reports_occurrence(noun):
            return None
        return Candidate(noun, [], entry, entry.cameo, "noun", CONFIDENCE_NOUN)

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
            # ... or follows the direct object when that names someone: "pushed the Governor of Arizona
            # for reforms" (not "flew drug flights from Apure to the coast": a thing carried somewhere)
            obj = direct_object(verb)
            if obj is not None and obj.i > verb.i and (obj.pos_ == "PROPN" or obj.ent_type_ in NAMED_OBJECT_TYPES):
                matched += [c for c in verb.children if c.lower_ == words[0] and c.dep_ == "prep"
                            and c.i == obj.right_edge.i + 1
                            and not any(t.ent_type_ in ("DATE", "TIME") for t in c.children)]  # "called X on Monday"
            if obj is not None and obj.i > verb.i and words[0] in ADVERBIAL_PARTICLES:
                # "ordered the aid agencies out of the country", "drove thousands of villagers out of":
                # an adverbial particle right after the object (the parse hangs it on the verb as a preposition)
                matched += [c for c in verb.children if c.lower_ == words[0] and c.dep_ in ("prep", "advmod", "prt")
                            and c.i == obj.right_edge.i + 1]
            if obj is not None and obj.i > verb.i and words[0] == "as":
                # "held families as human shields": an 'as' complement the parse hangs on the object
                matched += [c for c in obj.children if c.dep_ == "prep" and c.lower_ == "as" and c.i == obj.i + 1]
            # ... or the parser reads the particle as a modifier of the object: "let free two sailors"
            following = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
            if following is not None and following.lower_ == words[0] and following.dep_ == "amod" \
                    and following.head.head == verb:
                matched.append(following)
            # The parse may hang the particle on the clause that follows: "called for X to act" (its mark).
            # A "for X to ..." clause may follow the object and its place: "pushed the Congress in Japan
            # for the Constitution to be revised".
            matched += [
                c for child in verb.children if child.dep_ in ("advcl", "ccomp")
                for c in child.children if c.dep_ == "mark" and c.lower_ == words[0]
                and (0 < c.i - verb.i <= 3 or (is_for_clause(child) and is_to_infinitive(child)
                                               and obj is not None and verb.i < obj.i < c.i))
            ]
            if matched:
                extra.append(matched[0])
            elif not (entry.particle == "to" and has_infinitive_complement(verb)):
                return None
        if entry.complements:
            # an infinitive complement, or a purpose clause ("gathered outside parliament to demand",
            # "deployed troops to protect civilians"): both are the content of the entry
            complement = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl") and c.i > verb.i
                               and is_to_infinitive(c) and verb_lemma(c) in entry.complements), None)
            if complement is None:
                return None
            extra.append(complement)
        if entry.objects:
            acted_on = object_lemmas(verb)
            if extra:  # the object of the particle: "called for sanctions", "pulled out of the talks"
                acted_on += [(t, t.lemma_.lower()) for t in extra[0].children if t.dep_ == "pobj"]
                acted_on += [(t, t.lemma_.lower()) for t in of_complements(extra[0])]
            matched_object = next((t for t, lemma in acted_on if lemma in entry.objects), None)
            if matched_object is None:
                return None
            extra.append(matched_object)
        return extra

    # ------------------------------------------------------------------ modes, dates, evidence
    def _aux_modes(self, candidate: Candidate) -> list[str]:
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
        # "willing to forgive" already is the verbal act; but being ready to meet, negotiate or mediate is
        # CAMEO's intent to meet (036/039: modality.yaml, intent_verbal_types).
        intent = (
            predicate.dep_ == "xcomp" and predicate.head.pos_ == "ADJ"
            and predicate.head.lemma_.lower() in self.modality.intent_adjectives
            and (cameo_info(candidate.cameo).quad in MATERIAL_QUADS
                 or cameo_info(candidate.cameo).plover_type in self.modality.intent_verbal_types)
        )
        if intent:  # "is (not) willing to withdraw": the adjective's copula carries the negation
            carriers.extend([predicate.head, predicate.head.head])
        if any(is_negated(token, self.modality) for token in carriers) or (
            predicate.dep_ == "xcomp" and predicate.head.lemma_.lower() in self.modality.negating_verbs
        ) or is_denied_by_frame(predicate, self.modality):
            modes.append(NEGATION)
        if intent or any(is_future(token, self.modality) for token in carriers) or (
            governor is not None and self._governor_signals_future(governor)
        ):
            modes.append(FUTURE)
        if any(is_hypothetical(token, self.modality) for token in carriers):
            modes.append(HYPOTHETICAL)
        return modes

    def _yields_to_pressure(self, predicate: Token) -> bool:
        """Is the act done after, under or in response to pressure, demands or protests ("stepped down
        in response to demands", "resigned after weeks of protests")? The phrase may hang on the
        predicate or on its infinitive."""
        heads = [predicate, *(c for c in predicate.children if c.dep_ == "xcomp")]
        nouns: list[Token] = []
        for head in heads:
            # "following" may be parsed as a verb with its object ("resigned following mass protests")
            for preposition in (c for c in head.children if c.dep_ == "prep" or c.lower_ == "following"):
                objects = [t for t in preposition.children if t.dep_ in ("pobj", "dobj")]
                if preposition.lower_ == "in":  # "in response to demands"
                    objects = [t for response in objects if response.lemma_.lower() == "response"
                               for to in response.children if to.dep_ == "prep" and to.lower_ == "to"
                               for t in to.children if t.dep_ == "pobj"]
                elif preposition.lower_ not in self.modality.yield_prepositions:
                    continue
                nouns += objects
                # "after weeks of protests", "under a wave of demonstrations"
                nouns += [t for noun in objects for t in of_complements(noun)]
        return any(noun.lemma_.lower() in self.modality.yield_pressure_nouns for noun in nouns)

    def _easing_noun_entry(self, noun: Token) -> PredicateEntry | None:
        """The entry of an easing noun read as its verb with its "of" object ("an easing of sanctions" as
        "eased sanctions", "the lifting of the state of emergency"); None when no object-specific entry
        of the verb names what is eased."""
        verb = self.modality.easing_nouns.get(noun.lemma_.lower())
        if verb is None:
            return None
        eased = of_complements(noun)
        lemmas: list[str] = []
        for head in eased:
            lemma = head.lemma_.lower()
            compounds = [c.lemma_.lower() for c in head.children if c.dep_ in ("compound", "amod") and c.i < head.i]
            lemmas += [f"{compounds[-1]} {lemma}"] if compounds else []
            lemmas += [f"{lemma} of {t.lemma_.lower()}" for t in of_complements(head)]  # "state of emergency"
            lemmas.append(lemma)
        for entry in self.lexicon.entries_for(verb, "verb"):
            if entry.objects and not entry.particle and not entry.complements and entry.kind == "event" \
                    and any(lemma in entry.objects for lemma in lemmas):
                return entry
        return None

    def _embedding_penalty(self, predicate: Token) -> float:
        """Events in the main clause are what a sentence reports; those in relative or adverbial
        clauses are background, and the content of a demand or threat ("demanded that X refuse")
        has not happened."""
        penalty = 0.05 if is_misparsed_reduced_relative(predicate) else 0.0
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
                obj = direct_object(token.head)
                if obj is not None and obj.i < token.i and self._noun_entry(obj) is not None:
                    penalty += 0.15  # the same, parsed as a clause of the verb: "reiterated its demand that ..."
            token = token.head
        return penalty

    def _is_attitude_content(self, predicate: Token) -> bool:
        """Is the act inside what an adjective of attitude is about: its "of/about" phrase or that-clause
        ("skeptical about Iranian motives in providing payments", "skeptical the program would meet the
        deadline"), also where the parse hangs these on the copula ("is skeptical [in providing ...]")?"""
        attitudes = self.modality.attitude_adjectives
        token = predicate
        for _ in range(ATTITUDE_CONTENT_DEPTH):
            if token.head == token:
                return False
            governed, token = token, token.head
            if governed.dep_ not in ATTITUDE_COMPLEMENT_DEPS:
                continue
            if token.pos_ == "ADJ" and token.lemma_.lower() in attitudes:
                return True
            if token.pos_ in ("AUX", "VERB") and any(
                c.dep_ == "acomp" and c.lemma_.lower() in attitudes and c.i < governed.i for c in token.children
            ):
                return True
        return False

    def _arrival_places(self, predicate: Token) -> list[Token]:
        """Where the arrival this act is the purpose of takes place ("arrived in Nepal to help deliver
        aid" -> Nepal); empty when the act is not the purpose of an arrival."""
        clause = predicate
        while clause.dep_ == "xcomp" and clause.head.pos_ == "VERB" and not is_purpose_clause(clause):
            clause = clause.head  # "to help deliver aid": the purpose is the outermost infinitive
        if not is_purpose_clause(clause):
            return []
        arrival = clause.head
        if not any(entry.cameo and entry.cameo.startswith(VISIT_CAMEO) and entry.kind == "event"
                   for entry in self.lexicon.entries_for(verb_lemma(arrival), "verb")):
            return []
        return place_recipients(arrival)

    def _done_by_non_agents(self, candidate: Candidate, source_heads: list[Token]) -> bool:
        """Is the act done only by things that cannot act (data/non_agents.yaml): "floods killed 19
        people", "the yen retreated", or, with no doer, force suffered in one ("workers killed in a gas
        explosion", "wounded in a landslide")?"""
        if source_heads:
            return all(self._is_non_agent(head) for head in source_heads)
        # a subject the participant reading did not keep as a doer is still what the clause says acted
        subjects = [c for c in candidate.predicate.children if c.dep_ == "nsubj"]
        if subjects and all(self._is_non_agent(s) for s in subjects):
            return True
        if not candidate.cameo.startswith(FORCE_CAMEO_ROOTS):
            return False
        return any(child.dep_ in ("prep", "agent") and child.lower_ in ("in", "by")
                   and any(g.dep_ == "pobj" and self._is_non_agent(g) for g in child.children)
                   for child in candidate.predicate.children)

    def _is_non_agent(self, head: Token) -> bool:
        classes = non_agent_nouns()
        compounds = [c.lemma_.lower() for c in head.children if c.dep_ == "compound"]
        hazards = classes.get("hazards", frozenset())
        if head.pos_ == "PROPN":  # a named storm: "Cyclone Tala", "Hurricane Ian"
            return any(c in hazards for c in compounds)
        lemma = head.lemma_.lower()
        names = {lemma, *(f"{c} {lemma}" for c in compounds)}
        for name, nouns in classes.items():
            if not names & nouns:
                continue
            # "Israeli fire", "army fire", "police dogs": a hazard or an animal whose modifier names who
            # caused or sent it is their act (market figures stay figures: "Aramco shares rallied")
            return name == "market_figures" or not any(
                c.dep_ in OWNER_MODIFIER_DEPS and self._names_actor(c) for c in head.children)
        return False

    def _warns_of_circumstance(self, verb: Token) -> bool:
        """'warned that inflation could rise', 'warned shareholders that profits would shrink': the warned
        clause's subject names no actor and the clause holds no act of conflict, so nobody threatens
        anything ('warned that it would retaliate', 'warned that police will not tolerate rallies' and
        'warned that any attack would be met with force' stay threats)."""
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        if not clauses:
            return False
        for clause in clauses:
            subjects = subject_heads(clause)
            if not subjects or any(s.pos_ == "PRON" or self._names_actor(s) for s in subjects):
                return False
            if any(self._signals_conflict(token) for token in clause.subtree):
                return False
        return True

    def _signals_conflict(self, token: Token) -> bool:
        if token.pos_ in ("VERB", "AUX"):
            entries = [e for e in self.lexicon.entries_for(verb_lemma(token), "verb")
                       if e.cameo and self._match_entry(token, e) is not None]
        elif token.pos_ == "NOUN":
            entry = self._noun_entry(token)
            entries = [entry] if entry is not None and entry.cameo else []
        else:
            return False
        return any(cameo_info(e.cameo).quad in CONFLICT_QUADS for e in entries if e.cameo)

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
        """Map each date phrase in the sentence (``text``: its text) to the verb it modifies (token index).

        A phrase in a future clause ("will sign on March 20", "are expected to meet on Saturday") names
        the coming day, so it is read forward from publication; elsewhere, the most recent one.
        """
        mentions = find_dates(text, published)
        forward = {(m.start, m.end): m for m in find_dates(text, published, future=True)} if mentions else {}
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
            if (mention.start, mention.end) in forward and self._clause_is_future(token):
                mention = forward[(mention.start, mention.end)]
            attached.setdefault(token.i, mention)
        return attached

    def _clause_is_future(self, verb: Token) -> bool:
        """'will sign', 'is going to meet', 'plans to visit', and 'will meet ... and sign' (a conjunct
        without its own auxiliary shares the first verb's)."""
        if is_future(verb, self.modality):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head == verb:
            return False
        governor = verb.head
        if verb.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
            return False
        # "plans to visit on Monday", "are expected to meet on Saturday" look ahead; "vowed (was expected)
        # to retaliate on Tuesday" dates the vow
        past = governor.tag_ == "VBD" or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in governor.children
        )
        return is_future(governor, self.modality) or (
            verb.dep_ == "xcomp" and not past and self._governor_signals_future(governor)
        )

    @staticmethod
    def _main_clause_mention(sentence: Span, dates: dict[int, DateMention]) -> DateMention:
        """The date a following sentence of the paragraph continues: the last one of the main clause and
        its conjuncts ("In December, X unveiled drafts, and in January talks were held. No compromise
        was reached." continues January); without one there, the sentence's first date."""
        main = [mention for index, mention in dates.items() if _in_main_clause(sentence.doc[index])]
        if main:
            return max(main, key=lambda m: m.start)
        return min(dates.values(), key=lambda m: m.start)

    def _event_date(
        self, candidate: Candidate, dates: dict[int, DateMention], sentence: Span
    ) -> DateMention | None:
        token = candidate.predicate
        for _ in range(6):
            if token.i in dates:
                return dates[token.i]
            if token.head == token:
                break
            token = token.head
        # "released the soldiers, handing them over on Tuesday": a participle clause without a subject
        # of its own tells how the act was done, and its date is the act's
        for child in candidate.predicate.children:
            if child.i in dates and child.dep_ == "advcl" and child.tag_ == "VBG" and not any(
                c.dep_ in ("nsubj", "nsubjpass", "mark") for c in child.children
            ):
                return dates[child.i]
        # A nominal event ("the December 20 call") or a date attached elsewhere in a one-event sentence
        # ("in a statement issued on Friday"); not a year inside a clause that describes another noun
        # ("troops deployed after 1997", "a law passed in 2015"): that is the noun's history, not the
        # event's date (a clause about the event noun itself, "the probe, which began in 2011", is, and so
        # is the medium the act was done in: "in a report issued in 2013, X highlighted")
        if dates and len(dates) == 1:
            index, mention = next(iter(dates.items()))
            clause = sentence.doc[index]
            noun = clause.head
            medium = noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head == candidate.predicate
            about_other_noun = clause.dep_ in ("relcl", "acl") and noun != candidate.predicate and not medium
            if not (mention.precision == "year" and about_other_noun):
                return mention
        return None

    def _location(self, candidate: Candidate, actor_spans: list[tuple[int, int]]) -> str | None:
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

    def _build_event(
        self,
        article: Article,
        sentence: Span,
        sentence_text: str,
        sentence_index: int,
        candidate: Candidate,
        context: object,
        published: date | None,
        dates: dict[int, DateMention],
        inherited: tuple[Span, DateMention] | None = None,
    ) -> Event | None:
        self._local_countries.clear()
        if candidate.kind == "speech" and candidate.cameo.startswith(STATEMENT_CAMEO_ROOT) \
                and self._cites_news_outlet(candidate.predicate):
            return None  # "..., El Tiempo reported.": where the news comes from, not an event
        source_heads, target_heads = self._participants(candidate)
        target_heads = [inner for head in target_heads for inner in self._named_target(head, candidate, source_heads)]
        reporter = self._reporting_speaker_verb(candidate)
        if reporter is not None and source_heads and all(h.lower_ in ANAPHORIC_PRONOUNS for h in source_heads):
            # "Netanyahu says he will seek support": the pronoun refers back to the speaker
            speakers = [h for h in subject_heads(reporter) if h.pos_ != "PRON"]
            source_heads = speakers or source_heads
        elif reporter is not None and source_heads and self._speaks_for_subject(candidate.predicate, reporter, source_heads):
            # "Prime Minister X announced that the government will extend the curfew": the speaker
            # announces their own side's act
            source_heads = [h for h in subject_heads(reporter) if h.pos_ != "PRON"] or source_heads
        if candidate.kind != "speech" and self._done_by_non_agents(candidate, source_heads):
            return None  # "floods killed 19 people", "shares rallied 4 percent": no one acted
        # What a material act is done to is its recipient even when the dictionaries do not know it
        # ("attacked a military base", "released dozens of activists"); likewise what does it ("a car
        # bomb killed ...").
        material = cameo_info(candidate.cameo).quad in ("material_conflict", "material_cooperation")
        sources = self._make_actors(source_heads, context, published, keep_unknown_nouns=material)
        # "investigating the murder of a police officer": the victim named by the crime is not who is
        # investigated, so the crime stays whole
        investigated_violence = candidate.cameo.startswith(INVESTIGATE_CAMEO_PREFIX) and any(
            head.pos_ == "NOUN" and (entry := self._noun_entry(head)) is not None
            and (entry.cameo or "")[:2] in FORCE_CAMEO_ROOTS for head in target_heads)
        targets = self._make_targets(
            target_heads, context, published, keep_unknown_nouns=material,
            keep_topics=candidate.cameo.startswith("01"), literal=candidate.cameo.startswith(LITERAL_TARGET_CAMEO_PREFIXES),
            answered=candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES) or self._violated_named(candidate)
            or investigated_violence,
            kept_heads=self._unnamed_parties(candidate, target_heads),
        )
        given_targets = targets
        if candidate.cameo.startswith(DISPATCH_CAMEO_PREFIXES):
            targets = self._dispatch_targets(candidate, source_heads, target_heads, targets, context, published)
        if targets and targets is given_targets and candidate.cameo.startswith(THING_TO_PLACE_CAMEO_PREFIXES) \
                and RELEASE_PERSONS_CAMEO not in (candidate.cameo, candidate.entry.cameo) \
                and not any(a.country or a.org or a.sector for a in targets) and not any(is_named(h) for h in target_heads) \
                and not any(self._is_party_mention(a, sentence.doc) for a in targets):
            # "provided basic shelter materials ... in Haiti", "lifted a state of emergency in northern
            # parts of South Sudan": what is given, eased or imposed is a thing; where is the recipient
            places = [p for p in places_in_scope(candidate.predicate, target_heads) if p not in source_heads]
            targets = self._make_actors(places, context, published, keep_unknown_nouns=True) or targets
        if not targets and material and (aimed := [t for t in aimed_by_participle(candidate.predicate) if t not in source_heads]):
            # "carried out a raid, targeting militant commanders in X": whom the act was aimed at
            targets = self._make_targets(aimed, context, published, keep_unknown_nouns=True)
        if not targets and (material or candidate.cameo.startswith(PLACE_DIRECTED_CAMEO_PREFIXES)):
            # "declared a ceasefire in Yemen", "suspended aid deliveries in Borno State", "agreed to lay
            # down its weapons in Russia": where the act applies stands for whom it applies to
            # ... or where what it promises or threatens goes: "agreed to set up a research centre in
            # Tokyo", "threatened to impose a curfew in Algiers"
            clauses = [c for c in candidate.predicate.children if c.dep_ == "xcomp"]
            force = candidate.cameo.startswith(FORCE_CAMEO_ROOTS)
            carriers = [candidate.predicate, *(t for t in candidate.extra if t.pos_ == "NOUN"), *clauses,
                        *(o for clause in clauses if (o := direct_object(clause)) is not None)]
            places = next((found for carrier in carriers if (found := place_recipients(carrier))), []) or [
                # "offered to send troops to help the Philippine army": whom the act is meant to help
                t for carrier in (candidate.predicate, *clauses) for t in purpose_beneficiaries(carrier)
                if self._names_actor(t)
            ] or (
                # further in: "returned 12 human skulls that date back to ... to Peru", "aid to the
                # Palestinian people", "a ceasefire effective from Sunday in Somalia"
                places_in_scope(candidate.predicate, list(candidate.extra), opponents=True, recipients=True,
                                victims=force)
            )
            places = [p for p in places if p not in source_heads]
            # "a curfew in parts of Kashmir": force or coercion applied to a place noun hits that place even
            # when no dictionary knows it; so does force what it hits ("on the headquarters in X")
            targets = self._make_actors(places, context, published, keep_unknown_nouns=(
                all(map(is_place, places)) and cameo_info(candidate.cameo).quad == "material_conflict"
                or force and any(p.head.lower_ in VICTIM_PREPOSITIONS for p in places)))
        if candidate.cameo.startswith(REQUEST_CAMEO_PREFIXES) and (
            aims := [a for a in self._appealed_protest_aims(candidate.predicate) if a not in source_heads]
        ):
            # "called on workers to mobilize against X": an appeal to protest is aimed at what is opposed
            targets = self._make_targets(aims, context, published, keep_unknown_nouns=True, answered=True) or targets
        if not targets and candidate.cameo.startswith(REQUEST_CAMEO_PREFIXES) \
                and not candidate.cameo.startswith(APPEAL_FOR_AID_CAMEO):
            # "called for reform in US laws", "demanded changes in Iraq": whom what is asked for is to change
            # (not aid sought "in Syria": where it is needed)
            changed = [gc for word in (candidate.predicate, *candidate.extra) for c in word.children
                       if c.dep_ == "prep" and c.lower_ == "in" for gc in c.children
                       if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES and self._names_actor(gc)]
            targets = self._make_targets([t for t in changed if t not in source_heads], context, published)
        if not targets and is_purpose_clause(candidate.predicate):
            purpose_targets = [t for t in self._purpose_targets(candidate.predicate.head) if t not in source_heads]
            targets = self._make_actors(purpose_targets, context, published)
        if not targets:
            # ... or the act itself names them: "sought aid for war victims", "to support services for
            # children in X"
            helped = [t for t in self._purpose_objects(candidate.predicate) or helped_people(candidate.predicate)
                      if t not in source_heads]
            # ("to help victims of the flood": people helped are kept though no dictionary knows them)
            targets = self._make_actors(helped, context, published,
                                        keep_unknown_nouns=bool(helped) and all(is_beneficiary(t) for t in helped))
        if not targets and (candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES) or self._violated_named(candidate)
                            or candidate.cameo.startswith(DISAPPROVAL_CAMEO_PREFIX) and candidate.kind == "event"
                            and not candidate.cameo.startswith(ACCUSE_CAMEO)
                            and direct_object(candidate.predicate) not in candidate.extra):
            fallback = [t for t in self._rejected_or_commented(candidate) if t not in source_heads]
            targets = self._make_targets(fallback, context, published, keep_unknown_nouns=True, keep_topics=True,
                                         literal=True, answered=True)
        if material and (hosts := [p for p in self._arrival_places(candidate.predicate) if p not in source_heads]):
            # "troops have arrived in Mali to join the UN mission", "... in Nepal to help deliver aid to
            # remote areas": help that comes with an arrival is given to where it arrives
            targets = self._make_actors(hosts, context, published) or targets
        if candidate.cameo.startswith(PROTEST_CAMEO_PREFIX) and (aims := self._protest_aims(candidate)):
            # "a demonstration at the university against the siege of X", "went on strike to protest
            # the president's decision": what the protest opposes, before where it is held
            targets = self._make_targets(aims, context, published, keep_unknown_nouns=True, answered=True) or targets
        elif candidate.cameo.startswith(PROTEST_CAMEO_PREFIX) and not any(a.country or a.org for a in targets):
            # "a strike that shut down Kathmandu", "a drive to convince Parliament to ...", "to press
            # their demands from the president's government": a protest is aimed at whom its own
            # clause names
            addressed = [a for a in self._make_actors(clause_objects(candidate.predicate, source_heads), context, published)
                         if a.country or a.org]
            targets = addressed[:1] or targets
        reported_by = reporter
        if not sources and reported_by is not None:
            # "Moscow would give a military response", said Gavrilov: the speaker stands behind it.
            sources = self._make_actors(subject_heads(reported_by), context, published)
        if candidate.kind == "speech" and not sources:
            return None
        if not sources and not targets and self.settings.require_participant:
            # Nobody the dictionaries or the parser recognise takes part ("Bulls attacked the moving
            # average", "a strike of lightning set fire to a barn"): not a political event.
            return None

        self.place_local_actors(sources + targets)
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
        if candidate.kind == "speech":
            sources, targets = _inverted_report_speaker(candidate.predicate, sources, targets)
        modes = self._aux_modes(candidate)
        cameo = candidate.cameo
        confidence = candidate.confidence
        info = cameo_info(cameo)
        yielded = self._yields_to_pressure(candidate.predicate)
        if candidate.entry.plover_type and candidate.entry.cameo == cameo and not yielded:
            # the manual's type for this predicate; any recoding below (negation, threats) replaces it
            # (a resignation in response to demands keeps CAMEO's CONCEDE: it accedes to them)
            info = replace(info, plover_type=candidate.entry.plover_type, plover_mode=candidate.entry.plover_mode)
        if candidate.kind == "event" and cameo.startswith(THREAT_CAMEO_ROOT) \
                and verb_lemma(candidate.predicate) in self.modality.warning_verbs \
                and self._warns_of_circumstance(candidate.predicate):
            # "warned that inflation could rise": a warning about what no one will do is a pessimistic
            # comment, not a threat
            cameo = self.modality.pessimistic_comment_cameo
            info = cameo_info(cameo)
        if candidate.kind == "speech" and cameo.startswith("01"):
            # "X said the government must ensure security": an obligation put on someone is a demand,
            # even when what is demanded is not itself an event the lexicon knows.
            for clause in (c for c in candidate.predicate.children if c.dep_ == "ccomp"):
                obliged = self._make_actors(subject_heads(clause), context, published)
                if (obliged and NEGATION not in self._aux_modes(Candidate(clause, [], candidate.entry, cameo, "event", 0))
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
            speakers = self._make_actors(subject_heads(reported_by), context, published)
            if speakers:
                sources, targets = speakers, sources or targets
                cameo = self.modality.demand_cameo
                info = cameo_info(cameo)
        hopers = self._hopers(candidate, context, published) if sources else []
        if hopers:
            # "X hopes Japan will persuade Y to lift sanctions": X's statement about Japan
            sources, targets = hopers, sources
        if HYPOTHETICAL in modes and candidate.entry.complements and cameo in self.modality.hypothetical_protection:
            # "troops could be sent to protect Serbs": a deployment only hinted at is a show of force, whatever
            # its stated purpose; recoded as the deployment, which the hypothetical then makes a threat
            cameo = self.modality.hypothetical_protection[cameo]
            info = cameo_info(cameo)
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

        if (info.plover_type == "ASSAULT" and cameo not in self.modality.crowd_violence_kept
                or cameo in self.modality.crowd_violence_also) and sources and all(
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
        if self._is_attitude_content(candidate.predicate):
            confidence -= ATTITUDE_CONTENT_PENALTY
        if FUTURE in modes and candidate.predicate.dep_ == "conj" and candidate.predicate.head.pos_ == "VERB" and any(
            c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in candidate.predicate.children
        ):
            confidence -= FUTURE_ACT_PENALTY  # its own "will": the conjunct it follows has happened
        if reported_by is not None and candidate.kind != "speech" and candidate.cameo.startswith(STATEMENT_CAMEO_ROOT) \
                and source_heads and not set(source_heads) & set(subject_heads(reported_by)) \
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

        # ("let free the activists": a word of the predicate read as a modifier of its object; the nouns
        # of a predicate's pattern, "accepted Syrian refugees", are its object's own)
        predicate_words = {t.i for t in (candidate.predicate, *candidate.extra)
                           if t.pos_ not in ("NOUN", "PROPN", "PRON", "NUM")}
        sources = without_predicate_words(sources, sentence.doc, predicate_words)
        targets = without_predicate_words(targets, sentence.doc, predicate_words)
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


def _inverted_report_speaker(verb: Token, sources: list[Actor], targets: list[Actor]) -> tuple[list[Actor], list[Actor]]:
    """'..., reported Proceso': a news outlet right after a reporting verb with no subject before it is
    its speaker, though the parse reads it as the verb's object and takes a subject from the report."""
    if (verb.lemma_.lower() in ADDRESSEE_REPORTING_VERBS or verb.i == 0
            or verb.doc[verb.i - 1].lower_ not in (",", '"', "'", "”")
            or any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)):
        # "the minister told El Faro", "denied it but told El Tiempo": the outlet is whom it was told to;
        # the inverted report follows a comma or a quotation (parsed as a conjunct: "..., reported EFE")
        return sources, targets
    text = verb.doc.text
    verb_end = verb.idx + len(verb)
    speakers = [a for a in targets if a.sector == NEWS_SECTOR and a.start >= verb_end
                and text[verb_end:a.start].strip().lower() in ("", "the")]
    if not speakers or any(a.sector == NEWS_SECTOR for a in sources):
        return sources, targets
    return speakers, [a for a in targets if a not in speakers]


def _in_main_clause(token: Token) -> bool:
    """The sentence's root verb or one of its conjuncts ("X unveiled ..., and talks were held")."""
    for _ in range(8):
        if token.dep_ != "conj" or token.head == token:
            break
        token = token.head
    return token.dep_ == "ROOT"


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

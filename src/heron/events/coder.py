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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from heron.actors import ActorResolver
from heron.dates import find_dates
from heron.events.cameo import cameo_info
from heron.events.lexicon import Lexicon, PredicateEntry, load_lexicon
from heron.events.modality import (
    FUTURE,
    HYPOTHETICAL,
    NEGATION,
    ModalityRules,
    has_conditional_phrase,
    is_future,
    is_hypothetical,
    is_negated,
    load_modality_rules,
)
from heron.records import Actor, Article, DateMention, Event

SUBJECT_DEPS = ("nsubj", "csubj")
PASSIVE_SUBJECT_DEPS = ("nsubjpass", "csubjpass")
# Prepositions that introduce the recipient of an action ("met with X", "sanctions on X").
TARGET_PREPOSITIONS = ("with", "to", "against", "on", "at", "toward", "towards", "into", "for", "from", "upon", "over")
PRONOUNS_WITHOUT_REFERENT = {"it", "this", "that", "which", "what", "there", "these", "those", "who", "whom"}
QUOTE_PATTERN = re.compile(r"[\"“”«»„]([^\"“”«»„]{8,})[\"“”«»„]")

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
        self.lexicon = lexicon or load_lexicon(tuple(lexicon_files))
        self.actors = actors or ActorResolver(extra_files=tuple(actor_files))
        self.modality: ModalityRules = load_modality_rules()
        self.settings = settings or CoderSettings()

    # ------------------------------------------------------------------ public API
    def code_document(self, article: Article, doc: Doc) -> list[Event]:
        published = article.published.date() if isinstance(article.published, datetime) else article.published
        context = self.actors.scan_document(doc, published)
        events: list[Event] = []
        for sentence_index, sentence in enumerate(doc.sents):
            if len(sentence.text) > self.settings.max_sentence_chars or not sentence.text.strip():
                continue
            for event in self._code_sentence(article, sentence, sentence_index, context, published):
                events.append(event)
                if len(events) >= self.settings.max_events_per_article:
                    return events
        return events

    # ------------------------------------------------------------------ sentence level
    def _code_sentence(
        self, article: Article, sentence: Span, sentence_index: int, context: object, published: date | None
    ) -> Iterable[Event]:
        candidates = self._find_candidates(sentence)
        if not candidates:
            return []
        dates = self._dates_by_token(sentence, published)
        events = []
        for candidate in candidates:
            event = self._build_event(article, sentence, sentence_index, candidate, context, published, dates)
            if event is not None:
                events.append(event)
        return events

    def _find_candidates(self, sentence: Span) -> list[_Candidate]:
        candidates: list[_Candidate] = []
        consumed: set[int] = set()  # nouns already used as the object of a light verb
        for token in sentence:
            if token.pos_ not in ("VERB", "AUX") or token.i in consumed:
                continue
            candidate = self._verb_candidate(token)
            if candidate is None:
                continue
            consumed.update(t.i for t in candidate.extra)
            candidates.append(candidate)
        for token in sentence:
            if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
                continue
            candidate = self._noun_candidate(token)
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    def _verb_candidate(self, verb: Token) -> _Candidate | None:
        lemma = verb.lemma_.lower()
        for entry in self.lexicon.entries_for(lemma, "verb"):
            extra = self._match_entry(verb, entry)
            if extra is None:
                continue
            if entry.kind == "transparent":
                return None  # the infinitive complement carries the event
            if entry.kind == "light":
                obj = _direct_object(verb)
                noun_entry = self.lexicon.noun_entry(obj.lemma_.lower()) if obj is not None else None
                if noun_entry is not None and noun_entry.cameo:
                    return _Candidate(verb, [*extra, obj], noun_entry, noun_entry.cameo, "light", CONFIDENCE_LIGHT)
                if entry.cameo:
                    return _Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB - 0.1)
                return None
            if entry.kind == "speech":
                if not self.settings.code_statements:
                    return None
                return _Candidate(verb, extra, entry, entry.cameo or "010", "speech", CONFIDENCE_STATEMENT)
            if entry.cameo:
                return _Candidate(verb, extra, entry, entry.cameo, "event", CONFIDENCE_VERB)
        return None

    def _noun_candidate(self, noun: Token) -> _Candidate | None:
        entry = self.lexicon.noun_entry(noun.lemma_.lower())
        if entry is None or not entry.cameo or entry.kind != "event":
            return None
        # A bare nominal only counts when the sentence ties it to a participant:
        # "talks between X and Y", "Russia's proposals", "US sanctions", "sanctions on X", "attack by X".
        if not (_noun_participants(noun)[0] or _noun_participants(noun)[1]):
            return None
        return _Candidate(noun, [], entry, entry.cameo, "noun", CONFIDENCE_NOUN)

    @staticmethod
    def _match_entry(verb: Token, entry: PredicateEntry) -> list[Token] | None:
        """Tokens that complete the entry (particle / required object), or None if it does not apply."""
        extra: list[Token] = []
        if entry.particle:
            words = entry.particle.split()
            matched = [c for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "acomp", "dative") and c.lower_ == words[0]]
            if not matched:
                return None
            extra.append(matched[0])
        if entry.objects:
            obj = _direct_object(verb)
            if obj is None or obj.lemma_.lower() not in entry.objects:
                return None
            extra.append(obj)
        return extra

    # ------------------------------------------------------------------ participants
    def _participants(self, candidate: _Candidate) -> tuple[list[Token], list[Token]]:
        predicate = candidate.predicate
        if candidate.kind == "noun":
            return _noun_participants(predicate)
        sources = _subject_heads(predicate)
        targets: list[Token] = []
        passive_subjects = [c for c in predicate.children if c.dep_ in PASSIVE_SUBJECT_DEPS]
        if passive_subjects:
            targets = passive_subjects
            agents = [gc for c in predicate.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            sources = agents
        elif candidate.kind != "speech":
            obj = _direct_object(predicate)
            if obj is not None and obj not in candidate.extra:
                targets = [obj]
            else:
                targets = _recipient_heads(predicate, candidate)
            if candidate.kind == "light" and not targets:
                noun = candidate.extra[-1]
                targets = _noun_participants(noun)[1]
        else:
            # "told reporters", "said to X": the addressee of a statement
            targets = [c for c in predicate.children if c.dep_ in ("dobj", "dative")]
        return sources, targets

    def _make_actors(self, heads: list[Token], context: object, published: date | None) -> list[Actor]:
        actors: list[Actor] = []
        seen: set[tuple[int, int]] = set()
        for head in _expand_conjuncts(heads):
            if head.lower_ in PRONOUNS_WITHOUT_REFERENT or head.pos_ in ("VERB", "AUX", "NUM", "ADV"):
                continue
            span = self.actors.phrase_for(head)
            key = (span.start_char, span.end_char)
            if key in seen:
                continue
            seen.add(key)
            actor = self.actors.resolve(span, context, published)
            if actor is None:
                if head.pos_ == "PRON" or head.pos_ not in ("NOUN", "PROPN"):
                    continue
                actor = Actor(text=span.text, start=span.start_char, end=span.end_char)
            actors.append(actor)
        return actors

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
        if any(is_negated(token, self.modality) for token in carriers):
            modes.append(NEGATION)
        if any(is_future(token, self.modality) for token in carriers) or (
            governor is not None and self._governor_signals_future(governor)
        ):
            modes.append(FUTURE)
        if any(is_hypothetical(token, self.modality) for token in carriers):
            modes.append(HYPOTHETICAL)
        return modes

    def _transparent_lemmas(self, governor: Token) -> set[str]:
        lemma = governor.lemma_.lower()
        return {lemma} if any(e.kind == "transparent" for e in self.lexicon.entries_for(lemma, "verb")) else set()

    def _governor_signals_future(self, governor: Token) -> bool:
        return any(e.future for e in self.lexicon.entries_for(governor.lemma_.lower(), "verb"))

    def _dates_by_token(self, sentence: Span, published: date | None) -> dict[int, DateMention]:
        """Map each date phrase in the sentence to the verb it modifies (token index)."""
        mentions = find_dates(sentence.text, published)
        attached: dict[int, DateMention] = {}
        for mention in mentions:
            span = sentence.doc.char_span(
                sentence.start_char + mention.start, sentence.start_char + mention.end, alignment_mode="expand"
            )
            if span is None:
                continue
            token = span.root
            for _ in range(8):
                if token.pos_ in ("VERB", "AUX") or token.head is token:
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
            if token.head is token:
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
            span = _entity_span(token)
            if any(start <= span.start_char < end for start, end in actor_spans):
                continue
            return span.text
        return None

    def _build_event(
        self,
        article: Article,
        sentence: Span,
        sentence_index: int,
        candidate: _Candidate,
        context: object,
        published: date | None,
        dates: dict[int, DateMention],
    ) -> Event | None:
        source_heads, target_heads = self._participants(candidate)
        sources = self._make_actors(source_heads, context, published)
        targets = self._make_actors(target_heads, context, published)
        reported_by = _reporting_verb(candidate.predicate) if candidate.kind != "speech" else None
        if not sources and reported_by is not None:
            # "Moscow would give a military response", said Gavrilov: the speaker stands behind it.
            sources = self._make_actors(_subject_heads(reported_by), context, published)
        if candidate.kind == "speech" and not sources:
            return None

        modes = self._aux_modes(candidate)
        cameo = candidate.cameo
        confidence = candidate.confidence
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
        if has_conditional_phrase(candidate.predicate, self.modality) and info.plover_type in (
            "ASSAULT",
            "COERCE",
            "SANCTION",
            "MOBILIZE",
        ):
            cameo = self.modality.recoded_cameo(HYPOTHETICAL, info.plover_type) or cameo
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

        tokens = sorted([candidate.predicate, *candidate.extra], key=lambda t: t.i)
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
        mention = self._event_date(candidate, dates, sentence)
        if mention is not None:
            event_date: date | None = mention.value
            date_fields = dict(
                date_text=mention.text,
                date_start=sentence.start_char + mention.start,
                date_end=sentence.start_char + mention.end,
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
            match = QUOTE_PATTERN.search(sentence.text)
            if match:
                quote = match.group(1).strip()
                speaker = sources[0].name or sources[0].text if sources else None

        actor_spans = [(a.start, a.end) for a in sources + targets]
        event_id = hashlib.sha1(f"{article.article_id}:{start}:{end}:{cameo}".encode()).hexdigest()[:16]
        return Event(
            event_id=event_id,
            article_id=article.article_id,
            sentence_index=sentence_index,
            sentence=sentence.text,
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


# ---------------------------------------------------------------------- parse helpers
def _direct_object(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("dobj", "obj"):
            return child
    # "held talks" parsed with the object as attr/oprd in some sentences
    for child in verb.children:
        if child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN":
            return child
    return None


def _subject_heads(predicate: Token) -> list[Token]:
    """The subject, following control ("agreed to set up"), coordination and relative clauses."""
    token = predicate
    for _ in range(6):
        subjects = [c for c in token.children if c.dep_ in SUBJECT_DEPS]
        if subjects:
            return subjects
        if token.dep_ == "xcomp":
            head = token.head
            # Object control: "called on Russia to de-escalate", "urged Iran to stop".
            objects = [c for c in head.children if c.dep_ in ("dobj",)]
            if objects and head.lemma_.lower() in ("urge", "ask", "call", "tell", "order", "force", "press", "invite"):
                return objects
            token = head
            continue
        if token.dep_ == "conj":
            token = token.head
            continue
        if token.dep_ == "relcl":
            return [token.head]
        if token.dep_ in ("advcl", "acl") and token.tag_ == "VBG":
            token = token.head
            continue
        break
    return []


def _recipient_heads(predicate: Token, candidate: _Candidate) -> list[Token]:
    for child in predicate.children:
        if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return [child]
    for child in predicate.children:
        if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
            objects = [gc for gc in child.children if gc.dep_ == "pobj"]
            if objects:
                return objects
    return []


def _noun_participants(noun: Token) -> tuple[list[Token], list[Token]]:
    """Participants of an event noun: possessor/modifier as source, 'on/against/with X' as target."""
    sources: list[Token] = []
    targets: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            sources.append(child)
        elif child.dep_ in ("compound", "amod") and child.ent_type_ in ("GPE", "NORP", "ORG"):
            sources.append(child)
        elif child.dep_ == "prep":
            objects = [gc for gc in child.children if gc.dep_ == "pobj"]
            if not objects:
                continue
            if child.lower_ == "between":
                sources.extend(objects)
            elif child.lower_ == "by":
                sources.extend(objects)
            elif child.lower_ in ("on", "against", "with", "to", "toward", "towards", "into"):
                targets.extend(objects)
    return sources, targets


def _expand_conjuncts(heads: list[Token]) -> list[Token]:
    expanded: list[Token] = []
    for head in heads:
        for token in (head, *head.conjuncts):
            if token not in expanded:
                expanded.append(token)
    return expanded


def _reporting_verb(predicate: Token) -> Token | None:
    """The speech verb that reports this clause, if any ("X said that Y will ...")."""
    token = predicate
    for _ in range(4):
        if token.dep_ in ("ccomp", "parataxis") and token.head.pos_ in ("VERB", "AUX"):
            return token.head
        if token.head is token:
            break
        token = token.head
    return None


def _entity_span(token: Token) -> Span:
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return token.doc[token.i : token.i + 1]

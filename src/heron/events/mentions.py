"""Participant mentions: how far the text that mentions a participant reaches, and which mentions count.

A mention is the whole noun phrase annotators mark ("at least 75 displaced people in eastern Syria"),
without clauses, conjoined siblings or time phrases; a coordination the parse misreads is split into one
participant per named conjunct; subjects the parser split are joined again; and a mention inside another
one is no participant of its own.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from heron.actors.lexicon import Role
from heron.events.lexicon import object_classes
from heron.events.syntax import (
    NON_ACTOR_ENTITY_TYPES,
    OWNER_MODIFIER_DEPS,
    PASSIVE_SUBJECT_DEPS,
    SUBJECT_DEPS,
    is_place,
    of_complements,
    split_word_start,
)
from heron.records import Actor

# Boundaries of a participant mention (see mention_span): clauses never belong to it; conjoined
# siblings are participants of their own, and these prepositions start adjuncts, not modifiers.
MENTION_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "nsubj", "dobj"})
MENTION_HEAD_ONLY_DEPS = frozenset({"conj", "cc", "preconj", "advmod", "npadvmod"})
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "on", "near", "outside", "inside"})
# Prepositions of a place phrase that says where a target is (see verb_attached_place), and those that
# say it only of people ("fighters across the border").
PLACE_PHRASE_PREPOSITIONS = frozenset({"in", "at", "near"})
PEOPLE_PLACE_PHRASE_PREPOSITIONS = PLACE_PHRASE_PREPOSITIONS | {"across"}

# Word classes of data/object_classes.yaml: people named only as people, participles that pick a party
# out, nouns of a fixed "in X" phrase and directions that name a part of a place.
UNSPECIFIED_PEOPLE = frozenset(object_classes()["unspecified_people"])
IDENTIFYING_PARTICIPLES = frozenset(object_classes()["identifying_participles"])
CIRCUMSTANCE_NOUNS = frozenset(object_classes()["circumstance_nouns"])
OCCASION_NOUNS = frozenset(object_classes()["occasion_nouns"])
GROUNDS_NOUNS = frozenset(object_classes()["grounds_nouns"])
COMPASS_POINTS = frozenset(object_classes()["compass_points"])
IN_COMPLEMENT_VERBS = frozenset(object_classes()["in_complement_verbs"])
COUNTRY_NOUNS = frozenset(object_classes()["country_nouns"])
RELEASE_TERMS = frozenset(object_classes()["release_terms"])
HANDOVER_VERBS = frozenset(object_classes()["handover_verbs"])
EXPULSION_VERBS = frozenset(object_classes()["expulsion_verbs"])
# What an act is done with ("shelled the border regions with artillery"): a "with" phrase naming one says
# how, not which target (unless the head is such a thing itself: "a truck with explosives").
INSTRUMENTS = frozenset(object_classes()["weapons"] + object_classes()["means"] + object_classes()["craft"])

# Words that open the second conjunct of a named modifier only when it heads a phrase of its own ("USAID
# and other donors" are two participants; "Iraqi and Turkish demands" share one head).
OTHERS_WORDS = frozenset({"other", "several", "many", "various", "some"})

# Entity types of a name that can stand as a participant of its own in a list.
LISTED_NAME_TYPES = ("GPE", "ORG", "NORP", "LOC")

# Entity types of a name that a mention cut inside it goes on to the end of (see rest_of_name).
NAME_ENTITY_TYPES = frozenset({"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP"})

NAME_BREAKING_PUNCTUATION = frozenset({"(", ")", "[", "]", '"', "'", "“", "”", "‘", "’", ",", ";", ":"})

# Quotation marks, each opening mark with the mark that closes it (see closes_quote; a straight single
# quote is left out: it is as often an apostrophe).
QUOTE_PAIRS = (('"', '"'), ("“", "”"), ("‘", "’"))

# Words that open a coordination as a whole ("against both India and Pakistan"): they belong to the
# coordination, never to the mention of its first conjunct ("both sides" alone keeps its "both").
COORDINATION_OPENERS = frozenset({"both", "either", "neither"})

# Prepositions of a place list that says whose people are meant ("people in X, Y and Z", see
# places_list_peoples).
PEOPLE_PLACE_PREPOSITIONS = frozenset({"in", "from"})

# Prepositions whose object is a pair or group by itself ("fighting between X and Y").
JOINT_PREPOSITIONS = frozenset({"between", "among", "amongst"})

# Prepositions that start an adjunct (a time, a circumstance, an example), never a modifier of the noun.
MENTION_STOP_PREPOSITIONS = frozenset({"including", "during", "following", "after", "before", "amid", "despite",
                                       "as", "than", "since", "until", "like", "such", "over"})


def mention_span(head: Token, phrase: Span, roles: Mapping[str, Role], stops: frozenset[str] = frozenset()) -> Span:
    """The whole noun phrase that mentions a participant, as annotators mark it: the resolver's
    phrase grown over quantifiers, appositions and prepositional modifiers ("at least 75 displaced
    people in eastern Syria", "an arms depot of the Syrian army", "Zabihullah Mujahid, the Taliban
    spokesman"), but never over relative or participial clauses (except those that say which ones are
    meant, see identifying_clause), conjoined siblings (separate
    participants), adverbs or time phrases ("the court on Monday"), nor over the head's own
    prepositional complements introduced by ``stops``."""
    doc = head.doc
    included: set[int] = set(range(phrase.start, phrase.end))

    def collect(token: Token, top: bool) -> None:
        included.add(token.i)
        for child in token.children:
            if top and child.dep_ == "conj" and conjunct_inside_title(token, child):
                included.update(range(token.i + 1, child.i))  # the "and" (and a comma) before it
                collect(child, top=False)
                continue
            if top and identifying_clause(token, child):
                # up to an aside set off inside it ("properties linked to X, who now faces ...") or a
                # time, which dates the act, not the people ("people suspected of links to X in 2011")
                end = next((t.i for t in doc[child.i : child.right_edge.i + 1] if t.text in (",", ";", "(")
                            or starts_time_phrase(t)), child.right_edge.i + 1)
                included.update(range(child.left_edge.i, end))
                continue
            if child.dep_ in MENTION_CLAUSE_DEPS or (top and child.dep_ in MENTION_HEAD_ONLY_DEPS):
                continue
            if child.i < token.i and is_release_term(child):
                continue  # "released on bail three journalists": the parse reads the term as a modifier
            if top and child.dep_ == "prep" and child.lower_ == "to" and handed_over_conjunct(token):
                continue  # "released a physician and nurse to U.S. diplomats": whom to, not which nurse
            if child.dep_ == "appos" and subject_of_next_verb(child):
                continue  # "withdrew troops from Syria, Defence Minister X said": the verb's subject
            if not top and child.dep_ == "appos" and child.pos_ == "NOUN" and token.pos_ == "PROPN" \
                    and doc[child.left_edge.i - 1].text == "," \
                    and not (names_a_person(token, roles) or names_a_person(child, roles) or names_people(child, roles)):
                # "suppliers of Acme, a German engine maker": what a name inside the mention is, an
                # aside about it (who a person is stays: "the wife of X, a former minister", "an
                # interview with X, a gun-rights activist", as at the head itself)
                continue
            if child.dep_ == "prep" and ((top and says_circumstance(child)) or gives_grounds(child) or (
                child.lower_ == "with" and token.lemma_.lower() not in INSTRUMENTS
                and any(gc.dep_ == "pobj" and gc.lemma_.lower() in INSTRUMENTS for gc in child.children)
            )):
                # "killed 52 people in coordinated attacks", "provisions in an act of defiance": the
                # occasion or manner of the act; "the director on corruption charges": its grounds;
                # "the border regions with artillery": what it is done with
                continue
            if top and child.dep_ == "appos" and child.pos_ == "NOUN" and not (
                names_a_person(head, roles) or names_a_person(child, roles)
            ):
                # "Hodeidah, a major flashpoint in the war", "the relief fund, a pooled fund run by the
                # UN": a description of a place or thing, not part of its name (a person's apposition is
                # the title that says who they are: "Aya Hijazi, an American aid worker")
                continue
            if child.dep_ == "amod" and any(gc.dep_ == "prep" for gc in child.children) and any(
                other.dep_ == "prep" and token.i < other.i < child.i for other in token.children
            ):
                # "the entities in X responsible for the abuses": an adjective phrase after the noun's own
                # modifier is a reduced relative clause ("rebels loyal to X" says who they are)
                continue
            if top and child.dep_ == "prep" and child.lower_ in stops:
                continue
            if top and child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPOSITIONS and names_a_person(head, roles) \
                    and (head.tag_ not in ("NNS", "NNPS") or first_conjunct(head).dep_ in SUBJECT_DEPS
                         or not any(gc.dep_ == "pobj" and (is_place(gc) or gc.pos_ == "PROPN"
                                                            or gc.lemma_.lower() in COUNTRY_NOUNS or names_people(gc, roles))
                                 for gc in child.children)):
                # "summoned the Chinese ambassador in Berlin": where the person is, not who (but for people
                # acted on, "targeting group commanders in eastern Syria", "officers in the armed forces",
                # the place or body says which ones; "in the drug trade" is neither)
                continue
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
        # "two ex-ministers": the pieces of a hyphenated word the parse split into siblings, with
        # their own modifiers, are the head word's
        for piece in doc[split_word_start(head) : head.i]:
            collect(piece, top=False)
    if head.dep_ == "compound" and head.head.lemma_.lower() == "persona":
        # "declared a Polish consul persona non grata": the parse gives the article to "persona"
        included.update(c.i for c in head.head.children if c.dep_ == "det" and c.i < head.left_edge.i)
    low = high = head.i
    while low - 1 in included and not doc[low - 1].is_space:
        low -= 1
    if low >= 2 and doc[low - 1].dep_ == "nummod" and doc[low - 1].head.i == low - 2 \
            and doc[low - 2].pos_ == "NOUN" and doc[low - 2].lemma_.lower() in RELEASE_TERMS:
        low -= 1  # "freed on bail two ex-ministers": the number the parse hung on the term counts them
    while high + 1 in included and not doc[high + 1].is_space:
        high += 1
    low, high = min(low, phrase.start), max(high, phrase.end - 1)
    coordinated = any(child.dep_ == "conj" for child in head.children)
    while low < head.i and (doc[low].is_punct or doc[low].dep_ in ("cc", "preconj") or is_release_term(doc[low]) or (
        coordinated and doc[low].lower_ in COORDINATION_OPENERS
    )):
        low += 1
    while high > head.i and (
        doc[high].dep_ in ("cc", "case") or doc[high].pos_ in ("ADP", "DET", "CCONJ", "SCONJ")
        or (doc[high].is_punct and not closes_bracket(doc, low, high) and not closes_quote(doc, low, high))
    ) and not is_stranded_preposition(doc[high], low):
        high -= 1
    opened = sum(doc[i].text == "(" for i in range(low, high + 1)) - sum(doc[i].text == ")" for i in range(low, high + 1))
    if opened > 0 and high + 1 < len(doc) and doc[high + 1].text == ")":
        high += 1  # "the Central African Republic (CAR)": the parser hangs the ")" elsewhere
    high = rest_of_name(doc, high)
    if high + 1 < len(doc) and closes_quote(doc, low, high + 1):
        high += 1  # 'the insurgent known as “Don Y”': the parser hangs the closing mark elsewhere
    return doc[low : high + 1]


def mention_tokens(actor: Actor, doc: Doc) -> Span | None:
    """The tokens an actor's mention covers (None when its offsets fall inside no token)."""
    return doc.char_span(actor.start, actor.end, alignment_mode="expand")


def without_predicate_words(actors: list[Actor], doc: Doc, predicate_words: set[int]) -> list[Actor]:
    """The mentions with the predicate's own words cut from their edges: the parse may read a word of the
    predicate phrase as a modifier of its object ("let free the activists": "free" is the verb's, not
    the activists'). A mention that is nothing but such words is no participant."""
    kept: list[Actor] = []
    for actor in actors:
        mention = mention_tokens(actor, doc)
        if mention is None or not any(t.i in predicate_words for t in (mention[0], mention[-1])):
            kept.append(actor)
            continue
        low, high = mention.start, mention.end - 1
        while low <= high and (low in predicate_words or doc[low].is_punct or doc[low].is_space):
            low += 1
        while high >= low and (high in predicate_words or doc[high].is_punct or doc[high].is_space):
            high -= 1
        if low > high:
            continue
        start, end = doc[low].idx, doc[high].idx + len(doc[high])
        kept.append(replace(actor, text=doc.text[start:end], start=start, end=end))
    return kept


def verb_attached_place(mention: Span, roles: Mapping[str, Role],
                        known_place: Callable[[Token], bool] = lambda token: False) -> Span | None:
    """The mention grown over a place phrase right after it that the parse hung on the verb instead of
    the noun ("arrested dozens of demonstrators | in Yerevan", "stormed the mosque | in Mosul", "fired on
    protesters | in the southeast of the country"): where people or a site are says which ones, and the
    attachment is the parser's guess. Not for a person ("met the ambassador in Berlin": where the meeting
    was) or a name; None when nothing follows that way. ``known_place`` tells a place name the parse did
    not tag as one ("in Camarines Norte")."""
    doc, head = mention.doc, mention.root
    if (countries := expelled_from_countries(head, roles, known_place)) and countries[0].head.i == mention.end:
        # "expelled diplomats | from Poland, Germany and Sweden": whose diplomats (the other countries
        # stand for their own, see ParticipantFinder._participants)
        return doc[mention.start : mention_span(countries[0], doc[countries[0].i : countries[0].i + 1], roles).end]
    named_group = head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "NORP")
    if not (head.pos_ == "NOUN" or named_group) or names_a_person(head, roles) or mention.end >= len(doc):
        return None
    people = names_people(head, roles)
    preposition = doc[mention.end]
    if preposition.dep_ != "prep" or preposition.lower_ not in (
        PEOPLE_PLACE_PHRASE_PREPOSITIONS if people else PLACE_PHRASE_PREPOSITIONS
    ):
        return None
    governor = head.head if head.dep_ in ("dobj", "obj") else head.head.head if head.dep_ == "pobj" else None
    if governor is None or preposition.head != governor or governor.pos_ not in ("VERB", "AUX", "NOUN"):
        return None
    place = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if place is None:
        return None
    where = mention_span(place, doc[place.i : place.i + 1], roles)
    if people and says_which_people(head, preposition, place, known_place):
        return doc[mention.start : where.end]
    if preposition.lower_ not in PLACE_PHRASE_PREPOSITIONS or not (
        is_place(place) or place.pos_ == "PROPN" and known_place(place)
    ):
        return None
    # a named place ("in eastern Afghanistan", "in Syria's Hama province"), not "in some areas"
    if not any(t.ent_type_ in ("GPE", "LOC") or t.pos_ == "PROPN" and known_place(t) for t in where):
        return None
    return doc[mention.start : where.end]


def identifying_clause(head: Token, clause: Token) -> bool:
    """Does a clause after the head say which ones it means, so that it belongs to the mention: after
    people named only as people, a restrictive relative or participial clause ("people who work for
    it", "people affected by the floods"); after any noun, a participle that says where a party is,
    what it is called or who employs it ("forces based in X", "the group known as Y"). Not a clause set
    off by a comma (an aside: "X, who was arrested last year"), nor an infinitive ("people ... to press
    X": a purpose)."""
    if clause.i < head.i or clause.dep_ not in ("relcl", "acl") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    if clause.left_edge.i == 0 or head.doc[clause.left_edge.i - 1].is_punct:
        return False
    participle = clause.tag_ in ("VBN", "VBG")
    # (after a person's name the parse may read the sentence's own verb as one: "President X called Y")
    if clause.dep_ == "acl" and participle and clause.lemma_.lower() in IDENTIFYING_PARTICIPLES \
            and head.ent_type_ != "PERSON":
        return True
    return head.lemma_.lower() in UNSPECIFIED_PEOPLE and (clause.dep_ == "relcl" or participle)


def names_people(head: Token, roles: Mapping[str, Role]) -> bool:
    """A noun of people or a body of them ("protesters", "the police", "others"), not one person."""
    role = roles.get(head.lemma_.lower())
    return head.pos_ == "NOUN" and (
        head.lemma_.lower() in UNSPECIFIED_PEOPLE or role is not None and role.kind in ("group", "body"))


def says_which_people(head: Token, preposition: Token, place: Token, known_place: Callable[[Token], bool]) -> bool:
    """Does a phrase the parse hung on the verb say which people the head means: where they are, named
    or not ("protesters in the southeast of the country", "refugees in the region", "fighters across
    the border", "the police in X Province"), where they work ("the workers at the X plant of Y Ltd"),
    or, after people named only as people, any "in" phrase ("others in his party", "people in need").
    Not a time, a fixed phrase that says why ("in an attempt to"), nor an occasion ("activists at a
    meeting")."""
    lemma = place.lemma_.lower()
    if place.ent_type_ in ("DATE", "TIME") or lemma in CIRCUMSTANCE_NOUNS or lemma in OCCASION_NOUNS:
        return False
    if preposition.lower_ == "in" and preposition.head.lemma_.lower() in IN_COMPLEMENT_VERBS:
        return False  # "implicating officials in the drug trade": the verb's own complement
    if head.lemma_.lower() in UNSPECIFIED_PEOPLE and preposition.lower_ == "in" and place.pos_ in ("NOUN", "PROPN"):
        return True
    if is_place(place) or lemma in COMPASS_POINTS or is_place_name(place, known_place):
        return True
    # "the textile unit of Y Ltd": a site named by its owner
    return any(of.dep_ == "prep" and of.lower_ == "of" and any(
        gc.dep_ == "pobj" and (is_place(gc) or is_place_name(gc, known_place)) for gc in of.children
    ) for of in place.children)


def expelled_from_countries(head: Token, roles: Mapping[str, Role],
                            known_place: Callable[[Token], bool] = lambda token: False) -> list[Token]:
    """The countries a "from" phrase on an expulsion verb names after people it sends away ("expelled
    diplomats from Poland, Germany and Sweden"): whose people they are, each country's own (the first
    country's mention is the people's, see verb_attached_place). Only for people no modifier gives an
    owner ("expelled Russian diplomats from Britain": where from), and only countries: a city or province
    ("from Moscow", ``known_place``) or a common noun ("from the country") says where from."""
    verb = head.head
    if head.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in EXPULSION_VERBS or not (
        names_people(head, roles) or names_a_person(head, roles) and head.tag_ == "NNS"
    ):
        return []
    if has_named_owner(head):
        return []
    for preposition in verb.children:
        if preposition.dep_ != "prep" or preposition.lower_ != "from" or preposition.i != head.right_edge.i + 1:
            continue
        place = next((c for c in preposition.children if c.dep_ == "pobj"), None)
        if place is None:
            return []
        countries = [place, *place.conjuncts]
        if all(t.ent_type_ == "GPE" and t.pos_ == "PROPN" and not known_place(t) for t in countries):
            return countries
    return []


def is_release_term(token: Token) -> bool:
    """A term of a release that the parse read into the phrase of the people freed ("released on bail
    three journalists"): followed by their number or article ("bond traders" is a name of its own)."""
    doc = token.doc
    return token.lemma_.lower() in RELEASE_TERMS and token.i + 1 < len(doc) and (
        doc[token.i + 1].like_num or doc[token.i + 1].pos_ == "DET")


def handed_over_conjunct(token: Token) -> bool:
    """Is the token a later conjunct of what a verb hands over ("released a physician and nurse to U.S.
    diplomats"), so that a "to" phrase on it is the verb's (whom they go to)?"""
    first = first_conjunct(token)
    return first is not token and first.dep_ in ("dobj", "obj") and first.head.lemma_.lower() in HANDOVER_VERBS


def says_circumstance(preposition: Token) -> bool:
    """Is an "in" phrase on a mention's head the manner or purpose of the act ("provisions in an act of
    defiance", "in a bid to"), or, after people named only as people, the occasion they were caught in
    ("52 people in coordinated attacks")? By its noun (circumstance_nouns, occasion_nouns in
    data/object_classes.yaml) with a determiner, modifier or plural: a bare fixed phrase may say which
    people ("the officer in charge", "people in custody"). An occasion after anyone else says who they
    are ("the main suspect in the murder case")."""
    if preposition.lower_ != "in":
        return False
    nouns = CIRCUMSTANCE_NOUNS | OCCASION_NOUNS if preposition.head.lemma_.lower() in UNSPECIFIED_PEOPLE \
        else CIRCUMSTANCE_NOUNS
    return any(
        gc.dep_ == "pobj" and gc.lemma_.lower() in nouns and (
            gc.tag_ == "NNS" or any(m.dep_ in ("det", "amod", "nummod", "compound") for m in gc.children))
        for gc in preposition.children
    )


def gives_grounds(preposition: Token) -> bool:
    """'on corruption charges', 'on suspicion of fraud': the grounds of an act against someone
    (grounds_nouns in data/object_classes.yaml)."""
    return preposition.lower_ == "on" and any(
        gc.dep_ == "pobj" and gc.lemma_.lower() in GROUNDS_NOUNS for gc in preposition.children)


def subject_of_next_verb(apposition: Token) -> bool:
    """Is an apposition a person named right before a finite verb that has no subject of its own
    ("... from Syria, Defence Minister Sergei Shoigu said on Monday"): the verb's subject that the parse
    hung on the name before it?"""
    doc = apposition.doc
    after = apposition.right_edge.i + 1
    if after >= len(doc) or apposition.ent_type_ != "PERSON":
        return False
    verb = doc[after]
    return verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
        c.dep_ in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS) for c in verb.children)


def is_place_name(token: Token, known_place: Callable[[Token], bool]) -> bool:
    """A name that is no person, date or number: a place or a body that a site belongs to."""
    return token.pos_ == "PROPN" and (
        known_place(token) or token.ent_type_ not in ("PERSON", "NORP", *NON_ACTOR_ENTITY_TYPES))


def conjunct_inside_title(head: Token, conj: Token) -> bool:
    """Is a conjunct of a title's head a piece of the title's "of" phrase that the parse hung on the head
    ("Minister of Foreign Affairs and Expatriates of X"): a bare capitalised word right after the "and"
    that ends the head's "of" phrase, with a modifier of the head after it (the parse reads the rest of
    the title as the head's)?"""
    doc = head.doc
    if head.pos_ != "PROPN" or conj.pos_ != "PROPN" or has_determiner(conj) or conj.i < 3:
        return False
    joiner = doc[conj.left_edge.i - 1]
    if joiner.dep_ != "cc" or joiner.head != head:
        return False
    before = doc[joiner.i - 1]
    object_of = before.head if before.dep_ == "pobj" else None
    return (object_of is not None and object_of.lower_ == "of" and object_of.head == head
            and before.pos_ == "PROPN" and any(c.dep_ == "prep" and c.i > conj.i for c in head.children))


def rest_of_name(doc: Doc, high: int) -> int:
    """The last token of a name that the mention ending at ``high`` cuts short: the rest of a named
    entity the parse hung elsewhere ("the Plan of Action | to End Violence Against Children", whose "to"
    phrase went to the verb), with the bracketed short form right after it ("(PPAEVAC)"), and a
    person's name the entity recogniser split in two ("President Mohamed Abdullahi | Mohamed Farmajo"),
    unless the second name is a subject or owner of its own."""
    last = doc[high]
    if last.ent_type_ not in NAME_ENTITY_TYPES:
        return high
    cut = high
    # (not over a possessive, a bracket or a verb the recogniser took in: "Guzman's", "FARC (Fuerzas
    # Armadas ...", "El Chapo Has Been Jailed")
    while high + 1 < len(doc) and continues_name(doc[high + 1]):
        high += 1
    while high > cut and doc[high].pos_ not in ("PROPN", "NOUN", "NUM"):
        high -= 1
    following = high + 1
    if following < len(doc) and doc[high].ent_type_ == "PERSON" and doc[following].ent_type_ == "PERSON" \
            and doc[following].ent_iob_ == "B" and doc[high].whitespace_:
        end = following
        while end + 1 < len(doc) and continues_name(doc[end + 1]):
            end += 1
        root = doc[following : end + 1].root
        if root.dep_ not in (*SUBJECT_DEPS, *PASSIVE_SUBJECT_DEPS, "poss") and not (
            end + 1 < len(doc) and doc[end + 1].tag_ == "POS"
        ):
            high = end
    if high + 3 < len(doc) and doc[high + 1].text == "(" and doc[high + 3].text == ")" \
            and doc[high + 2].text.isupper() and doc[high].ent_type_ != "PERSON":
        high += 3  # the name's short form
    return high


def continues_name(token: Token) -> bool:
    """Does the token go on with the entity before it, as a word of the name?"""
    return token.ent_iob_ == "I" and token.tag_ != "POS" and token.pos_ not in ("VERB", "AUX") \
        and token.text not in NAME_BREAKING_PUNCTUATION


def starts_time_phrase(token: Token) -> bool:
    """Does a time phrase start at the token ("in 2011", "last week", "on Monday")?"""
    if token.ent_type_ in ("DATE", "TIME") and token.ent_iob_ == "B":
        return True
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def is_stranded_preposition(token: Token, low: int) -> bool:
    """A preposition left at the end of a clause kept in the mention, its object the head the clause is
    on ("most people we talked to"): a word of the clause, not a dangling one."""
    return token.dep_ in ("prep", "prt") and token.pos_ == "ADP" and token.head.pos_ == "VERB" and token.head.i >= low \
        and not any(c.dep_ == "pobj" and c.i > token.i for c in token.children)  # ("who ... relied on")


def mention_end_char(mention: Span) -> int:
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


def first_conjunct(token: Token) -> Token:
    """The first word of the coordination a word is a conjunct of (the word itself when it is none)."""
    while token.dep_ == "conj" and token.head != token:
        token = token.head
    return token


def names_a_person(head: Token, roles: Mapping[str, Role]) -> bool:
    """A person's name or a person's role ("ambassador", "president"), not a group or a place."""
    role = roles.get(head.lemma_.lower())
    return head.ent_type_ == "PERSON" or (role is not None and role.kind == "person")


def closes_bracket(doc: Doc, low: int, high: int) -> bool:
    """Is doc[high] the ")" of a "(" inside doc[low:high] ("the Foreign Office (FO)")?"""
    return doc[high].text == ")" and any(doc[i].text == "(" for i in range(low, high))


def closes_quote(doc: Doc, low: int, high: int) -> bool:
    """Is doc[high] the mark that closes a quotation opened inside doc[low:high], right after its last
    word ('known as "Don Y"')? Not after punctuation inside the quotes: 'alias "M-1,"' ends at the name,
    and its comma and closing mark go with the sentence."""
    if high <= low or doc[high - 1].is_punct:
        return False
    inside = [token.text for token in doc[low:high]]
    for opening, closing in QUOTE_PAIRS:
        if doc[high].text != closing:
            continue
        if opening == closing:
            return inside.count(opening) % 2 == 1
        return inside.count(opening) > inside.count(closing)
    return False


def hidden_conjuncts(head: Token, roles: Mapping[str, Role] | None = None) -> tuple[list[Token], tuple[int, int] | None]:
    """Participants a misread coordination hides inside or beside the head's phrase, and the token
    window (first, last) the head's own mention keeps to. The parse may read a list of names as an
    apposition ("Chile, Peru, Bolivia and other states"), join a named modifier to "other" ("UNICEF and
    other agencies"), hang a conjunct inside a prepositional phrase or a name's apposition ("the port
    of X and the Y naval base", "the agency X and the Y Institute"), or on the verb or event noun
    above the head ("banned the X Front and the Y Party", "sanctions on X and Y"). Each named conjunct
    is a participant of its own, with its own codes; shared modifiers ("Iraqi and Turkish demands")
    and conjuncts inside a name ("the Ministry of Trade and Industry") are left alone. People in a list
    of places ("people in X, Y and Z") are the people of each place (see places_list_peoples);
    ``roles`` tells which nouns name people."""
    doc = head.doc
    if head.pos_ not in ("NOUN", "PROPN"):
        return [], None
    for child in head.children:
        if (child.dep_ == "appos" and child.i > head.i and head.pos_ == "PROPN" and is_listed_name(head)
                and is_listed_name(child) and doc[child.left_edge.i - 1].text != "("):
            if child.conjuncts:
                return [child, *child.conjuncts], (head.left_edge.i, child.left_edge.i - 1)
            if any(c.dep_ == "conj" and c.i > child.i for c in head.children) and doc[child.left_edge.i - 1].text == ",":
                # "the X Police, Y Services (YS) and other agencies": a name set off by a comma in front of
                # the head's own conjunct is an item of the list, not another name of the head
                return [child], (head.left_edge.i, child.left_edge.i - 1)
        if child.dep_ in OWNER_MODIFIER_DEPS and child.i < head.i and child.ent_type_ in ("ORG", "GPE", "PERSON"):
            # the "and" hangs on the name; "other" on the name (as its conjunct) or on the head
            joiner = next((c for c in child.children if c.dep_ == "cc" and c.i == child.i + 1), None)
            following = doc[joiner.i + 1] if joiner is not None and joiner.i + 1 < head.i else None
            if following is not None and following.lower_ in OTHERS_WORDS and following.head in (child, head):
                return [child], (following.i, head.right_edge.i)
    for inner in phrase_nouns(head):
        conjuncts = [c for c in inner.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")]
        if not conjuncts or joined_inside_name(inner, conjuncts[0]) or not opens_participant(conjuncts[0]):
            continue
        marker = inner.head
        if marker.lower_ in JOINT_PREPOSITIONS:
            continue  # "fighting between X and Y": the pair is the object
        if marker.lower_ == "of" and not has_determiner(conjuncts[0]):
            continue  # "the armies of Brazil and Argentina": bare names share the head
        if marker.dep_ == "prep" and marker.lower_ != "of" and is_place(conjuncts[0]) and not (
            roles is not None and places_list_peoples(head, marker, roles)
            # countries each with its own people, not regions ("in Latin America and the Caribbean")
            and all(t.ent_type_ == "GPE" for t in inner.conjuncts + (inner,))
        ):
            continue  # "the commander in Latin America and the Caribbean": where the head is, not who
        return list(inner.conjuncts), (head.left_edge.i, conjuncts[0].left_edge.i - 1)
    right, ancestor = head.right_edge.i, head.head
    for _ in range(3):
        for conj in ancestor.children:
            between = doc[right + 1 : conj.left_edge.i] if conj.dep_ == "conj" and conj.i > right else None
            if between and conj.pos_ in ("NOUN", "PROPN") and (is_listed_name(conj) or conj.ent_type_ == "PERSON") \
                    and any(t.dep_ == "cc" for t in between) and all(t.is_punct or t.dep_ == "cc" for t in between):
                return [conj, *(c for c in conj.conjuncts if c.i > conj.i)], None
        if ancestor.head == ancestor:
            break
        ancestor = ancestor.head
    return [], None


def places_list_peoples(head: Token, marker: Token, roles: Mapping[str, Role]) -> bool:
    """Does a list of places after the head say whose people it means ("aid to people in X, Y and Z",
    "refugees from X and Y"): a plural noun of people that no modifier gives an owner of its own, so
    that each place stands for its people (not "US troops in X and Y", where the places are only where
    the troops are, nor one person "the commander in X and Y")?"""
    role = roles.get(head.lemma_.lower())
    if head.pos_ != "NOUN" or head.tag_ != "NNS" or role is None or role.kind not in ("group", "person"):
        return False
    if marker.lower_ not in PEOPLE_PLACE_PREPOSITIONS or marker.head != head:
        return False
    return not has_named_owner(head)


def has_named_owner(head: Token) -> bool:
    """Does a modifier of the noun name whose it is ("US troops", "Russian diplomats", "Hamas's fighters")?"""
    return any(c.dep_ in OWNER_MODIFIER_DEPS and (c.pos_ == "PROPN" or c.ent_type_ in ("GPE", "NORP", "ORG"))
               for c in head.children)


def is_listed_name(token: Token) -> bool:
    """A country's, group's or organisation's name (not a person's, a date or a number)."""
    return token.ent_type_ in LISTED_NAME_TYPES or (
        token.pos_ == "PROPN" and token.ent_type_ not in ("PERSON", *NON_ACTOR_ENTITY_TYPES))


def phrase_nouns(head: Token, depth: int = 2) -> list[Token]:
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
                        found.extend(phrase_nouns(pobj, depth - 1))
    return found


def opens_participant(conj: Token) -> bool:
    """Does a conjunct start a participant of its own: a name, or a phrase with its own determiner
    ("and the Y naval base")?"""
    return is_listed_name(conj) or has_determiner(conj)


def has_determiner(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in token.children)


def joined_inside_name(first: Token, conj: Token) -> bool:
    """Is the "and" between two conjuncts part of one name ("Bosnia and Herzegovina")?"""
    return any(t.dep_ == "cc" and t.ent_iob_ == "I" for t in first.doc[first.i + 1 : conj.i])


def clip_to_window(span: Span, head: Token, window: tuple[int, int]) -> Span:
    """The span cut to the token window around its head, without punctuation or a conjunction left
    dangling at either end (a closing bracket or quotation mark stays)."""
    doc = span.doc
    low, high = max(span.start, window[0]), min(span.end - 1, window[1])
    while low < head.i and (doc[low].is_punct or doc[low].dep_ == "cc" or doc[low].is_space):
        low += 1
    while high > head.i and (doc[high].dep_ == "cc" or doc[high].is_space or (
        doc[high].is_punct and not closes_bracket(doc, low, high) and not closes_quote(doc, low, high)
    )):
        high -= 1
    return doc[low : high + 1]


def join_split_subjects(actors: list[Actor], heads: list[Token]) -> tuple[list[Actor], list[Token]]:
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


def distinct_mentions(actors: list[Actor]) -> list[Actor]:
    """One actor per mention and country, and none inside another one's mention ("Sarraj" in "Prime
    Minister Fayez al-Sarraj" is a piece of a name the parse split, not a second participant). A
    mention of several countries' people ("Indian and French warships") is one actor per country."""
    distinct: list[Actor] = []
    for actor in actors:
        if not any(
            (other.start, other.end) == (actor.start, actor.end) and (other.country == actor.country or not (
                other.country and actor.country))
            for other in distinct
        ):
            distinct.append(actor)
    return [
        actor for actor in distinct
        if not any(
            (other.start, other.end) != (actor.start, actor.end) and other.start <= actor.start and actor.end <= other.end
            for other in distinct
        )
    ]


def coordinated_modifiers(head: Token) -> list[Span]:
    """The words of each conjunct when the head's modifier is a coordination ("Indian and French
    warships", "US and Philippine troops", "the Thai and Cambodian defence ministers"): the names the
    head is shared by, in text order; empty when there is none. Modifiers before the head, reached
    through modifiers ("Indian and French navy ships"), or bare names after its "of" ("the navies of
    India and France")."""
    doc = head.doc
    for token in doc[head.left_edge.i : head.i]:
        if token.dep_ not in OWNER_MODIFIER_DEPS or not any(c.dep_ == "conj" and c.i < head.i for c in token.children):
            continue
        above = token.head
        while above != head and above.dep_ in OWNER_MODIFIER_DEPS and above.head != above:
            above = above.head
        if above != head:
            continue
        conjuncts = [token, *(c for c in token.conjuncts if token.i < c.i < head.i)]
        # "Colombian, Italian and US authorities": the parse may hang the names before the last comma on
        # the head beside the coordination instead of inside it
        while (comma := conjuncts[0].left_edge.i - 1) > 0 and doc[comma].text == "," and (
            listed := doc[comma - 1]).head == token.head and listed.dep_ in OWNER_MODIFIER_DEPS \
                and listed.ent_type_ in ("NORP", "GPE") and listed.right_edge.i <= comma:
            conjuncts.insert(0, listed)
        return [_modifier_words(conjunct) for conjunct in conjuncts]
    # "the navies of India and France": bare names after "of" share the head too (see hidden_conjuncts)
    for owner in of_complements(head):
        conjuncts = [owner, *(c for c in owner.conjuncts if c.i > owner.i)]
        if len(conjuncts) > 1 and not joined_inside_name(owner, conjuncts[1]) and not any(
                has_determiner(c) for c in conjuncts):
            return [_modifier_words(conjunct) for conjunct in conjuncts]
    return []


def _modifier_words(conjunct: Token) -> Span:
    """A conjunct's own words: itself and what modifies it ("South Korean"), without the "and" or
    comma that joins it or the conjuncts after it."""
    doc = conjunct.doc
    first = conjunct.left_edge.i
    while first < conjunct.i and (doc[first].dep_ == "cc" or doc[first].is_punct):
        first += 1
    return doc[first : conjunct.i + 1]

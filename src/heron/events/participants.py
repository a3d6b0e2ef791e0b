"""Who takes part in an event: the participants of a predicate, by event type.

ParticipantFinder reads the source and target heads of a predicate the coder found (a Candidate) off
the parse, with rules by event type (dispatches, yielding, refuge, protests, statements, force, ...),
and makes Actors of them (codes from the actor dictionaries, the span of their mention). The event coder
(heron.events.coder.EventCoder) extends it; the parse readings it relies on are in heron.events.syntax
and the mention spans in heron.events.mentions.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from heron.actors import ActorResolver
from heron.events.cameo import cameo_info
from heron.events.lexicon import Lexicon, PredicateEntry, object_classes
from heron.events.mentions import (
    MENTION_STOP_PREPOSITIONS,
    clip_to_window,
    coordinated_modifiers,
    distinct_mentions,
    expelled_from_countries,
    first_conjunct,
    hidden_conjuncts,
    is_release_term,
    join_split_subjects,
    mention_end_char,
    mention_span,
    mention_tokens,
    names_a_person,
    names_people,
    places_list_peoples,
    subject_of_next_verb,
    verb_attached_place,
)
from heron.events.modality import ModalityRules, is_future, is_negated
from heron.events.syntax import (
    AGENT_MISATTACHED_PREPOSITIONS,
    ASSISTANCE_VERBS,
    ENTITY_TYPES,
    LOOSE_PREPOSITIONS,
    NON_ACTOR_ENTITY_TYPES,
    OWNER_MODIFIER_DEPS,
    PARTY_PREPOSITIONS,
    PASSIVE_SUBJECT_DEPS,
    PLACE_PREPOSITIONS,
    SUBJECT_DEPS,
    VICTIM_PREPOSITIONS,
    act_agents_on_noun,
    aimed_at,
    by_agents,
    carrier_targets,
    clause_chain,
    clause_parties,
    clause_subjects,
    collective_members,
    complement_recipients,
    conjoined_act_places,
    conjoined_object_antecedent,
    content_subjects,
    counted_members,
    counts_members,
    death_causes,
    declared_persons,
    direct_object,
    expand_conjuncts,
    first_prepositional_objects,
    for_clause_subjects,
    helped_people,
    hyphen_joined_lemma,
    is_addressed_group,
    is_attitude_content,
    is_for_clause,
    is_generic,
    is_mediated_conflict,
    is_named,
    is_place,
    is_purpose_clause,
    is_recipient,
    is_stative,
    is_to_infinitive,
    is_topic,
    located_targets,
    message_addressees,
    named_beside,
    noun_authors,
    noun_authors_of_infinitive,
    noun_participants,
    of_complements,
    opposed_things,
    participle_agents,
    place_recipients,
    places_in_scope,
    pronoun_antecedent,
    purpose_beneficiaries,
    recipient_heads,
    refused_act_authors,
    relative_clause_site,
    reporting_verb,
    shared_passive_subjects,
    site_of_act,
    statement_topics,
    subject_heads,
    subject_heads_here,
    thing_recipients,
    verb_lemma,
)
from heron.records import Actor

# Subject pronouns of a reported clause that refer back to the speaker ("X said it will ...").
ANAPHORIC_PRONOUNS = frozenset({"he", "she", "it", "they", "we"})
PRONOUNS_WITHOUT_REFERENT = {"it", "this", "that", "which", "what", "there", "these", "those", "who", "whom"}
PROTEST_CAMEO_PREFIX = "14"
# Pessimistic and optimistic comments and sympathy (CAMEO 012, 013, 018): a feeling expressed.
FEELING_CAMEO_PREFIXES = ("012", "013", "018")

# Deploying, withdrawing and sending aid: what is moved belongs to the source (see _build_event in coder.py).
DISPATCH_CAMEO_PREFIXES = ("07", "087", "15")

# Withdrawals, retreats and expulsions: their "from X" is the place left, not the author of the act.
DEPARTURE_CAMEO_PREFIXES = ("087", "166")

# What is fired or launched at someone ("launched artillery, mortar and rocket fire against X").
WEAPONS = frozenset(object_classes()["weapons"])
# An attacker's own means ("his explosives-laden vehicle"): never the target when a possessive pronoun owns them.
OWN_MEANS = frozenset(object_classes()["means"] + object_classes()["weapons"] + object_classes()["craft"])

# Forces a dispatch moves: the source's own, even when their phrase names the source ("its forces").
MOVED_FORCES = frozenset(object_classes()["military_force"] + object_classes()["police_force"]
                         + object_classes()["peacekeepers"])

# Releases of persons (CAMEO 0841): whom they are handed to ("released two hostages to the Red Cross")
# only receives them; the persons released are the target, even when no dictionary knows them. Goods,
# money and information "released" go to their recipient like any thing given.
RELEASE_PERSONS_CAMEO = "0841"

# Handovers: extraditions and suspects handed over (CAMEO 063) and property returned (0842). Whom the
# persons or things go to is the target, in the passive too ("was extradited to X", "was returned to X"),
# as in the active ("extradited him to X").
HANDOVER_CAMEO_PREFIXES = ("063", "0842")
RELEASED_THINGS = frozenset(object_classes()["money"] + object_classes()["relief"] + object_classes()["information"]
                            + object_classes()["weapons"] + object_classes()["artefact"])

# Money and relief: what a speaker says it gives ("said it has earmarked 2 million euros") goes to a
# recipient; the statement is not about the money (see _own_act_objects).
GIVEN_THINGS = frozenset(object_classes()["money"] + object_classes()["relief"])
# seizures, bans, offers and sales (CAMEO 03, 06, 07, 163, 171, 172) whose object is goods or a practice
# that names nobody ("seized 13 vehicles", "banned the personal use of cocaine"): no target but the owner
GOODS_CAMEO_PREFIXES = ("03", "06", "07", "163", "171", "172")
# (not craft: a seized boat or plane stands for its crew or owner, "seized drugs from a fishing boat")
GOODS = frozenset(object_classes()["goods"] + object_classes()["weapons"] + object_classes()["money"]
                  + object_classes()["means"]) - frozenset(object_classes()["craft"])
GOODS_UNITS = frozenset(object_classes()["goods_units"])
PRACTICES = frozenset(object_classes()["practices"])
OWNER_PREPOSITIONS = frozenset({"from", "of", "by"})

# What is sought where it is given ("sought refuge in X").
REFUGE_OBJECTS = frozenset(object_classes()["refuge"])
APPEAL_FOR_AID_CAMEO = "023"

# Yielding (resigning, calling off a strike): to whom is said by the office left or the deal that ends it.
YIELD_CAMEO_PREFIX = "08"

# Conjunctions of a clause that says what ended a yielding act ("called off the strike after X agreed").
CONCESSION_MARKERS = frozenset({"after", "once", "when"})

# Demands or pressure a refusal holds out against or a yielding gives in to ("declined to resign despite the
# president's request", "stepped down under pressure from the party"): their author is the target.
PRESSURES = frozenset(object_classes()["pressure"])
PRESSURE_PREPOSITIONS = frozenset({"despite", "under", "amid"})

# "went on strike in response to the plan", "in protest against the law": what a protest answers.
RESPONSE_NOUNS = frozenset(object_classes()["response"])
ANSWERED_PREPOSITIONS = frozenset({"to", "against", "at", "over", "of"})

# Strikes and work stoppages (CAMEO 143): with no aim said, whom the workers' demands name ("for better
# pay in X's warehouses") or the workplace they strike at ("at the X mine") is the employer aimed at.
WORK_STOPPAGE_CAMEO_PREFIX = "143"
WORK_DEMANDS = frozenset(object_classes()["work_demand"])
WORKPLACES = frozenset(object_classes()["workplace"])
WORKPLACE_PREPOSITIONS = frozenset({"in", "at"})

# "violated a ceasefire": the ceasefire violated is the target itself when nothing else is named.
VIOLATE_CEASEFIRE_CAMEO = "196"
# Violating or defying a ceasefire, ban or law (CAMEO 196, 128): what is violated is not aimed at the
# target; when its maker is named before it ("violated the EU's ban on entry into X") it stands for itself.
VIOLATION_CAMEO_PREFIXES = (VIOLATE_CEASEFIRE_CAMEO, "128")

# Acts only a state's authorities carry out: restrictions, arrest and detention, deportation, repression
# (CAMEO 172-175) and torture (1822). Said in the passive with no agent ("X was arrested in Rwanda"),
# the authorities of the place where it happened act.
STATE_COERCION_CAMEO_PREFIXES = ("172", "173", "174", "175", "1822")
# Of those, the acts a death may be said to come from ("died in prison in X after torture"): the one who
# died is the target, and the authorities of the place (of the death, or where the act was suffered) act.
FATAL_COERCION_CAMEO_PREFIXES = ("1822",)

# Uses of force (CAMEO 18-20): a state's attack is carried out by its military.
FORCE_CAMEO_ROOTS = ("18", "19", "20")

# Prepositions of an inquiry's or demand's topic ("an inquiry into reports that ...").
TOPIC_PREPOSITIONS = frozenset({"into", "about", "over"})
INVESTIGATE_CAMEO_PREFIX = "09"

# Appeals and demands: "called for Britain to stay" asks Britain.
REQUEST_CAMEO_PREFIXES = ("02", "10")

# Participles that say where a group sits: "a terror group based in Trinidad".
LOCATING_PARTICIPLES = frozenset({"base", "headquarter", "locate", "station", "operate"})

# An abstract thing stands for whom or where it is directed: "assistance in northern Iraq", "demands
# from the Neighborhood Association", "human rights violations by the police".
ABSTRACT_THING_PREPOSITIONS = frozenset({"in", "to", "from", "by", "against", "on"})

# Prepositions that name where a thing comes from, not where it goes ("a grant from the bank to Malawi").
AUTHOR_PREPOSITIONS = frozenset({"from", "by", "of"})

# Acts and measures that name a party without being one ("a ban on imports of British beef", "UN sanctions
# against Iran", "the demands of the truck drivers"): as a target they stand for the party they name, even
# when a modifier names their author ("UN sanctions"). With the lexicon's event nouns (see _is_act_noun).
ACT_NOUNS = frozenset(
    word for name in ("act", "restriction", "pressure", "accusation", "proposal") for word in object_classes()[name]
)
# ... through these prepositions: whom the act is done to, by or with ("imports of X", "links with X").
ACT_PARTY_PREPOSITIONS = ABSTRACT_THING_PREPOSITIONS | {"of", "with"}

# Parties named by what they are ("observers", "the entities", "another position"): a place only locates
# them, so their mention keeps it ("election observers in X") rather than dropping to the place.
PARTY_NOUNS = frozenset(object_classes()["party"])

# A country named by a possessive pronoun ("her country") is its owner's home, not another party.
HOME_NOUNS = frozenset({"country", "homeland", "nation", "soil", "motherland"})

# Demands, disapproval and protest: what a purpose clause of a protest with these opposes is its aim.
PROTESTED_CAMEO_PREFIXES = ("10", "11", "14")
# Acts of rallying against someone that an appeal may call people to join ("called on workers to
# mobilize against X", "urged supporters to protest against the tariffs"): protests and mobilizations.
RALLYING_CAMEO_PREFIXES = ("14", "15")

# Statements (comments, attitudes) and, among them and verbal cooperation, evaluations: agreeing with,
# endorsing or defending something (see _unnamed_parties).
STATEMENT_CAMEO_PREFIX = "01"
EVALUATION_CAMEO_PREFIXES = ("019", "051", "052")

# Cooperation (verbal or material) and the prepositions of the partner it is shared with or given to.
COOPERATION_QUADS = frozenset({"verbal_cooperation", "material_cooperation"})
PARTNER_PREPOSITIONS = frozenset({"with", "to"})

# Comments and rejections: a response to an accusation or demand answers its author.
RESPONSE_CAMEO_PREFIXES = ("01", "12")

# Words of hoping and expecting: "hopes X will persuade Y", "voiced hope that X will help": the act
# hoped for is the hoper's statement about X.
HOPE_LEMMAS = frozenset({"hope", "expect", "wish"})

# Determiners of a definite mention that names nobody ("the government", "his country").
DEFINITE_DETERMINERS = frozenset({"the", "his", "her", "its", "their", "our"})

# The actor sector of news outlets (their own inquiries are no events: see _reports_occurrence).
NEWS_SECTOR = "media"

# Dependencies of a gerund used as a noun ("fighting between X and Y broke out").
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})

# Modifiers that make an event noun a joint act ("joint military exercise" is cooperation; see _noun_entry).
JOINT_MODIFIERS = frozenset({"joint", "combined", "bilateral", "multinational"})

# Where a participant is ("forces in the Crimea"): left out of a mention whose own words already say
# whose it is ("Ukrainian forces", "an Afghan army base"); kept when the place is what places an
# anonymous one ("at least 75 people in eastern Syria", "militants in South Waziristan").
SITE_PREPOSITIONS = frozenset({"in", "at", "near"})
# Sectors of office-holders, and of the side a reported clause speaks for (_reported_side).
STATE_SECTORS = frozenset({"government", "military", "police", "legislature", "judiciary"})
# Verbs that report a clause: "X will close the border, the minister warned" may be parsed with the
# report as a conjunct of the clause it reports (_reported_side).
SPEECH_LEMMAS = frozenset({"say", "warn", "tell", "announce", "state", "add", "insist", "confirm", "declare",
                           "stress", "vow", "pledge"})
# ... except for a body its owner keeps in many places, whose place says which one ("the U.S. Embassy in X")
BRANCH_OFFICES = frozenset(object_classes()["branch_office"])

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


@dataclass
class Candidate:
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


class ParticipantFinder:
    """Finds and resolves the participants of a predicate. Holds what the rules need: the predicate
    lexicon, the actor resolver and the modality rules."""

    def __init__(self, lexicon: Lexicon, actors: ActorResolver, modality: ModalityRules) -> None:
        self.lexicon = lexicon
        self.actors = actors
        self.modality = modality
        # doc.ents of the document being coded (spaCy rebuilds the entity spans on every access)
        self._entities: tuple[Doc, tuple[Span, ...]] | None = None
        # local actors of the event being built -> the country where their sentence happens (_make_actors)
        self._local_countries: dict[int, tuple[Actor, str]] = {}

    def place_local_actors(self, actors: list[Actor]) -> None:
        """Give the event's local actors that are still without a country the country where their
        sentence happens (recorded by _make_actors), and forget the records."""
        for actor in actors:
            recorded = self._local_countries.get(id(actor))
            if recorded is not None and recorded[0] is actor and actor.country is None and actor.org is None:
                actor.country = recorded[1]
        self._local_countries.clear()

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
        if (joined := hyphen_joined_lemma(noun)) is not None and (entry := self.lexicon.noun_entry(joined)) is not None:
            return entry
        return self.lexicon.noun_entry(noun.lemma_.lower())

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

    # ------------------------------------------------------------------ participants
    def _participants(self, candidate: Candidate) -> tuple[list[Token], list[Token]]:
        predicate = candidate.predicate
        if candidate.kind == "noun":
            sources, targets = self._event_noun_participants(predicate)
            return sources, self._without_goods(targets, candidate)
        sources = subject_heads(predicate)
        if not sources and candidate.kind != "speech":
            # "the sanctions imposed by the EU", "the offer by Chile to host talks": who did it is in a "by"
            # phrase or is the event noun's author (not "comments reported by El Universo": a report's
            # source is no actor of an event)
            sources = ([a for a in participle_agents(predicate) if self._names_doer(a)]
                       or noun_authors_of_infinitive(predicate))
        if not sources and predicate.tag_ == "VBG" and predicate.dep_ in NOMINAL_DEPS:
            # "fighting between the army and the rebels broke out": a gerund used as a noun names its
            # parties as an event noun does
            sources, gerund_targets = noun_participants(predicate)
            if sources:
                return sources, gerund_targets
        if candidate.kind == "event" and candidate.extra and candidate.extra[-1] in death_causes(predicate):
            # "X died in a detention centre in Y after torture": Y's authorities tortured X
            sites = site_of_act(predicate) or relative_clause_site(candidate.extra[-1])
            # the place of custody stands for its keepers when it names the country: "a captivity in Iran"
            sites = [site.head.head if site.head.dep_ == "prep" and site.head.head.dep_ == "pobj"
                     and site.head.head.pos_ == "NOUN" else site for site in sites]
            return sites, sources
        targets: list[Token] = []
        passive_subjects = [c for c in predicate.children if c.dep_ in PASSIVE_SUBJECT_DEPS] or shared_passive_subjects(predicate)
        if passive_subjects and is_stative(predicate) and reporting_verb(predicate) is None:
            # "Serb forces were engaged in ethnic cleansing": not done to them. (Reported, "the minister
            # said Vietnam is committed to ...", the speaker stays the source, as annotators code it.)
            sources = passive_subjects
            passive_subjects = []
        if passive_subjects:
            targets = passive_subjects
            agents = [gc for c in predicate.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
            sources = agents
            if not agents and candidate.kind == "event" and candidate.cameo.startswith(STATE_COERCION_CAMEO_PREFIXES):
                sources = site_of_act(predicate)  # "X was arrested in Rwanda": Rwanda's authorities
            if passive_subjects[0] in candidate.extra and (
                candidate.kind == "light" or self._noun_entry(passive_subjects[0]) is not None
            ):
                # "sanctions were imposed on Russia by the EU": the subject is the event noun, not its target
                # ("cooperation between X and Y was strengthened": its parties)
                noun_sources, noun_targets = self._event_noun_participants(passive_subjects[0])
                sources = agents or noun_sources
                targets = noun_targets or recipient_heads(predicate, candidate.extra)
            targets = self._handover_receivers(candidate) or targets
            if not agents and candidate.cameo.startswith(DISPATCH_CAMEO_PREFIXES) and all(
                s.lemma_.lower() in MOVED_FORCES for s in expand_conjuncts(passive_subjects)
            ):
                # "peacekeepers are being deployed to relieve X": forces sent by nobody named act
                # themselves; where they go or whom they help is the target (see _dispatch_targets)
                sources, targets = passive_subjects, []
        elif candidate.kind != "speech":
            obj = direct_object(predicate)
            goods_object = False
            thing = obj is not None and not self._names_actor(obj) and not self._released_persons(candidate, obj)
            if obj is not None and obj not in candidate.extra and self._noun_entry(obj) is None:
                # "donated medical supplies to various African countries": a thing given goes to its
                # recipient; an actor acted on is the target itself
                recipients = recipient_heads(predicate, candidate.extra) if thing else []
                # the indirect object ("gave the Ivory Coast 5 million dollars") or "to/for X"
                # ... or the object of the predicate's own particle ("calling on X to fast-track the review")
                recipients = [r for r in recipients if "dative" in (r.dep_, r.head.dep_)
                              or r.head.lower_ in ("to", "for", "into") or r.head in candidate.extra]
                weapon = obj.lemma_.lower() in WEAPONS or any(t.lemma_.lower() in WEAPONS for t in candidate.extra)
                # ("fired four shell bombs at targets in X": the parse may hang "at" on the verb)
                aimed = (aimed_at(obj) or (aimed_at(predicate) if weapon else [])) if thing or weapon else []
                targets = (self._handover_receivers(candidate) or [r for r in recipients if self._names_actor(r)]
                           or carrier_targets(obj, candidate.extra) or aimed or [obj])
                own_means = obj.lemma_.lower() in OWN_MEANS and self._is_own_thing(obj)
                if targets == [obj] and thing and (own_means or is_generic(obj)):
                    # "detonated his explosives-laden vehicle near an army base": the source's own means
                    # are not acted on; where the act is aimed is ("raided his home", "attacked their
                    # positions" do act on what the pronoun owns). Nor is a thing that names nobody
                    # ("struck a target in X", "banned assembly of five or more persons").
                    targets = thing_recipients(obj) or located_targets(predicate)
                if obj.pos_ == "NOUN" and candidate.cameo.startswith(GOODS_CAMEO_PREFIXES) and self._is_goods(obj) \
                        and all(t == obj or (t.pos_ == "NOUN" and self._is_goods(t)) for t in targets):
                    # "seized 13 vehicles and 36,000 gallons of fuel", "banned the personal use of
                    # cocaine": goods and practices are acted on for or against whom they belong to
                    # ("seized two tons of cocaine from the cartel"), else nobody (sites stay: "seized
                    # a military base", "attacked the pipeline"). Goods a modifier says are someone's
                    # stay for them ("seized British weapons"); a name inside what they measure does not
                    # ("the use of cocaine and marijuana", the tagger may take a drug for a person).
                    targets = self._goods_owners(predicate, obj) or ([] if self._is_unowned_goods(obj) else [obj])
                    goods_object = not targets
                if targets == [obj] and thing and candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                    # "rejected an extradition request for X": the person the request is about
                    targets = self._persons_sought(obj) or targets
            else:
                # "ruled out any concessions to Russia": the object is an event, the recipient follows.
                # ("welcomed the visit by X to her country": the source's own country is not it)
                targets = [t for t in recipient_heads(predicate, candidate.extra) if not self._is_own_home(t)]
                cooperation = cameo_info(candidate.cameo).quad in COOPERATION_QUADS
                if cooperation and obj is not None and targets and not any(
                    t.head.lower_ in PARTNER_PREPOSITIONS for t in targets
                ):
                    # "shared evidence with X against Y": cooperation goes to its partner; whom it is
                    # aimed against is what it is about
                    targets = [t for t in noun_participants(obj)[1]
                               if t.head.lower_ in PARTNER_PREPOSITIONS and not self._is_own_home(t)] or targets
                if obj is not None and not any(self._names_actor(t) for t in targets):
                    # "expressed condolences to Bangladesh over a fire": the event noun's own
                    # recipient beats a circumstance of the verb, and so does whom the event noun is
                    # about when the circumstance names nobody ("demanded the removal of President X
                    # at the fourth round of talks")
                    loose = bool(targets) and all(t.head.lower_ in LOOSE_PREPOSITIONS for t in targets)
                    members = [m for m in of_complements(obj) if self._names_actor(m)] if loose else []
                    own = [t for t in noun_participants(obj)[1] if not self._is_own_home(t)]  # "to her country"
                    if cooperation:
                        own = [t for t in own if t.head.lower_ in PARTNER_PREPOSITIONS] or own
                    if candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                        # "rejected an extradition request for X": the person the request is about
                        answered = self._answered_authors(obj, sources) if own else []
                        own = answered or self._persons_sought(obj) or own
                    targets = own or members or targets
                if obj is not None and obj not in candidate.extra and self._violated_named(candidate):
                    targets = [obj]  # not whom the measure violated is aimed at ("a ban on entry into X")
                if not targets and obj is not None and obj not in candidate.extra:
                    # "rejected Netanyahu's suggestion", "welcomed the OPCW visit", "rejected calls by
                    # Kofi Annan": what is rejected or welcomed is the other side's act, which names them.
                    targets = [obj]
            if candidate.kind == "light" and not targets:
                noun = candidate.extra[-1]
                # ("launched an operation, Operation Dawn, against X": the parse may hang the
                # complement on the name the act is given)
                targets = noun_participants(noun)[1] or [t for name in noun.children if name.dep_ == "appos"
                                                         for t in noun_participants(name)[1]]
                if targets and candidate.cameo.startswith(RESPONSE_CAMEO_PREFIXES):
                    targets = self._answered_authors(noun, sources) or targets
                if not targets:
                    # "rejected accusations by the US", "accepted the demands of protesters": a response
                    # to someone's act is directed at its author.
                    # (not its possessor: "pledged the Kingdom's support" is the source's own)
                    # ("denied charges by X": the parse may hang the "by" phrase on the active verb)
                    authors = self._act_authors(noun, candidate, possessors=False) or self._named_authors(predicate)
                    targets = [a for a in authors if a not in sources]
            if not targets and obj is not None and obj in candidate.extra and candidate.entry.objects:
                # "expelled UNSCOM inspectors", "accepted Syrian refugees": the object the entry asks for
                # is what the act is done to; when it is a thing ("rejected accusations by the US"),
                # its recipient or author is.
                # ("lifted sanctions imposed on China", "extended the curfew in Jamaica").
                targets = [obj]
                # ("expelled all UNSCOM weapons inspectors": a party named by what it is is no thing;
                # "expressed the bank's optimism about X", "Germany's concern": a feeling expressed is
                # its possessor's own, the speaker's side, even when the possessor names an actor; what
                # it is about is the target)
                feeling = candidate.cameo.startswith(FEELING_CAMEO_PREFIXES)
                if (thing and obj.lemma_.lower() not in PARTY_NOUNS) or feeling:
                    authors = [a for a in self._act_authors(obj, candidate, possessors=not feeling)
                               or self._named_authors(predicate) if a not in sources]
                    # "demanded the withdrawal of Serbian forces": those who are to act (in the
                    # withdrawal itself, "completed its withdrawal of troops", they are the source's own)
                    own_act = (entry := self._noun_entry(obj)) is not None and entry.cameo == candidate.cameo
                    members = [] if own_act else [m for m in of_complements(obj) if self._names_actor(m)]
                    targets = noun_participants(obj)[1] or authors or members or thing_recipients(obj)
            if not targets:
                if candidate.cameo.startswith("13"):
                    targets = self._threatened_objects(predicate)  # "threatened to attack X"
                # "sent a letter to X threatening to ... over Y": whom the message goes to, before a topic
                # ("was responsible for mass killings of X": a light frame's event noun stands for its object)
                carried = obj if obj is not None or candidate.kind != "light" else candidate.extra[-1]
                targets = targets or message_addressees(predicate) or complement_recipients(predicate, carried)
            if not targets:
                # "demanded that President X abandon ...", "its demand that Israel ease ...", "allowed
                # the opposition leader to hold a rally": whom the act is aimed at does what it asks
                # ("an inquiry into reports that the army had ...")
                topics = [gc for word in (predicate, *candidate.extra) for c in word.children
                          if c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS
                          for gc in c.children if gc.dep_ == "pobj" and gc.pos_ == "NOUN"]
                targets = [s for s in clause_subjects([predicate, *candidate.extra, *topics]) if s not in sources]
            if not targets and candidate.cameo.startswith(REQUEST_CAMEO_PREFIXES):
                targets = for_clause_subjects(predicate)  # "called for Britain to stay": who is asked to act
            if not targets and candidate.cameo.startswith(INVESTIGATE_CAMEO_PREFIX):
                # "opened fraud investigations of four corporations": the inquiry's "of" names who is
                # investigated
                targets = next((found for noun in (*candidate.extra, obj) if noun is not None and noun.pos_ == "NOUN"
                                if (found := of_complements(noun))), [])
            if targets and candidate.cameo.startswith(INVESTIGATE_CAMEO_PREFIX):
                # "its investigation into an allegation by X that the NPFL had taken over the city":
                # who is investigated is the one the allegation is about
                targets = [s for s in clause_subjects(targets) if s not in sources] or targets
            if not targets and candidate.cameo.startswith("01"):
                targets = self._statement_targets(candidate)  # "expressed hopes the government will ..."
            if not targets and candidate.cameo.startswith(APPEAL_FOR_AID_CAMEO):
                targets = self._refuge_places(candidate, obj)  # "sought refuge in X": X gives it
            if not targets and candidate.cameo.startswith(YIELD_CAMEO_PREFIX):
                targets = self._yielded_to(predicate)  # "resigned as president of X", "... after a deal with X"
            if not targets:
                # "ended mediation efforts in the Arab-Israeli dispute"
                targets = [gc for word in (predicate, *candidate.extra, *([obj] if obj is not None else []))
                           for c in word.children if c.dep_ == "prep" for gc in c.children if is_mediated_conflict(gc)][:1]
            if not targets and (thing or cameo_info(candidate.cameo).quad in ("material_conflict", "material_cooperation")):
                # Force, withdrawal or aid "in Syria" / "from Iraq": the place stands for its recipient.
                targets = place_recipients(predicate)
            if goods_object:
                # (nor what the goods measure: "banned the use of small amounts of cocaine")
                targets = [t for t in targets if t not in obj.subtree]
        else:
            targets = self._statement_targets(candidate)
        # "declared a Ukrainian diplomat persona non grata": the person declared, not the idiom
        declared = [person for word in candidate.extra for person in declared_persons(word)]
        if len(targets) == 1 and (countries := expelled_from_countries(targets[0], self.actors.roles, self._is_known_place)):
            # "expelled diplomats from Poland, Germany and Sweden": the first country's diplomats (their
            # mention grows over it, see _grow_over_place) and the others', each country standing for
            # its own
            targets = [targets[0], countries[1]] if len(countries) > 1 else targets  # (its conjuncts follow)
        return sources, declared or self._without_goods(targets, candidate)

    def _handover_receivers(self, candidate: Candidate) -> list[Token]:
        """Whom persons extradited or property returned are handed to ("extradited the hacker to the
        United States", "was returned to Peru"); empty for other acts."""
        if not candidate.cameo.startswith(HANDOVER_CAMEO_PREFIXES):
            return []
        receivers = [r for r in recipient_heads(candidate.predicate, candidate.extra)
                     if (r.dep_ == "dative" or r.head.lower_ == "to") and (self._names_actor(r) or is_place(r))]
        if receivers or (obj := direct_object(candidate.predicate)) is None:
            return receivers
        # "returned dozens of artefacts to the Embassy of X": the parse may hang the "to" phrase on the
        # thing handed over (or on what its quantity counts)
        return [gc for thing in (obj, *counted_members(obj)) for c in thing.children if c.dep_ == "prep" and c.lower_ == "to"
                for gc in c.children if gc.dep_ == "pobj" and (self._names_actor(gc) or is_place(gc))]

    def _act_authors(self, noun: Token, candidate: Candidate, *, possessors: bool = True) -> list[Token]:
        """Who made the act a predicate responds to (``noun_authors``). When another act is about a
        withdrawal, retreat or expulsion, its "from X" is only the place left ("demanded the
        withdrawal of Serbian forces from Bosnia"); the withdrawal itself is directed at that place
        ("completed its withdrawal of troops from Iraq")."""
        authors = noun_authors(noun, possessors=possessors)
        entry = self._noun_entry(noun)
        if (entry is not None and entry.cameo and entry.cameo.startswith(DEPARTURE_CAMEO_PREFIXES)
                and not candidate.cameo.startswith(DEPARTURE_CAMEO_PREFIXES)):
            authors = [a for a in authors if a.head.lower_ != "from"]
        return authors

    def _protest_aims(self, candidate: Candidate) -> list[Token]:
        """What a protest opposes: its "against X" ("a demonstration against the siege"), or the object of
        a purpose clause that protests or demands ("went on strike to protest the decision")."""
        words = [candidate.predicate, *(t for t in candidate.extra if t.pos_ == "NOUN")]
        if opposed := opposed_things(words):
            return [who for thing in opposed for who in (self._named_authors(thing) or [thing])]
        # "walked out in response to the company's plan", "staging a sit-in in protest at the decision"
        carriers = [*words, *(c for c in candidate.predicate.children if c.dep_ in ("advcl", "conj") and c.pos_ == "VERB")]
        answered = [ggc for word in carriers for c in word.children if c.dep_ == "prep" and c.lower_ == "in"
                    for gc in c.children if gc.dep_ == "pobj" and gc.lemma_.lower() in RESPONSE_NOUNS
                    for p in gc.children if p.dep_ == "prep" and p.lower_ in ANSWERED_PREPOSITIONS
                    for ggc in p.children if ggc.dep_ == "pobj" and ggc.pos_ in ("NOUN", "PROPN")]
        if answered:
            return self._named_authors(answered[0]) or answered[:1]
        for clause in candidate.predicate.children:
            if not is_purpose_clause(clause) or (obj := direct_object(clause)) is None or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            if any(entry.cameo and entry.cameo.startswith(PROTESTED_CAMEO_PREFIXES)
                   for entry in self.lexicon.entries_for(clause.lemma_.lower(), "verb")):
                # ("to press their demands from the government": whom the clause names, see _build_event)
                return self._named_authors(obj) or ([] if self._actors_inside(obj) else [obj])
        return self._struck_employers(candidate)

    def _struck_employers(self, candidate: Candidate) -> list[Token]:
        """Whom a strike is aimed at, when it names no opponent: the employer or industry the workers'
        demands are about ("went on strike for better pay and conditions in Amazon warehouses"), or the
        workplace it is held at ("stopped work in a strike for higher wages at the X mine in Y"). Not a
        place (where the strike is, not whom), nor what the strikers' own mention says ("workers at X")."""
        if not candidate.cameo.startswith(WORK_STOPPAGE_CAMEO_PREFIX):
            return []
        strikers = {t.i for s in subject_heads(candidate.predicate) for t in s.subtree}
        words = [t for t in candidate.predicate.subtree if t.i not in strikers]
        placed = [(holder, gc) for holder in words for c in holder.children
                  if c.dep_ == "prep" and c.lower_ in WORKPLACE_PREPOSITIONS
                  for gc in c.children if gc.dep_ == "pobj" and gc.pos_ in ("NOUN", "PROPN")
                  and gc.ent_type_ not in ("GPE", "LOC", *NON_ACTOR_ENTITY_TYPES)]
        demanded = [thing for holder, thing in placed if holder.lemma_.lower() in WORK_DEMANDS]
        workplaces = [thing for _, thing in placed if thing.head.lower_ == "at"
                      and (thing.lemma_.lower() in WORKPLACES or thing.ent_type_ == "ORG")]
        return (demanded or workplaces)[:1]

    def _appealed_protest_aims(self, predicate: Token) -> list[Token]:
        """'called on workers to mobilize against X', 'called for Egyptians to join Friday's mobilization
        against army rule', 'called on followers to join thousands at a rally against X': an appeal to
        rally or protest is aimed at what the protest opposes, not at the people called on to join it.
        (Not "called on the US to lift sanctions against Iran": sanctions are no rallying.)"""
        for clause in predicate.children:
            if clause.dep_ not in ("xcomp", "advcl") or clause.pos_ != "VERB":
                continue
            # the clause's own verb, what it joins and where ("to join thousands at a rally")
            nouns = [o for c in clause.children if c.dep_ in ("dobj", "prep")
                     for o in ([c] if c.dep_ == "dobj" else [gc for gc in c.children if gc.dep_ == "pobj"])
                     if o.pos_ == "NOUN"]
            rallying = any(
                entry.cameo and entry.cameo.startswith(RALLYING_CAMEO_PREFIXES) for word in (clause, *nouns)
                for entry in (self.lexicon.entries_for(verb_lemma(word), "verb") if word is clause
                              else [e for e in (self._noun_entry(word),) if e is not None]))
            # (the parse may hang "against X" on "join" rather than on the rally joined)
            if rallying and (opposed := opposed_things((clause, *nouns))):
                return opposed
        return []

    def _named_authors(self, act: Token) -> list[Token]:
        """Who made an act, when a "by/from/of" phrase names them: "the policy imposed by X" (a measure
        protested stands for its author), "rejected accusations by X", and a "by" phrase the parse hangs
        on the active verb instead of the noun ("denied charges by Central American clergymen"); never a
        time ("by the end of the year")."""
        return [a for a in noun_authors(act, possessors=False)
                if a.ent_type_ not in NON_ACTOR_ENTITY_TYPES and self._names_actor(a)]

    def _answered_authors(self, noun: Token, sources: list[Token]) -> list[Token]:
        """'rejected accusations by X against the government': a denial or comment answers the
        author of the accusation or demand, not whom it is about."""
        return [a for a in self._named_authors(noun) if a not in sources]

    def _violated_named(self, candidate: Candidate) -> bool:
        """'violated a UN-brokered ceasefire', 'violated the EU's ban on X': a ceasefire or measure violated
        that names who made it stands for itself (a bare "violated the ceasefire" is no one's)."""
        obj = direct_object(candidate.predicate)
        return candidate.cameo.startswith(VIOLATION_CAMEO_PREFIXES) and obj is not None and any(
            t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "GPE", "NORP") for t in obj.subtree if t.i < obj.i)

    def _persons_sought(self, act: Token) -> list[Token]:
        """'an extradition request for X', 'a warrant for X': the person an act asks for."""
        # (not "a demand for the sacking of X": the act asks for an act, and stands for itself)
        wanted = [gc for c in act.children if c.dep_ == "prep" and c.lower_ == "for" for gc in c.children if gc.dep_ == "pobj"]
        return [p for p in wanted if names_a_person(p, self.actors.roles) and self._names_actor(p)][:1]

    def _released_persons(self, candidate: Candidate, obj: Token) -> bool:
        """Is the object of a release of persons (CAMEO 0841, also when said as an intent: "will release")
        a person or group rather than goods or money ("released two kidnapped engineers")?"""
        return (candidate.entry.cameo or "").startswith(RELEASE_PERSONS_CAMEO) and obj.pos_ == "NOUN" \
            and obj.lemma_.lower() not in RELEASED_THINGS and obj.ent_type_ not in NON_ACTOR_ENTITY_TYPES

    def _refuge_places(self, candidate: Candidate, obj: Token | None) -> list[Token]:
        """'sought refuge in India's state of Mizoram', 'asked for asylum in Germany': where refuge or
        asylum is sought is who is to give it."""
        sought = [t for t in (obj, *candidate.extra) if t is not None and t.lemma_.lower() in REFUGE_OBJECTS]
        if not sought:
            return []
        return [gc for word in (candidate.predicate, *sought) for c in word.children
                if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS for gc in c.children
                if gc.dep_ == "pobj" and (is_place(gc) or self._names_actor(gc))][:1]

    def _yielded_to(self, predicate: Token) -> list[Token]:
        """'resigned as president of Indonesia': the office left names whom; 'called off the strike after
        an agreement with the government': the party of the deal that ends the act; 'resigned under
        pressure from X': who pressed for it."""
        for prep in (c for c in predicate.children if c.dep_ == "prep"):
            objects = [gc for gc in prep.children if gc.dep_ == "pobj"]
            if prep.lower_ == "as":
                offices = [m for o in objects if o.pos_ == "NOUN" for m in of_complements(o) if is_named(m)]
                if offices:
                    return offices
            elif prep.lower_ in ("after", "following"):
                # ("after reaching agreement with X": the gerund's object)
                acts = objects + [o for gc in prep.children if gc.dep_ == "pcomp" and (o := direct_object(gc)) is not None]
                parties = [gc for act in acts if act.pos_ == "NOUN" and self._noun_entry(act) is not None
                           for c in act.children if c.dep_ == "prep" and c.lower_ in PARTY_PREPOSITIONS
                           for gc in c.children if gc.dep_ == "pobj" and self._names_actor(gc)]
                if parties:
                    return parties
        return self._conceding_parties(predicate) or self._pressing_authors(predicate)

    def _conceding_parties(self, predicate: Token) -> list[Token]:
        """'called off the strike after the government accepted their demands', '... once the company
        agreed to a raise': the party whose concession ends the act, named as the subject of an "after"
        clause (which the parse may hang on a relative clause of the act's object)."""
        subjects = subject_heads(predicate)
        for clause in predicate.subtree:
            if clause.dep_ != "advcl" or clause.pos_ != "VERB" or clause == predicate or any(
                a.dep_ in ("ccomp", "parataxis") for a in clause.ancestors if predicate.is_ancestor(a)
            ) or not any(c.dep_ == "mark" and c.lower_ in CONCESSION_MARKERS for c in clause.children):
                continue
            if any(cameo_info(entry.cameo).quad in COOPERATION_QUADS or entry.cameo.startswith(YIELD_CAMEO_PREFIX)
                   for entry in self.lexicon.entries_for(verb_lemma(clause), "verb") if entry.cameo):
                return [s for s in subject_heads_here(clause) if s not in subjects and self._names_actor(s)]
        return []

    def _threatened_objects(self, predicate: Token) -> list[Token]:
        """'threatened to attack any U.S. troops', 'vowed to shell the tree': what the threatened or
        promised use of force would hit."""
        for clause in (c for c in predicate.children if c.dep_ == "xcomp" and c.pos_ == "VERB"):
            obj = direct_object(clause)
            entries = self.lexicon.entries_for(clause.lemma_.lower(), "verb")
            if obj is not None and any(
                entry.cameo and entry.kind == "event" and cameo_info(entry.cameo).quad == "material_conflict"
                for entry in entries
            ):
                return [obj]
        return refused_act_authors(predicate)

    def _purpose_targets(self, main_verb: Token) -> list[Token]:
        """'called Erdogan to apologize', 'sent experts to Qatar to investigate': a purpose clause
        without an object of its own is directed at whom or where the main clause acts."""
        objects = [c for c in main_verb.children if c.dep_ == "dobj" and self._names_actor(c)]
        named = [o for o in objects if o.pos_ == "PROPN" or o.ent_type_ in ENTITY_TYPES]
        # the parse may hang the destination on what is sent ("sent a team of experts to Alabama")
        sent = [o for c in main_verb.children if c.dep_ == "dobj" for o in (c, *of_complements(c))]
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
            objects = [o for t in frontier if (o := direct_object(t)) is not None and o.pos_ == "NOUN"]
            clauses = [c for t in frontier for c in t.children if c.dep_ == "advcl" and is_purpose_clause(c)
                       and not is_for_clause(c)]
            # (help only: "its decision to expel 23 diplomats" says what was decided, not whom it is for)
            helping = [c for o in objects for c in o.children if c.dep_ == "acl" and c.tag_ == "VB" and is_to_infinitive(c)]
            for clause in clauses:
                aimed = [o for o in (direct_object(clause), *(s for c in clause.children if c.dep_ in ("ccomp", "xcomp")
                                                               for s in subject_heads_here(c)))
                         if o is not None and o.pos_ in ("NOUN", "PROPN") and self._names_actor(o)]
                if aimed := aimed or helped_people(clause):
                    return aimed[:1]
            for clause in helping:
                aimed = [o for o in (direct_object(clause),) if clause.lemma_.lower() in ASSISTANCE_VERBS
                         and o is not None and o.pos_ in ("NOUN", "PROPN") and self._names_actor(o)]
                if aimed := aimed or helped_people(clause):
                    return aimed[:1]
            frontier = [c for t in frontier for c in t.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
        return []

    def _rejected_or_commented(self, candidate: Candidate) -> list[Token]:
        """When the heads found first name nobody ("rejected Theresa May's offer on citizens' rights",
        "violated a ban by the UN on missile tests", "expressed pessimism about his mission for the first
        time"): what is rejected or defied stands for itself, or for its author when it names one, and a
        comment is about its topic; failing these, a refusal answers whoever pressed for what it refuses
        ("declined to resign despite X's request")."""
        obj = direct_object(candidate.predicate)
        # ("condemned the act of aggression and the threats made by X": the author named on a conjunct)
        authors = [] if obj is None or obj.pos_ != "NOUN" else next(
            (found for noun in (obj, *obj.conjuncts) if noun.pos_ == "NOUN" and (found := self._named_authors(noun))), [])
        if candidate.cameo.startswith("01"):  # ("denied accusations by X")
            return authors or statement_topics(candidate.predicate, candidate.extra) or self._pressing_authors(candidate.predicate)
        # (not "rejecting the other's proposals", "its plans": a pronoun's act names nobody here)
        owned_by_pronoun = obj is not None and any(c.dep_ == "poss" and c.pos_ == "PRON" or c.lower_ == "other"
                                                   for c in obj.children)
        return authors or ([obj] if obj is not None and obj.pos_ == "NOUN" and not owned_by_pronoun else []
                           ) or self._pressing_authors(candidate.predicate)

    def _pressing_authors(self, predicate: Token) -> list[Token]:
        """'declined to resign despite the president's request', 'refused under pressure from the
        unions', 'resigned amid calls by X': who demanded what the act refuses or gives in to."""
        for word in (predicate, *(c for c in predicate.children if c.dep_ == "xcomp")):
            for noun in (gc for c in word.children if c.dep_ == "prep" and c.lower_ in PRESSURE_PREPOSITIONS
                         for gc in c.children if gc.dep_ == "pobj" and gc.lemma_.lower() in PRESSURES):
                # ("under pressure from others in his party": whoever presses, named or not)
                authors = [a for a in noun_authors(noun) if a.ent_type_ not in NON_ACTOR_ENTITY_TYPES
                           and a.lower_ not in PRONOUNS_WITHOUT_REFERENT]
                if authors:
                    return authors
        return []

    def _statement_targets(self, candidate: Candidate) -> list[Token]:
        """Whom a statement is addressed to or about: the addressee ("told reporters", "expressed
        condolences to Bangladesh"), the recipient of a policy option under consideration ("considering
        sending aid to Kyrgyzstan", "considering the possibility of providing experts to X"), or the actor
        a hope or doubt is about ("expressed hopes the government will change its policy", "said it is
        skeptical the program would meet ...")."""
        predicate = candidate.predicate
        addressees = [c for c in predicate.children if c.dep_ in ("dobj", "dative") and c not in candidate.extra]
        # "called X ... to assure him that": the person the pronoun refers back to
        speakers = subject_heads(predicate)
        addressees = [pronoun_antecedent(a, speakers) or a for a in addressees]
        addressees = [a for a in addressees if self._names_actor(a)]
        if addressees:
            return addressees
        for token in (predicate, *candidate.extra):
            recipients = [gc for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "with")
                          for gc in c.children if gc.dep_ == "pobj"]
            if recipients:
                return recipients
        # "considering the possibility of providing experts to the Commission": whom the option weighed
        # would go to (the parse may hang "to X" lower: "transferring helicopters from A to B")
        options = [gc for token in candidate.extra for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for gc in c.children if gc.dep_ == "pcomp" and gc.tag_ == "VBG"]
        for option in options:
            given = [r for r in recipient_heads(option, []) if r.head.lower_ == "to"] or [
                r for r in option.subtree if r.dep_ == "pobj" and r.head.lower_ == "to"
                and r.pos_ in ("NOUN", "PROPN") and r.ent_type_ not in NON_ACTOR_ENTITY_TYPES][:1]
            if given:
                return given
        if candidate.cameo.startswith("13") and (authors := refused_act_authors(predicate)):
            return authors
        return statement_topics(predicate, candidate.extra) or content_subjects(predicate, candidate.extra) \
            or self._own_act_objects(predicate)

    def _own_act_objects(self, predicate: Token) -> list[Token]:
        """'insists it is strictly enforcing all UN sanctions', 'said they were respecting the
        ceasefire': a statement about the speaker's own act (the content clause's subject is a pronoun
        for the speaker) is about what that act is done to, when no event of its own was coded there."""
        found: list[Token] = []
        # (reported after the verb, not a quotation before it, and by a speaker named, not a pronoun; a
        # denial, "said it does not know ...", is no statement about an act)
        if not any(s.pos_ != "PRON" for s in subject_heads(predicate)):
            return []
        for clause in (c for c in predicate.children if c.dep_ == "ccomp" and c.pos_ == "VERB" and c.i > predicate.i
                       and not any(g.dep_ == "neg" for g in c.children)):
            own = any(s.lower_ in ("it", "they") for s in subject_heads_here(clause))
            if not own or self.lexicon.entries_for(verb_lemma(clause), "verb") \
                    or (obj := direct_object(clause)) is None or obj.pos_ not in ("NOUN", "PROPN"):
                continue
            if obj.lemma_.lower() in GIVEN_THINGS:
                # "said it has earmarked 2 million euros in aid to help X cope": the statement is about
                # whom the money or aid goes to or is meant to help
                # (the parse may hang "for X" on the amount: "set aside 3 million euros for X")
                found += [gc for word in (clause, obj) for c in word.children if c.dep_ in ("prep", "dative")
                          and c.lower_ in ("to", "for") for gc in c.children if gc.dep_ == "pobj" and self._names_actor(gc)
                          ] or self._purpose_objects(clause)
            elif obj.ent_type_ not in NON_ACTOR_ENTITY_TYPES and (
                    self._names_actor(obj) or names_people(obj, self.actors.roles)
                    or obj.lemma_.lower() in PARTY_NOUNS):
                # (a party, not what the act makes or deals in: "said it will install a base in X",
                # "admitted they were transporting contraband goods")
                found.append(obj)
        return found

    def _is_own_thing(self, token: Token) -> bool:
        """'his explosives-laden vehicle', 'her country': a thing or place that a possessive pronoun gives
        to someone already named (mostly the source), not a person ("his counterpart") or a named one."""
        return (any(child.dep_ == "poss" and child.tag_ == "PRP$" for child in token.children)
                and token.pos_ == "NOUN" and token.ent_type_ not in ENTITY_TYPES
                and not names_a_person(token, self.actors.roles)
                and not any(child.ent_type_ in ENTITY_TYPES for child in token.children))

    def _is_own_home(self, token: Token) -> bool:
        """'her country', 'their homeland': a place given by a possessive pronoun (mostly the source's)."""
        return self._is_own_thing(token) and (is_place(token) or token.lemma_.lower() in HOME_NOUNS)

    def _speaks_for_subject(self, predicate: Token, reporter: Token, subjects: list[Token]) -> bool:
        """'X announced that the government will extend the curfew', 'X said his country will not lift
        the ban': a reported future act whose subject, named after the speaker, is a definite mention
        that names nobody (no country or organisation) is the speaker's own side. Not the subject of
        what an attitude is about ("the union said it is confident the company will reach a deal"): the
        speaker judges another party's act."""
        if not any(is_future(token, self.modality) for token in clause_chain(predicate)):
            return False
        if any(is_attitude_content(subject, predicate, [], self.modality.attitude_adjectives) for subject in subjects):
            return False
        for subject in subjects:
            if subject.i < reporter.i or subject.pos_ not in ("NOUN", "PROPN") or is_named(subject) and subject.pos_ == "NOUN":
                return False
            if not any(c.dep_ in ("det", "poss") and c.lower_ in DEFINITE_DETERMINERS for c in subject.children):
                return False
            actor = self.actors.resolve(self.actors.phrase_for(subject))
            if subject.pos_ == "PROPN" and actor is None or actor is not None and (actor.country or actor.org):
                return False
        return True

    def _hopers(self, candidate: Candidate, context: object, published: date | None) -> list[Actor]:
        """Who hopes or expects the act: the subject of "hope" whose that-clause holds the predicate
        ("he hopes Japan will persuade ..."), or of the verb a noun "hope" is the object of ("voiced
        hope that ..."); a pronoun is the speaker of the verb reporting the hope."""
        top = clause_chain(candidate.predicate)[-1]
        hope = top.head
        if top.dep_ not in ("ccomp", "acl") or verb_lemma(hope) not in HOPE_LEMMAS or top.i < hope.i:
            return []
        holder = hope if hope.pos_ == "VERB" else hope.head if hope.dep_ in ("dobj", "obj") else None
        if holder is None:
            return []
        hopers = subject_heads(holder)
        if hopers and all(h.lower_ in ANAPHORIC_PRONOUNS for h in hopers) and (reporter := reporting_verb(holder)) is not None:
            hopers = [h for h in subject_heads(reporter) if h.pos_ != "PRON"]
        return self._make_actors([h for h in hopers if h.pos_ != "PRON"], context, published)

    def _is_goods(self, thing: Token) -> bool:
        """Goods or a practice that names nobody: "13 vehicles", "two tons of cocaine", "$30 million worth
        of counterfeit currency", "the personal use of small amounts of cocaine"."""
        lemma = thing.lemma_.lower()
        compounds = [f"{c.lemma_.lower()} {lemma}" for c in thing.children if c.dep_ == "compound"]
        if lemma in GOODS or lemma in PRACTICES or any(c in GOODS for c in compounds):
            return True
        measure = lemma in GOODS_UNITS or thing.ent_type_ in ("MONEY", "QUANTITY", "CARDINAL") or thing.pos_ == "NUM"
        return measure and (thing.ent_type_ == "MONEY" or any(
            self._is_goods(measured) for measured in of_complements(thing) if measured.pos_ in ("NOUN", "PROPN")))

    def _is_unowned_goods(self, thing: Token) -> bool:
        """Goods or a practice no modifier says are someone's ("13 vehicles", not "British weapons" or "a
        police car"; a drug the tagger takes for a name is no owner)."""
        return thing.pos_ == "NOUN" and self._is_goods(thing) and not any(
            self._names_doer(c) and not self._is_goods(c) for c in thing.children
            if c.dep_ in OWNER_MODIFIER_DEPS)

    def _without_goods(self, targets: list[Token], candidate: Candidate) -> list[Token]:
        """Targets less the unowned goods of a seizure, ban, offer or sale: "the seizure of 2 tons of
        cocaine", "13 vehicles were seized" (CAMEO codes whom the act is done to, or nobody)."""
        if not candidate.cameo.startswith(GOODS_CAMEO_PREFIXES):
            return targets
        return [t for t in targets if not self._is_unowned_goods(t)]

    def _goods_owners(self, predicate: Token, goods: Token) -> list[Token]:
        """Whom goods are taken from or whose they are: "seized two tons of cocaine from the cartel", "the
        use of arms by militias" (an actor, or people named by what they are)."""
        owners = [gc for word in (predicate, goods) for c in word.children
                  if c.dep_ in ("prep", "agent") and c.lower_ in OWNER_PREPOSITIONS
                  for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ not in NON_ACTOR_ENTITY_TYPES
                  and not (c.lower_ == "of" and self._is_goods(gc))]
        return [o for o in owners if self._names_doer(o) or names_people(o, self.actors.roles)][:1]

    def _names_actor(self, token: Token) -> bool:
        """Does the noun phrase name an actor (a person, group, organisation or place), not a thing?"""
        if token.pos_ == "PROPN" or token.ent_type_ in ENTITY_TYPES:
            return True
        phrase = self.actors.phrase_for(token)
        # "various African countries": a people or place word inside the phrase names who is meant
        return self.actors.resolve(phrase) is not None or any(t.ent_type_ in ("GPE", "NORP") for t in phrase)

    def _event_noun_participants(self, noun: Token) -> tuple[list[Token], list[Token]]:
        """noun_participants, with the "by" phrase where the parse misplaced it: on the "of" complement
        ("the expulsion of three diplomats by Mali"), or on the noun after an act it names
        ("allegations of torture by the police": the police tortured, they do not allege)."""
        sources, targets = noun_participants(noun)
        misplaced = act_agents_on_noun(noun, self._is_act)
        sources = [s for s in sources if s not in misplaced and not any(s in m.conjuncts for m in misplaced)]
        return sources or by_agents(noun, self._is_act), targets

    def _is_news_outlet(self, token: Token) -> bool:
        """A newspaper, agency or broadcaster ("the Associated Press", "newspaper La Prensa")."""
        actor = self.actors.resolve(self.actors.phrase_for(token))
        return actor is not None and actor.sector == NEWS_SECTOR

    def _is_act(self, token: Token) -> bool:
        """A word for an act: an event noun or a gerund ("allegations of torture", "of killing")."""
        return token.tag_ == "VBG" or (token.pos_ == "NOUN" and self._noun_entry(token) is not None)

    def _names_doer(self, token: Token) -> bool:
        """An actor, or a word for people or a body of them ("the security service", "gunmen")."""
        compounds = [c.lemma_.lower() for c in token.children if c.dep_ == "compound" and c.i < token.i]
        lemmas = [token.lemma_.lower(), *(f"{c} {token.lemma_.lower()}" for c in compounds[-1:])]
        return self._names_actor(token) or any(lemma in self.actors.roles for lemma in lemmas)

    def _names_own_country(self, head: Token, phrase: Span) -> bool:
        """Does a modifier of the head say whose it is, so that where it is adds nothing to the mention
        ("Ukrainian forces in the Crimea", "Germany's charge d'affaires in Warsaw")? Only asked when
        the head has a site complement; the phrase is read alone, not with the article's actors. A named
        office keeps its place: it says which of its kind ("the US Attorney's Office in Boston", "the
        US Embassy in Athens")."""
        if not any(c.dep_ == "prep" and c.lower_ in SITE_PREPOSITIONS for c in head.children):
            return False
        if head.pos_ == "PROPN" and head.ent_type_ in ("ORG", "FAC") or head.lemma_.lower() in BRANCH_OFFICES:
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
        # a charge names an act ("of genocide", "of ordering the murders"), not a group or its members
        # ("leaders of one of the groups")
        objects = [gc for c in charges for gc in c.children if gc.dep_ in ("pobj", "pcomp")]
        if not objects or not all(
            o.pos_ == "VERB" or (o.pos_ == "NOUN" and o.ent_type_ not in ENTITY_TYPES and not self._names_actor(o))
            for o in objects
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
        actor_heads: list[Token] = []  # the head each actor was read from (join_split_subjects)
        seen: set[tuple[int, int]] = set()
        # "thousands of Tamil refugees", "dozens of protesters": the people counted are the participant
        counted: dict[int, Token] = {}  # member index -> the quantity word counting it
        members_of: list[list[Token]] = []
        for given in heads:
            # (a pronoun or numeral that counts, "each of the providers", is never kept itself: its
            # members stand even when the dictionaries do not know them)
            members = [m for m in counted_members(given) if self._names_actor(m)
                       or (keep_unknown_nouns and given.pos_ != "NOUN" and m.pos_ == "NOUN")]
            counted.update((member.i, given) for member in members)
            members_of.append(members or [given])
        heads = [member for members in members_of for member in members]
        # coordinations the parse misread: each named conjunct is a participant of its own, and the
        # phrase it was read into keeps to its own words
        windows: dict[int, tuple[int, int]] = {}
        listed: list[Token] = []
        peoples_of: dict[int, Token] = {}  # a listed place -> the people noun it stands for the people of
        for read in expand_conjuncts([member for given in heads for member in collective_members(given)]):
            hidden, window = hidden_conjuncts(read, self.actors.roles)
            if window is not None:
                windows[read.i] = window
            listed.extend(token for token in (read, *hidden) if token not in listed)
            peoples_of.update((token.i, read) for token in hidden
                              if places_list_peoples(read, first_conjunct(token).head, self.actors.roles))
        sector_of: dict[int, str | None] = {}  # the sector each people noun's actor was given
        for head in listed:
            if head.pos_ == "NOUN" and is_release_term(head):
                continue  # "freed on bail two ex-ministers": the parse may read the term as an object
            if head.lower_ in PRONOUNS_WITHOUT_REFERENT or head.pos_ in ("VERB", "AUX", "NUM") or (
                head.pos_ == "ADV" and head.ent_type_ not in ENTITY_TYPES  # (a name mistagged: "USAID")
            ):
                continue
            if head.ent_type_ in NON_ACTOR_ENTITY_TYPES and not counts_members(head):
                continue
            span = self._split_name_phrase(head, self.actors.phrase_for(head))
            if (speaker := next((c for c in head.children if c.dep_ == "appos" and subject_of_next_verb(c)), None)) \
                    is not None and span.start <= head.i < speaker.left_edge.i < span.end:
                # "withdrew troops from Syria, Defence Minister X said": the name is the verb's subject
                span = head.doc[span.start : speaker.left_edge.i]
            if head.i in windows:
                span = clip_to_window(span, head, windows[head.i])
            # The actor is resolved from the resolver's phrase; it is reported as the whole mention.
            # "Bolivia's request for talks": what an act asks for is not part of its mention
            entry = self._noun_entry(head) if head.pos_ == "NOUN" else None
            stops = frozenset() if entry is None else ACT_CONTENT_PREPOSITIONS
            # (a name keeps its own "on": "the National Survey on Drugs")
            if (entry is None or (entry.cameo or "")[:2] not in FORCE_CAMEO_ROOTS) and head.pos_ != "PROPN":
                stops = stops | MENTION_TOPIC_PREPOSITIONS
            if self._charge_hangs_on(head):
                stops = stops | CHARGE_PREPOSITIONS
            if self._names_own_country(head, span):
                stops = stops | SITE_PREPOSITIONS
            if head.dep_ == "pobj" and head.head.dep_ == "agent":
                stops = stops | AGENT_MISATTACHED_PREPOSITIONS  # "imposed by the EU on Russian banks"
            mention = mention_span(head, span, self.actors.roles, stops)
            if head.i in windows:
                mention = clip_to_window(mention, head, windows[head.i])
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
            end = mention_end_char(mention)
            actor.text, actor.start, actor.end = mention.text[: end - mention.start_char], mention.start_char, end
            if actor.country is None and actor.org is None and actor.sector is None:
                if not owner_looked_up:
                    owner = self._owner_of(head, context, published)
                if owner is not None:  # "a mission of observers from the OSCE", "positions of the army"
                    actor.country, actor.sector, actor.org = owner.country, owner.sector, owner.org
                    actor.name = actor.name or owner.name
            elif actor.country is None and actor.org is None and head.pos_ == "NOUN":
                # "negotiators from Myanmar's military government", "delegations from Sudan's warring
                # parties": people of a known sector from or of a country's body are of its country. The
                # body must be named there, not an anaphor read through the article ("from that group")
                owner = self._owner_of(head, None, published)
                if owner is not None and (owner.country or owner.org):
                    actor.country, actor.org = owner.country, owner.org
            if actor.country is None and actor.org is None:
                actor.country = self._country_of_location(head, context, published)
            if actor.country is None and actor.org is None and actor.sector in STATE_SECTORS:
                actor.country = self._reported_side(head)
            if self.actors.is_local(span, actor) and (where := self.actors.where_country(head, actor.sector)):
                # "Farmers blocked the motorway between Madrid and Seville": people, workers, police
                # and gunmen are of the country where their sentence happens, when that is one country;
                # given once the event's parties are chosen (place_local_actors), since which parties
                # are chosen asks who already has a country
                self._local_countries[id(actor)] = (actor, where)
            if actor.sector == "government" and head.pos_ == "NOUN" and (entry := self._noun_entry(head)) is not None \
                    and entry.cameo[:2] in FORCE_CAMEO_ROOTS:
                actor.sector = "military"  # "US Predator attacks", "Israeli air strikes": the state's forces
            if actor.country is None and actor.org is None and actor.sector is not None:
                # "Bosnian Serbs said their forces had withdrawn": the forces are the speaker's (a
                # group or office, not a thing's owner: "returned the portrait to its owner")
                owner = self._possessive_antecedent(head, context, published)
                if owner is not None:
                    actor.country, actor.org = owner.country, owner.org
            sector_of[head.i] = actor.sector
            if head.i in peoples_of and peoples_of[head.i].i in sector_of:
                # "people in X, Y and Z": Y and Z stand for their people, not their governments (nor
                # does "similar groups in X and Y" make Y's government a party)
                actor.sector = sector_of[peoples_of[head.i].i]
            # "Indian and French warships", "the Thai and Cambodian defence ministers": people of several
            # countries, one participant per country, like a list of countries after a people noun
            # (above); each keeps the whole mention, since the countries share its head
            for each in self._one_per_country(actor, head):
                actors.append(each)
                actor_heads.append(head)
        actors, _ = join_split_subjects(actors, actor_heads)
        # A mention that is only punctuation is a piece of a name the parse split (and so is one inside
        # another, see distinct_mentions), not a participant of its own.
        return distinct_mentions([actor for actor in actors if any(ch.isalnum() for ch in actor.text)])

    def _one_per_country(self, actor: Actor, head: Token) -> list[Actor]:
        """The actor once per country when the modifiers its head shares are a coordination of
        countries ("US and Philippine troops") and its country came from them; else the actor alone.
        A coordination of other words ("Indian naval and air forces") or of an organisation's names
        is one actor."""
        names = coordinated_modifiers(head)
        if not names or actor.org is not None:
            return [actor]
        countries = [self.actors.country_named(name) for name in names]
        if None in countries or len(set(countries)) < 2 or actor.country not in countries:
            return [actor]
        return [self.actors.with_country(actor, country) for country in dict.fromkeys(countries) if country]

    def _make_targets(
        self, heads: list[Token], context: object, published: date | None, *,
        keep_unknown_nouns: bool = False, keep_topics: bool = False, literal: bool = False, answered: bool = False,
        kept_heads: Collection[Token] = (),
    ) -> list[Actor]:
        """Target actors of the heads. A head that names no actor is replaced by the one named inside
        it: "claimed responsibility for the attacks in Sri Lanka", "a mediation effort between India
        and Pakistan", "spurned offers for peace talks by the Kabul government"; unless ``literal``
        (comments, rejections, force: "rejected an offer from X"), an abstract thing is replaced even
        when it could stand as a target itself ("eased the movement of aid workers in conflict zones").
        Recipients of what is given ("giving money to local communities"), counted groups ("hundreds of
        banks") and, with ``keep_topics``, what a comment is about ("pessimism over Alitalia's future")
        are kept even when the dictionaries do not know them, and so are ``kept_heads`` (see
        _unnamed_parties). An act or measure stands for the party it
        names even when a modifier names its author ("UN sanctions against Iran", "imports of British
        beef"), except one ``answered`` (comments, rejections: "rejected an offer from X"); a party named
        by what it is keeps the place that locates it ("the entities in Uganda")."""
        actors: list[Actor] = []
        for head in expand_conjuncts(heads):
            counted = counts_members(head)
            keep = keep_unknown_nouns or counted or is_recipient(head) or is_addressed_group(head) or (
                keep_topics and is_topic(head))
            found: list[Actor] = []
            if not answered and head.pos_ == "NOUN" and not counted and self._is_act_noun(head):
                found = self._make_actors(self._act_parties(head), context, published, keep_unknown_nouns=True)
            if not found and not literal and head.pos_ == "NOUN" and not counted and not self._names_actor(head) \
                    and head.lemma_.lower() not in PARTY_NOUNS:
                inside = self._actors_inside(head, ABSTRACT_THING_PREPOSITIONS)
                found = self._make_actors(inside, context, published)
            found = found or self._make_actors([head], context, published, keep_unknown_nouns=keep)
            if not found and head.pos_ in ("NOUN", "PROPN") and (inside := self._actors_inside(head)):
                if counts_members(head) or head.lemma_.lower() in self.actors.roles or (
                    head.tag_ == "NNS" and self._noun_entry(head) is None
                ) or head.lemma_.lower() in PARTY_NOUNS:
                    # people named by what they are ("dozens of demonstrators in Yerevan")
                    found = self._make_actors([head], context, published, keep_unknown_nouns=True)
                else:
                    found = self._make_actors(inside, context, published)
            if not found and head.pos_ == "NOUN":
                found = self._make_actors(self._victims_of_force(head), context, published, keep_unknown_nouns=True) \
                    or self._make_actors(clause_parties(head), context, published, keep_unknown_nouns=True)
            if not found and (named := [t for t in named_beside(head) if self._names_actor(t)]):
                found = self._make_actors(named, context, published)
            if not found and (is_mediated_conflict(head) or head in kept_heads):
                found = self._make_actors([head], context, published, keep_unknown_nouns=True)
            actors.extend(found)
        for actor in actors:
            self._grow_over_place(actor, heads[0].doc)
        return distinct_mentions(actors)

    def _grow_over_place(self, actor: Actor, doc: Doc) -> None:
        """A target's mention takes in the place phrase after it that the parse hung on the verb (see
        verb_attached_place); its codes stay those of the party."""
        # (twice: "fighters | across the border | in north-eastern X", both hung on the verb)
        for _ in range(2):
            mention = mention_tokens(actor, doc)
            grown = verb_attached_place(mention, self.actors.roles, self._is_known_place) if mention is not None else None
            if grown is None:
                return
            end = mention_end_char(grown)
            actor.text, actor.end = doc.text[actor.start : end], end

    def _is_known_place(self, token: Token) -> bool:
        """A city or province of the places table (actors/places.py), whatever the parse tagged it."""
        return self.actors.places.country(self.actors.phrase_for(token).text) is not None

    def _unnamed_parties(self, candidate: Candidate, heads: list[Token]) -> list[Token]:
        """Target heads that stand as they are though no dictionary knows them: a party the act asks
        for named by what it is ("expelled all UNSCOM weapons inspectors"); whom a demand presses to act
        ("pressuring lecturers to cancel the strike"); what an attitude is about ("expressed optimism
        that the vaccination timeline could be accelerated", "said they are skeptical the program would
        meet ..."); what is agreed with, endorsed or defended ("agree with the recommendation",
        "defended Colombia's actions")."""
        cameo = candidate.cameo
        return [head for head in expand_conjuncts(heads) if head.pos_ == "NOUN" and (
            head in candidate.extra and head.lemma_.lower() in PARTY_NOUNS
            or cameo.startswith(REQUEST_CAMEO_PREFIXES) and self._is_pressed_to_act(head, candidate.predicate)
            or cameo.startswith(STATEMENT_CAMEO_PREFIX) and is_attitude_content(
                head, candidate.predicate, candidate.extra, self.modality.attitude_adjectives)
            or cameo.startswith(STATEMENT_CAMEO_PREFIX) and head in self._own_act_objects(candidate.predicate)
            or cameo.startswith(EVALUATION_CAMEO_PREFIXES) and self._is_evaluated(head, candidate))]

    def _is_pressed_to_act(self, head: Token, predicate: Token) -> bool:
        """'pressuring lecturers to cancel', 'urged workers to return': people (a plural noun that is no
        act) whom a demand asks to do what its infinitive says, when they name nobody inside ("urged
        partners like Saudi Arabia to ..." is aimed at the one named)."""
        return (head.dep_ in ("dobj", "obj") and head.head == predicate and head.tag_ == "NNS"
                and self._noun_entry(head) is None and not self._is_act_noun(head)
                and not any(t.pos_ == "PROPN" or t.ent_type_ in ENTITY_TYPES for t in head.subtree)
                and any(c.dep_ == "xcomp" and is_to_infinitive(c) for c in predicate.children))

    def _is_evaluated(self, head: Token, candidate: Candidate) -> bool:
        """What the predicate itself agrees with, endorses or defends (its object, or the object of its
        own particle), unless a pronoun owns it ("supports its decision": whose, the pronoun does not say).
        Not help given for a purpose ("handed over vehicles to support health services"), nor what no
        one judges."""
        governed = head.dep_ in ("dobj", "obj") and head.head == candidate.predicate or (
            head.dep_ == "pobj" and head.head in candidate.extra)
        # only someone judges ("the data support this conclusion" is no endorsement); a pronoun in a
        # report stands for the speaker ("FDA officials said they agree with ...")
        judges = subject_heads(candidate.predicate)
        if judges and all(j.lower_ in ANAPHORIC_PRONOUNS for j in judges) and (
                reporter := reporting_verb(candidate.predicate)) is not None:
            judges = subject_heads(reporter)
        if not any(j.pos_ != "PRON" and self._names_actor(j) for j in judges):
            return False
        owned_by_pronoun = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)
        return governed and not owned_by_pronoun and head not in candidate.extra \
            and not (candidate.predicate.dep_ == "advcl" and is_to_infinitive(candidate.predicate))

    @staticmethod
    def _is_party_mention(actor: Actor, doc: Doc) -> bool:
        """Does the mention name a party by what it is ("21 countries in Europe", "observers in X")?
        Such a party is the target itself, never to be replaced by the place that locates it."""
        mention = mention_tokens(actor, doc)
        return mention is not None and mention.root.lemma_.lower() in PARTY_NOUNS

    def _is_act_noun(self, noun: Token) -> bool:
        """An act or measure ("imports", "sanctions", "a state of emergency"), not a party: an event noun
        of the lexicon or a word of ACT_NOUNS, alone or with its "of" complement."""
        lemma = noun.lemma_.lower()
        if lemma in ACT_NOUNS or self._noun_entry(noun) is not None:
            return True
        return any(f"{lemma} of {gc.lemma_.lower()}" in ACT_NOUNS for gc in of_complements(noun))

    def _act_parties(self, act: Token, depth: int = 3) -> list[Token]:
        """The party an act or measure names: the first actor or party noun among its prepositional
        complements ("sanctions against Iran", "imports of British beef", "the demands of the truck
        drivers"), through another act it names ("the development of the deployment plan in X"). Whom
        it is done to or where comes before whom it is done by or of ("the movement of aid workers in
        conflict zones"); a name comes before a party noun ("a mission of observers from the OSCE"); a
        time, a date or a possessive pronoun's home ("her country") is none."""
        objects = [obj for child in sorted(act.children, key=lambda c: c.lower_ in AUTHOR_PREPOSITIONS)
                   if child.dep_ in ("prep", "agent") and child.lower_ in ACT_PARTY_PREPOSITIONS
                   for obj in child.children if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN")
                   and obj.ent_type_ not in NON_ACTOR_ENTITY_TYPES and not self._is_own_home(obj)]
        parties: list[Token] = []
        for obj in objects:
            if obj.pos_ == "NOUN" and depth > 1 and self._is_act_noun(obj):
                if inner := self._act_parties(obj, depth - 1):
                    return inner
            elif self._names_actor(obj) or is_place(obj):
                return [obj]
            elif obj.lemma_.lower() in PARTY_NOUNS:
                parties.append(obj)
        return parties[:1]

    def _victims_of_force(self, act: Token) -> list[Token]:
        """'claimed responsibility for the attack on the army's sites', 'for the bombings that killed 300
        people in Sri Lanka', 'for an act of arson at a ski resort': what an attack named as a thing hit,
        or the place where its own clause says it struck."""
        acts = [act, *(gc for gc in of_complements(act) if gc.pos_ == "NOUN")]
        if not any((entry := self._noun_entry(a)) is not None and entry.cameo[:2] in FORCE_CAMEO_ROOTS for a in acts):
            return []
        holders = [act]
        if act.dep_ == "pobj" and act.head.lower_ == "for" and act.head.head.pos_ == "NOUN":
            holders.append(act.head.head)  # the parse may hang "at X" on "responsibility"
        if hit := first_prepositional_objects(holders, VICTIM_PREPOSITIONS):
            return hit
        clauses = [c for c in act.children if c.dep_ in ("relcl", "acl") and c.pos_ == "VERB"]
        return next((places for clause in clauses if (places := places_in_scope(clause, []))), [])

    def _named_target(self, head: Token, candidate: Candidate, source_heads: list[Token]) -> list[Token]:
        """Whom a target head stands for: the person an object pronoun refers back to ("urged him"); for
        a thing that names nobody ("banned assembly of five persons") or a protest's own phrase ("went
        on strike", "took to the streets"), only whom it names inside ("a strike ... on Freeport").
        (Force "at targets in X" stays: it hits the people there, see _build_event.)"""
        if (is_generic(head) and not candidate.cameo.startswith(FORCE_CAMEO_ROOTS)) or (
            head.dep_ == "pobj" and head in candidate.extra and candidate.cameo.startswith(PROTEST_CAMEO_PREFIX)
        ):
            return self._actors_inside(head)
        return [pronoun_antecedent(head, source_heads) or conjoined_object_antecedent(head) or head]

    def _dispatch_targets(
        self, candidate: Candidate, source_heads: list[Token], target_heads: list[Token], targets: list[Actor],
        context: object, published: date | None,
    ) -> list[Actor]:
        """'sent 200 troops to Syria', 'withdrew two battalions from Bhutan', 'strengthened its forces in
        the Gulf': the forces or goods moved are the source's own; whom they are sent to help ("to train
        200 Nigerian soldiers"), the forces they are handed to, or the place they go to or leave is the
        recipient. With no place in their own clause, forces go where the act they are conjoined with
        applies ("declared a state of siege in X and sent in troops")."""
        predicate = candidate.predicate
        heads = expand_conjuncts(target_heads)
        if not any(h.ent_type_ in ("GPE", "LOC") for h in heads):
            helped = [t for t in purpose_beneficiaries(predicate) if t not in source_heads and self._names_actor(t)]
            if helped and (found := self._make_actors(helped, context, published, keep_unknown_nouns=True)):
                return found
        # the forces moved themselves ("its forces"), not forces they are sent to join
        moved = bool(heads) and all(h.lemma_.lower() in MOVED_FORCES and h.dep_ in ("dobj", "obj", "conj") for h in heads)
        # "contributed troops to the NATO-led force in X": a force joined that serves in a place is the
        # means of the help; the place it serves is its recipient (a force named alone is: "handed over
        # to UN forces")
        served = [gc for h in heads if not moved and h.dep_ == "pobj" and h.lemma_.lower() in MOVED_FORCES
                  for c in h.children if c.dep_ == "prep" and c.lower_ in ("in", "inside")
                  for gc in c.children if gc.dep_ == "pobj" and gc.ent_type_ in ("GPE", "LOC") and gc not in source_heads]
        if served and (found := self._make_actors(served, context, published, keep_unknown_nouns=True)):
            return found
        if not targets or (not moved and any(a.country or a.org for a in targets)):
            return targets
        # "surrendered their last territory to US-backed forces": the side yielded to
        handed = [r for r in recipient_heads(predicate, candidate.extra) if r.head.lower_ == "to" and r.ent_type_ not in ("GPE", "LOC")
                  and (r.lemma_.lower() in MOVED_FORCES or r.ent_type_ in ("PERSON", "NORP"))
                  ] if candidate.cameo.startswith(DEPARTURE_CAMEO_PREFIXES) else []
        # "strengthened its forces in Crimea": where the forces moved are
        stationed = [gc for h in heads if moved for c in h.children if c.dep_ == "prep" and c.lower_ in PLACE_PREPOSITIONS
                     for gc in c.children if gc.dep_ == "pobj" and (is_named(gc) or is_place(gc))]
        # "donated $1 million to the World Food Program in X": a named body given to is the recipient,
        # with the place that locates it
        given_to = [r for r in recipient_heads(predicate, candidate.extra) if r.head.lower_ == "to"
                    and r.pos_ == "PROPN" and r.ent_type_ not in ("GPE", "LOC") and self._names_actor(r)]
        places = handed or stationed or place_recipients(predicate) or given_to or places_in_scope(
            predicate, [*target_heads, *candidate.extra], opponents=True
        ) or conjoined_act_places(predicate)
        moved_to = self._make_actors([p for p in places if p not in source_heads], context, published, keep_unknown_nouns=True)
        # ("surrendered to the police in X": where the side yielded to is says which one, as for any target)
        for actor in moved_to:
            self._grow_over_place(actor, predicate.doc)
        return moved_to or targets

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

    def _reported_side(self, speaker: Token) -> str | None:
        """'Poland will close its border crossings, the interior minister warned', 'Colombian troops
        did not open fire, the army commander said': an office-holder named without a country who
        announces what a state will do, or denies what it did, speaks for that state. Not a plain
        report of a past act ("Iran attacked the tanker, the minister said"): that is often an
        accusation against another state."""
        verb = speaker.head
        if speaker.dep_ not in SUBJECT_DEPS or verb.pos_ not in ("VERB", "AUX"):
            return None
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if verb.dep_ in ("conj", "parataxis") and verb.lemma_.lower() in SPEECH_LEMMAS and verb.head.i < speaker.i:
            clauses.append(verb.head)  # the reported clause read as the report's first conjunct
        for clause in clauses:
            if not (any(is_future(token, self.modality) for token in clause_chain(clause))
                    or is_negated(clause, self.modality)):
                continue
            for subject in subject_heads_here(clause):
                if subject.pos_ not in ("NOUN", "PROPN"):
                    continue
                side = self.actors.resolve(self.actors.phrase_for(subject))
                if side is not None and side.country and side.org is None and side.sector in STATE_SECTORS:
                    return side.country
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

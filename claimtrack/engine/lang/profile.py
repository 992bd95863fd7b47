"""The shape of a language profile: every language-specific table the engine reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property


@dataclass(frozen=True)
class LanguageProfile:
    """Words and marks that signal attribution in one language.

    Verb tables hold lemmas; `verb_forms` maps inflected forms to those lemmas
    so the tables work even when the pipeline's lemmatizer is weak.
    """

    code: str
    # reporting verbs that introduce a claim on their own ("zeggen", "say")
    speech_verbs: frozenset[str]
    # verbs of opinion/knowledge that only count with a clause ("vinden dat", "believe that")
    opinion_verbs: frozenset[str]
    # (verb lemma, companion word, ...) that together form a cue ("laten weten", "duidelijk
    # maken"); a companion may be a phrase of several words ("wijzen van de hand")
    phrasal_cues: frozenset[tuple[str, ...]]
    # companion words that turn a speech verb into a non-speech use ("zich verklaren", "elkaar spreken")
    non_speech_objects: frozenset[str]
    # prepositions/adverbs that introduce a source: "volgens X", "according to X", "aldus X"
    according_to: tuple[tuple[str, ...], ...]
    # nouns that carry a claim and name the source with a preposition ("kritiek van X")
    nominal_cues: frozenset[str]
    nominal_preps: frozenset[str]
    # role nouns that may precede a name and are not part of it ("persbureau", "minister")
    role_nouns: frozenset[str]
    # nouns naming organizations or groups
    organization_words: frozenset[str]
    group_words: frozenset[str]
    person_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    first_person: frozenset[str]
    demonstratives: frozenset[str]
    reportative_aux: frozenset[str]
    reportative_adverbs: tuple[tuple[str, ...], ...]
    impersonal_subjects: frozenset[str]
    complementizers: frozenset[str]
    determiners: frozenset[str]
    name_particles: frozenset[str]
    abbreviations: frozenset[str]
    footer_prefixes: tuple[str, ...]
    byline_prefixes: tuple[str, ...]
    time_words: frozenset[str]
    stopwords: frozenset[str]
    conjunctions: frozenset[str] = frozenset()
    # reporting verbs that take a plain object as their claim ("bevestigen", "deny")
    object_cue_verbs: frozenset[str] = frozenset()
    # prepositions introducing the agent of a passive ("door", "by")
    agent_preps: frozenset[str] = frozenset()
    # words before 'zou' that make it a subordinate (future-in-the-past) use
    subordinators: frozenset[str] = frozenset()
    # words after 'zou' that make it modal rather than hearsay ("zou moeten")
    non_reportative_after: frozenset[str] = frozenset()
    # words after a comma that end a content clause ("maar", "but")
    clause_breakers: frozenset[str] = frozenset()
    participle_prefix: str = ""  # "ge" in gezegd
    infinitive_marker: str = ""  # "te" in "te trekken"
    # prepositions linking a person to an organisation ("van de NAVO", "of NATO")
    affiliation_preps: frozenset[str] = frozenset()
    # nouns that make "volgens X" a plan or rule followed, not a source ("volgens plan")
    according_to_non_sources: frozenset[str] = frozenset()
    # subject pronouns: one right after the finite verb is the subject ("Steevast klaagt hij")
    nominative_pronouns: frozenset[str] = frozenset()
    # words before a cue word that make the sentence's subject its speaker ("naar eigen zeggen")
    own_account_phrases: tuple[tuple[str, ...], ...] = ()
    # a verb and the preposition with which it puts a figure on something ("schatten op",
    # "put at"), words between them the object must be ("houden het op")
    figure_cues: tuple[tuple[str, ...], ...] = ()
    # verbs that give a figure with a number as their object ("De inspectie telde 23
    # meldingen"), and the nouns after such a number that say what something consists of
    # instead ("De bond telt 300 leden")
    count_verbs: frozenset[str] = frozenset()
    count_non_objects: frozenset[str] = frozenset()
    # phrases of time or extent that may stand between a counting verb and its number
    # ("telt tot nu toe 14 klachten")
    figure_adverbials: tuple[tuple[str, ...], ...] = ()
    # cardinal numerals written as words, and what joins two of them inside one word
    # ("vijf-en-veertig"): a word made of them alone is a number ("driehonderd")
    number_words: frozenset[str] = frozenset()
    number_joiners: tuple[str, ...] = ()
    # nouns for a quantity a figure is put on ("aantal", "schade"): fronted before the
    # finite verb, one is that verb's object and the subject follows the verb
    figure_nouns: frozenset[str] = frozenset()
    # phrasal cues whose companion is a preposition with its own object ("wijzen op X");
    # in the others the companion is a particle, never followed by a noun phrase
    prepositional_cues: frozenset[tuple[str, str]] = frozenset()
    # phrasal cues that blame only with someone named on both sides: their subject and the
    # noun phrase after the verb or its preposition ("wijst naar de aannemer")
    party_cues: frozenset[tuple[str, str]] = frozenset()
    # phrasal cues of a stance ("houden vast aan", "leggen neer bij"): a cue only with a
    # subject that names someone; a negation or reflexive pronoun is part of the stance
    stance_cues: frozenset[tuple[str, ...]] = frozenset()
    # opinion verbs that state an opinion with an object and a listed predicate instead of
    # a clause ("vindt de dienstregeling in strijd met de afspraken"), and those predicates
    small_clause_verbs: frozenset[str] = frozenset()
    opinion_predicates: tuple[tuple[str, ...], ...] = ()
    # phrases that stand after a noun phrase as the predicate of its clause and are never
    # part of it ("blijft volgens de gemeente van kracht")
    predicate_phrases: tuple[tuple[str, ...], ...] = ()
    # fixed phrases holding a cue word that report nothing ("dat wil zeggen")
    non_cue_phrases: tuple[tuple[str, ...], ...] = ()
    # phrases opening a clause whose report the main clause contradicts ("contrary to
    # what X said, …"): its cue claims nothing the sentence states
    contradicted_openers: tuple[tuple[str, ...], ...] = ()
    # cue verbs that take a reflexive pronoun ("zich afvragen"): no non-speech use for them
    reflexive_cues: frozenset[str] = frozenset()
    # prepositions inside an institution's name ("Raad van State", "Bureau voor de Statistiek")
    institution_preps: frozenset[str] = frozenset()
    # common given names: a name opening with one is a person's ("Marieke Jansen")
    given_names: frozenset[str] = frozenset()
    # verbs of wanting: an opinion verb under one asks, it claims nothing ("wil weten")
    wanting_verbs: frozenset[str] = frozenset()
    # interjections: never a name, never a source (also among the stopwords)
    interjections: frozenset[str] = frozenset()
    # pronominal adverbs standing for a preposition's object ("rekent er … op")
    r_pronouns: frozenset[str] = frozenset()
    # venues that stand for those speaking there ("in de pers"), and their prepositions
    venue_nouns: frozenset[str] = frozenset()
    venue_preps: frozenset[str] = frozenset()
    # a determiner right before a name marks an organisation ("het Kremlin", "the Kremlin")
    organization_determiners: frozenset[str] = frozenset()
    # auxiliaries that carry tense for a participle cue ("heeft gezegd", "has said")
    auxiliaries: frozenset[str] = frozenset()
    # nouns for hearsay without a source: "geruchten dat ...", "rumours that ..."
    hearsay_nouns: frozenset[str] = frozenset()
    # prepositions before a place name ("in Turkey"): such names are not people
    locative_preps: frozenset[str] = frozenset()
    # adverbs that put a reporting verb after its content: "..., zo meldt X"
    inversion_adverbs: frozenset[str] = frozenset()
    # "in a recent poll, ...": prepositions and nouns for documents that are themselves a source
    document_preps: frozenset[str] = frozenset()
    source_documents: frozenset[str] = frozenset()
    # verbs with which media and agencies pass on what others said ("meldt Reuters")
    report_verbs: frozenset[str] = frozenset()
    # words after which a clause starts with its subject ("naar X meldt", "zoals X zegt")
    clause_openers: frozenset[str] = frozenset()
    relative_pronouns: frozenset[str] = frozenset()
    # words and phrases besides the relative pronouns that open a relative clause on the
    # noun before them ("de vakbond waarbij …", "the board to which …")
    relative_openers: tuple[tuple[str, ...], ...] = ()
    # pronouns that may stand for an organisation named before them in the sentence
    # ("the union says it …", "de bond zegt dat hij …")
    organization_pronouns: frozenset[str] = frozenset()
    # a singular pronoun and the article of the organisations it may stand for as the
    # speaker right after one spoke as a sentence's subject ("De fabriek spreekt dat
    # tegen. Zij stelt …": ("zij", "de"))
    organization_subject_pronouns: frozenset[tuple[str, ...]] = frozenset()
    # the gender ("m", "f") a person pronoun refers to ("zij": "f"), and the gender of common
    # first names ("Pieter": "m"): a pronoun never resolves to a person of the other gender
    pronoun_genders: dict[str, str] = field(default_factory=dict)
    # a possessive pronoun and the pronoun it stands for ("its": "it"): the owner of records
    # that speak for it ("Its logs show …")
    possessive_pronouns: dict[str, str] = field(default_factory=dict)
    given_name_genders: dict[str, str] = field(default_factory=dict)
    # words before a colon that introduce a rubric, not a speaker ("Correction: ...")
    colon_non_sources: frozenset[str] = frozenset()
    present_participle_suffix: str = "ing"
    # Dutch main clauses put the subject after the finite verb when something else comes first
    subject_may_follow_verb: bool = False
    # nouns are compounded into one word ("woonstichting"): a word may end in the noun it is
    compound_nouns: bool = False
    # a verb's companion closes its clause, past a long object ("geeft de bemanning van de
    # veerboot de schuld")
    companion_closes_clause: bool = False
    modal_verbs: frozenset[str] = frozenset()
    # verbs that are cues only right after a quotation (",,Het dak lekt'', sprak X")
    quote_verbs: frozenset[str] = frozenset()
    perfect_auxiliaries: frozenset[str] = frozenset()
    passive_auxiliaries: frozenset[str] = frozenset()
    adjective_suffixes: tuple[str, ...] = ()
    # nouns for a kind of company ("fabrikant Voltaro"): before a name they describe it
    organization_kinds: frozenset[str] = frozenset()
    # nouns that form an organisation's name with the name after them ("de gemeente
    # Zandvoorde" is Gemeente Zandvoorde, "het waterschap Rijnvallei" Waterschap Rijnvallei)
    name_nouns: frozenset[str] = frozenset()
    # words that negate a reporting verb ("zei niet"): a negated report attributes no claim
    negations: frozenset[str] = frozenset()
    # objects that make a reporting verb say nothing ("zei niets over", "said nothing about")
    negative_objects: frozenset[str] = frozenset()
    # verbs that refuse the report they govern ("weigerde te zeggen", "declined to say")
    refusal_verbs: frozenset[str] = frozenset()
    # words between an opinion verb and its clause that do not stop it ("wijst erop dat")
    clause_bridges: frozenset[str] = frozenset()
    # regular verb inflection (engine/lang/inflection.py), from settings.toml
    inflection_suffixes: tuple[str, ...] = ()
    participle_suffixes: tuple[str, ...] = ()
    infinitive_ending: str = ""
    voicing: tuple[tuple[str, str], ...] = ()
    # a diaeresis that only separates a stem's first vowel from the participle prefix ("geëist")
    separating_diaeresis: tuple[tuple[str, str], ...] = ()
    # nouns of time: a phrase headed by one is no source ("de afgelopen week")
    time_nouns: frozenset[str] = frozenset()
    # names of the months and the days of the week: capitalised, a date and no name ("since
    # May"); one that is also a given name only after one of `date_preps` or by a number
    calendar_names: frozenset[str] = frozenset()
    date_preps: frozenset[str] = frozenset()
    # indefinite articles: a name after one is a thing or a kind ("een Oscar")
    indefinite_articles: frozenset[str] = frozenset()
    # words that join two speakers of one statement ("X en Y zeiden")
    speaker_coordinators: frozenset[str] = frozenset()
    # separable verb particles: a speech verb with one of these is another verb
    # ("luidde … in" is inluiden, "stelde … uit" is uitstellen) unless the whole is listed
    separable_particles: frozenset[str] = frozenset()
    # determiners that point back ("Die verwachting", "This warning"): with a cue noun
    # right after them at the start of a sentence, the sentence before holds the claim
    demonstrative_determiners: frozenset[str] = frozenset()
    verb_forms: dict[str, str] = field(default_factory=dict)
    # learned cue forms with precision (from the training corpus), lowercased form -> precision
    learned_cues: dict[str, float] = field(default_factory=dict)
    # trained context-aware cue model (claimtrack.engine.cue_model.CueModel), where one exists
    cue_model: object | None = None

    @cached_property
    def compound_role_heads(self) -> tuple[str, ...]:
        """Role nouns long enough to head a Dutch compound ("havenwethouder")."""
        return tuple(role for role in self.role_nouns if len(role) >= 5)

    @cached_property
    def joined_phrasal_verbs(self) -> frozenset[str]:
        """Phrasal cues whose companion is a separable particle, written as one verb where
        the particle joins it ("heeft uitgesproken", "door aan te kondigen"): uitspreken."""
        return frozenset(
            partner + verb
            for verb, *words in self.phrasal_cues
            if len(words) == 1 and (partner := words[0]) in self.separable_particles
        )

    @cached_property
    def infinitive_memo(self) -> dict[str, str | None]:
        """The known infinitive of each form asked about so far (tokens._known_infinitive)."""
        return {}

    @cached_property
    def phrasal_partners(self) -> dict[str, tuple[str, ...]]:
        """The companions of each verb of `phrasal_cues`, in the order of `phrasal_cues`; a
        companion of several words ("wijzen van de hand", "put down to") is one string."""
        partners: dict[str, tuple[str, ...]] = {}
        for verb, *words in self.phrasal_cues:
            partners[verb] = (*partners.get(verb, ()), " ".join(words))
        return partners

    @cached_property
    def figure_partners(self) -> dict[str, tuple[tuple[tuple[str, ...], str], ...]]:
        """The figure cues of each verb: (the words its object must be, the preposition)."""
        partners: dict[str, tuple[tuple[tuple[str, ...], str], ...]] = {}
        for verb, *objects, prep in self.figure_cues:
            partners[verb] = (*partners.get(verb, ()), (tuple(objects), prep))
        return partners

    @cached_property
    def known_verbs(self) -> frozenset[str]:
        """Every verb lemma the cue tables list (speech, opinion, report, quote, ...)."""
        return frozenset(
            self.speech_verbs
            | self.opinion_verbs
            | self.report_verbs
            | self.quote_verbs
            | self.object_cue_verbs
            | self.refusal_verbs
            | {verb for verb, *_ in self.phrasal_cues}
            | self.joined_phrasal_verbs
        )

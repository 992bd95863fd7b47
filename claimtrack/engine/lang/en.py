"""English: cue verbs, quote habits, pronouns and reportative 'reportedly'."""

from __future__ import annotations

from claimtrack.engine.cue_model import load_cue_model
from claimtrack.engine.lang.forms import parse_forms
from claimtrack.engine.lang.learned import load_learned_cues
from claimtrack.engine.lang.profile import LanguageProfile

VERB_FORMS = parse_forms(
    """
    say: says said saying
    tell: tells told telling
    report: reports reported reporting
    announce: announces announced announcing
    state: states stated stating
    add: adds added adding
    write: writes wrote written writing
    believe: believes believed believing
    think: thinks thought thinking
    fear: fears feared fearing
    argue: argues argued arguing
    claim: claims claimed claiming
    warn: warns warned warning
    deny: denies denied denying
    confirm: confirms confirmed confirming
    insist: insists insisted insisting
    acknowledge: acknowledges acknowledged acknowledging
    admit: admits admitted admitting
    explain: explains explained explaining
    suggest: suggests suggested suggesting
    note: notes noted noting
    stress: stresses stressed stressing
    tweet: tweets tweeted tweeting
    ask: asks asked asking
    respond: responds responded responding
    reply: replies replied replying
    know: knows knew known knowing
    expect: expects expected expecting
    hope: hopes hoped hoping
    feel: feels felt feeling
    predict: predicts predicted predicting
    promise: promises promised promising
    accuse: accuses accused accusing
    criticize: criticizes criticized criticizing
    call: calls called calling
    emphasize: emphasizes emphasized emphasizing
    reiterate: reiterates reiterated reiterating
    point: points pointed pointing
    agree: agrees agreed agreeing
    allege: alleges alleged alleging
    contend: contends contended contending
    show: shows showed shown showing
    find: finds found finding
    learn: learns learned learnt learning
    """
)

PROFILE = LanguageProfile(
    code="en",
    speech_verbs=frozenset(
        [
            "say",
            "tell",
            "report",
            "announce",
            "add",
            "write",
            "argue",
            "claim",
            "warn",
            "deny",
            "confirm",
            "insist",
            "acknowledge",
            "admit",
            "explain",
            "suggest",
            "note",
            "stress",
            "tweet",
            "respond",
            "reply",
            "predict",
            "promise",
            "accuse",
            "criticize",
            "emphasize",
            "reiterate",
            "allege",
            "contend",
            "declare",
            "assert",
            "testify",
            "concede",
            "complain",
            "recall",
            "urge",
            "vow",
            "pledge",
            "remark",
            "reveal",
            "disclose",
            "boast",
            "charge",
            "caution",
            "maintain",
            "proclaim",
            "announce",
            "indicate",
        ]
    ),
    opinion_verbs=frozenset(
        [
            "believe",
            "think",
            "fear",
            "hope",
            "expect",
            "feel",
            "know",
            "doubt",
            "worry",
            "suspect",
            "conclude",
            "estimate",
            "agree",
            "worry",
        ]
    ),
    phrasal_cues=frozenset({("point", "out"), ("make", "clear"), ("call", "for")}),
    non_speech_objects=frozenset({"itself", "themselves", "each"}),
    according_to=(("according", "to"),),
    nominal_cues=frozenset(
        [
            "view",
            "opinion",
            "analysis",
            "warning",
            "statement",
            "criticism",
            "claim",
            "call",
            "threat",
            "promise",
            "accusation",
            "allegation",
            "announcement",
            "assertion",
            "denial",
            "demand",
            "remarks",
            "comments",
        ]
    ),
    nominal_preps=frozenset({"from", "by", "of"}),
    role_nouns=frozenset(
        [
            "president",
            "minister",
            "secretary",
            "senator",
            "governor",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "chairman",
            "chairwoman",
            "chair",
            "director",
            "leader",
            "candidate",
            "nominee",
            "rep",
            "representative",
            "sen",
            "gov",
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "general",
            "agency",
            "news",
            "officer",
            "official",
            "officials",
            "attorney",
            "judge",
            "ambassador",
            "chancellor",
            "premier",
            "mayor",
            "coach",
            "manager",
            "ceo",
            "founder",
            "speaker",
            "press",
            "adviser",
            "advisor",
            "aide",
            "professor",
            "chief",
            "commissioner",
            "justice",
            "secretary-general",
            "rev",
            "father",
            "sister",
            "pope",
            "king",
            "queen",
            "prince",
            "minister-president",
            "vice",
        ]
    ),
    organization_words=frozenset(
        [
            "house",
            "kremlin",
            "government",
            "administration",
            "ministry",
            "agency",
            "reuters",
            "ap",
            "afp",
            "nato",
            "un",
            "eu",
            "party",
            "campaign",
            "committee",
            "department",
            "office",
            "council",
            "congress",
            "senate",
            "court",
            "police",
            "company",
            "bank",
            "commission",
            "times",
            "post",
            "network",
            "news",
            "press",
            "cnn",
            "fbi",
            "cia",
            "pentagon",
        ]
    ),
    group_words=frozenset(
        [
            "observers",
            "experts",
            "critics",
            "analysts",
            "sources",
            "officials",
            "witnesses",
            "residents",
            "researchers",
            "scientists",
            "protesters",
            "democrats",
            "republicans",
            "voters",
            "supporters",
            "aides",
            "advisers",
            "people",
            "investigators",
            "lawmakers",
            "economists",
            "engineers",
            "doctors",
            "lawyers",
            "teachers",
            "scholars",
            "historians",
            "diplomats",
            "activists",
            "environmentalists",
            "farmers",
            "workers",
            "unions",
        ]
    ),
    person_pronouns=frozenset({"he", "she", "him", "her"}),
    plural_pronouns=frozenset({"they", "them", "it"}),
    first_person=frozenset({"i", "we", "me", "us", "my", "our"}),
    demonstratives=frozenset({"that", "this", "so"}),
    reportative_aux=frozenset(),
    reportative_adverbs=(("reportedly",), ("allegedly",), ("purportedly",), ("supposedly",)),
    impersonal_subjects=frozenset({"there"}),
    complementizers=frozenset(
        {"that", "whether", "if", "what", "how", "why", "when", "who", "where"}
    ),
    passive_auxiliaries=frozenset({"is", "are", "was", "were", "been", "be", "being"}),
    quote_verbs=frozenset(
        ["laugh", "smile", "sigh", "quip", "joke", "shrug", "continue", "conclude"]
    ),
    perfect_auxiliaries=frozenset({"have"}),
    modal_verbs=frozenset(["must", "should", "ought"]),
    colon_non_sources=frozenset(
        w.replace("_", " ")
        for w in [
            "update",
            "correction",
            "editor's_note",
            "note",
            "watch",
            "video",
            "photo",
            "photos",
            "read_more",
            "related",
            "see_also",
            "advertisement",
        ]
    ),
    relative_pronouns=frozenset({"who", "which", "that"}),
    clause_openers=frozenset(["and", "but", "as", "while", "because", "after", "when", "although"]),
    report_verbs=frozenset(
        [
            "report",
            "reported",
            "reports",
            "reporting",
            "write",
            "wrote",
            "writes",
            "publish",
            "published",
            "reveal",
            "revealed",
        ]
    ),
    document_preps=frozenset({"in"}),
    source_documents=frozenset(
        [
            "poll",
            "polls",
            "survey",
            "surveys",
            "study",
            "report",
            "statement",
            "interview",
            "letter",
            "memo",
        ]
    ),
    locative_preps=frozenset({"in", "into", "to", "from", "across", "against"}),
    hearsay_nouns=frozenset({"rumour", "rumours", "rumor", "rumors", "speculation", "reports"}),
    auxiliaries=frozenset(
        ["has", "have", "had", "would", "will", "did", "does", "do", "is", "was"]
    ),
    object_cue_verbs=frozenset(["confirm", "deny"]),
    agent_preps=frozenset(["by"]),
    subordinators=frozenset(["that", "if", "when", "because"]),
    non_reportative_after=frozenset([]),
    clause_breakers=frozenset(["but", "while"]),
    affiliation_preps=frozenset(["of", "at"]),
    organization_determiners=frozenset(["the"]),
    conjunctions=frozenset({"and", "but", "or", "so"}),
    adjective_suffixes=("an", "ese", "ish", "ian"),
    determiners=frozenset({"the", "a", "an", "this", "that", "these", "those"}),
    name_particles=frozenset({"de", "van", "von", "der", "da", "le", "la", "bin", "al"}),
    abbreviations=frozenset(
        [
            "mr",
            "mrs",
            "ms",
            "dr",
            "prof",
            "sr",
            "jr",
            "st",
            "gen",
            "gov",
            "sen",
            "rep",
            "lt",
            "col",
            "sgt",
            "capt",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
            "inc",
            "corp",
            "co",
            "ltd",
            "vs",
            "etc",
            "no",
            "u.s",
            "a.m",
            "p.m",
            "e.g",
            "i.e",
            "d.c",
            "u.k",
            "u.n",
        ]
    ),
    footer_prefixes=("read more", "read also", "see also", "related:", "read the rest"),
    byline_prefixes=("source", "by"),
    time_words=frozenset(
        [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "yesterday",
            "today",
            "tomorrow",
            "earlier",
            "later",
            "also",
        ]
    ),
    stopwords=frozenset(
        [
            "the",
            "and",
            "of",
            "to",
            "is",
            "that",
            "in",
            "it",
            "for",
            "with",
            "was",
            "on",
            "said",
            "as",
            "at",
            "by",
            "be",
            "this",
            "are",
            "from",
            "his",
            "her",
            "have",
            "has",
            "an",
            "they",
            "which",
            "or",
            "not",
            "but",
            "were",
            "their",
        ]
    ),
    verb_forms=VERB_FORMS,
    learned_cues=load_learned_cues("en"),
    cue_model=load_cue_model("en"),
)

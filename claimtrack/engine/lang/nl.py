"""Dutch: cue verbs, quote habits, pronouns and reportative 'zou'."""

from __future__ import annotations

from claimtrack.engine.lang.forms import parse_forms
from claimtrack.engine.lang.profile import LanguageProfile

# lemma: inflected forms (present, past, participle); regular forms are generated too
VERB_FORMS = parse_forms(
    """
    zeggen: zeg zegt zei zeiden gezegd
    melden: meldt meldde meldden gemeld
    verklaren: verklaart verklaarde verklaarden verklaard
    benadrukken: benadrukt benadrukte benadrukten
    stellen: stelt stelde stelden gesteld
    vertellen: vertelt vertelde vertelden verteld
    laten: laat liet lieten gelaten
    weten: weet wist wisten geweten
    maken: maakt maakte maakten gemaakt
    roepen: roept riep riepen geroepen
    spreken: spreekt sprak spraken gesproken
    geven: geeft gaf gaven gegeven
    vinden: vindt vond vonden gevonden
    menen: meent meende meenden gemeend
    vrezen: vreest vreesde vreesden gevreesd
    denken: denkt dacht dachten gedacht
    bevestigen: bevestigt bevestigde bevestigden bevestigd
    ontkennen: ontkent ontkende ontkenden ontkend
    herhalen: herhaalt herhaalde herhaalden herhaald
    voorstellen: stelt stelde stelden voorgesteld
    waarschuwen: waarschuwt waarschuwde waarschuwden gewaarschuwd
    beweren: beweert beweerde beweerden beweerd
    betwijfelen: betwijfelt betwijfelde betwijfelden betwijfeld
    schrijven: schrijft schreef schreven geschreven
    antwoorden: antwoordt antwoordde antwoordden geantwoord
    aankondigen: kondigt kondigde kondigden aangekondigd
    erkennen: erkent erkende erkenden erkend
    toegeven: geeft gaf gaven toegegeven
    uitleggen: legt legde legden uitgelegd
    vragen: vraagt vroeg vroegen gevraagd
    eisen: eist eiste eisten geëist
    hopen: hoopt hoopte hoopten gehoopt
    verwachten: verwacht verwachtte verwachtten
    geloven: gelooft geloofde geloofden geloofd
    aanvoeren: voert voerde voerden aangevoerd
    opmerken: merkt merkte merkten opgemerkt
    zweren: zweert zwoer zwoeren gezworen
    bekennen: bekent bekende bekenden bekend
    beloven: belooft beloofde beloofden beloofd
    toevoegen: voegt voegde voegden toegevoegd
    luiden: luidt luidde luidden geluid
    klagen: klaagt klaagde klaagden geklaagd
    concluderen: concludeert concludeerde concludeerden geconcludeerd
    onthullen: onthult onthulde onthulden onthuld
    berichten: bericht berichtte berichtten
    aangeven: geeft gaf gaven aangegeven
    wijzen: wijst wees wezen gewezen
    oordelen: oordeelt oordeelde oordeelden geoordeeld
    beamen: beaamt beaamde beaamden beaamd
    noemen: noemt noemde noemden genoemd
    garanderen: garandeert garandeerde garandeerden gegarandeerd
    schatten: schat schatte schatten geschat
    reageren: reageert reageerde reageerden gereageerd
    lachen: lacht lachte lachten gelachen
    grinniken: grinnikt grinnikte grinnikten gegrinnikt
    zuchten: zucht zuchtte zuchtten gezucht
    """
)

PROFILE = LanguageProfile(
    code="nl",
    speech_verbs=frozenset(
        [
            "zeggen",
            "melden",
            "verklaren",
            "benadrukken",
            "vertellen",
            "bevestigen",
            "ontkennen",
            "herhalen",
            "voorstellen",
            "waarschuwen",
            "beweren",
            "schrijven",
            "antwoorden",
            "aankondigen",
            "erkennen",
            "toegeven",
            "uitleggen",
            "eisen",
            "opmerken",
            "zweren",
            "beloven",
            "toevoegen",
            "luiden",
            "klagen",
            "concluderen",
            "onthullen",
            "berichten",
            "aangeven",
            "betwijfelen",
            "stellen",
            "suggereren",
            "bekendmaken",
            "mededelen",
            "onderstrepen",
            "ontkennen",
            "tweeten",
            "aanvoeren",
            "bekritiseren",
            "verzekeren",
            "noemen",
            "garanderen",
            "schatten",
            "reageren",
            "beamen",
            "opmerken",
        ]
    ),
    opinion_verbs=frozenset(
        [
            "weten",
            "vinden",
            "menen",
            "vrezen",
            "denken",
            "hopen",
            "verwachten",
            "geloven",
            "oordelen",
            "twijfelen",
            "aannemen",
            "vermoeden",
            "overtuigd",
        ]
    ),
    phrasal_cues=frozenset(
        {
            ("laten", "weten"),
            ("maken", "duidelijk"),
            ("roepen", "op"),
            ("spreken", "uit"),
            ("geven", "aan"),
            ("geven", "toe"),
            ("stellen", "voor"),
            ("kondigen", "aan"),
            ("leggen", "uit"),
            ("merken", "op"),
            ("voeren", "aan"),
            ("wijzen", "op"),
            ("maken", "bekend"),
            ("delen", "mee"),
            ("voegen", "toe"),
        }
    ),
    non_speech_objects=frozenset({"zich", "elkaar", "mekaar"}),
    according_to=(("volgens",), ("aldus",)),
    nominal_cues=frozenset(
        [
            "visie",
            "mening",
            "standpunt",
            "opvatting",
            "analyse",
            "lezing",
            "kritiek",
            "waarschuwing",
            "verklaring",
            "oproep",
            "uitspraak",
            "bewering",
            "mededeling",
            "dreigement",
            "belofte",
            "eis",
            "beschuldiging",
            "voorstel",
            "bericht",
            "verwijt",
            "advies",
            "excuses",
        ]
    ),
    nominal_preps=frozenset({"van", "door"}),
    role_nouns=frozenset(
        [
            "president",
            "premier",
            "minister",
            "minister-president",
            "staatssecretaris",
            "persbureau",
            "woordvoerder",
            "woordvoerster",
            "secretaris-generaal",
            "burgemeester",
            "wethouder",
            "kamerlid",
            "fractievoorzitter",
            "ploegleider",
            "trainer",
            "coach",
            "directeur",
            "voorzitter",
            "topman",
            "topvrouw",
            "bondscoach",
            "advocaat",
            "officier",
            "leider",
            "leiders",
            "bisschop",
            "paus",
            "koning",
            "koningin",
            "prins",
            "kanselier",
            "senator",
            "gouverneur",
            "generaal",
            "commandant",
            "ambassadeur",
            "hoogleraar",
            "professor",
            "dokter",
            "dr.",
            "mr.",
            "ir.",
            "drs.",
            "prof.",
            "sprinter",
            "renner",
            "aanvoerder",
            "krant",
            "dagblad",
            "omroep",
            "zender",
            "agentschap",
            "persdienst",
            "bondskanselier",
            "kandidaat",
            "lijsttrekker",
            "partijleider",
        ]
    ),
    organization_words=frozenset(
        [
            "huis",
            "kremlin",
            "regering",
            "kabinet",
            "ministerie",
            "persbureau",
            "reuters",
            "anp",
            "afp",
            "ap",
            "navo",
            "nato",
            "vn",
            "eu",
            "bond",
            "partij",
            "ploeg",
            "team",
            "bedrijf",
            "bank",
            "politie",
            "justitie",
            "om",
            "rechtbank",
            "hof",
            "krant",
            "omroep",
            "raad",
            "commissie",
            "parlement",
            "kamer",
            "senaat",
            "congres",
            "gemeente",
            "provincie",
            "organisatie",
            "vereniging",
            "stichting",
            "ministerie",
            "leger",
        ]
    ),
    group_words=frozenset(
        [
            "waarnemers",
            "deskundigen",
            "experts",
            "critici",
            "analisten",
            "bronnen",
            "ingewijden",
            "getuigen",
            "bewoners",
            "inwoners",
            "onderzoekers",
            "wetenschappers",
            "demonstranten",
            "burgers",
            "kenners",
            "medewerkers",
            "politici",
            "sceptici",
            "fans",
            "supporters",
            "artsen",
            "advocaten",
            "leraren",
            "economen",
            "diplomaten",
            "activisten",
            "boeren",
            "werknemers",
            "vakbonden",
        ]
    ),
    person_pronouns=frozenset({"hij", "zij", "ze", "hem", "haar"}),
    plural_pronouns=frozenset({"zij", "ze", "hen", "hun"}),
    first_person=frozenset({"ik", "we", "wij", "mij", "me", "ons", "onze", "mijn"}),
    demonstratives=frozenset({"dat", "dit", "zo", "aldus"}),
    reportative_aux=frozenset({"zou", "zouden"}),
    reportative_adverbs=(("naar", "verluidt"), ("naar", "verluid"), ("zogenaamd",)),
    impersonal_subjects=frozenset({"er", "het", "men"}),
    complementizers=frozenset(
        {"dat", "of", "om", "wat", "hoe", "waarom", "wanneer", "wie", "waar"}
    ),
    passive_auxiliaries=frozenset(
        {"wordt", "werd", "worden", "werden", "is", "was", "zijn", "waren"}
    ),
    quote_verbs=frozenset(
        [
            "spreken",
            "lachen",
            "grinniken",
            "zuchten",
            "weten",
            "knikken",
            "glimlachen",
            "reageren",
            "besluiten",
            "oordelen",
            "sneren",
            "mopperen",
            "juichen",
        ]
    ),
    perfect_auxiliaries=frozenset({"hebben", "zijn"}),
    modal_verbs=frozenset(
        ["moet", "moeten", "moest", "moesten", "hoeft", "hoeven", "zal", "zullen"]
    ),
    subject_may_follow_verb=True,
    present_participle_suffix="end",
    colon_non_sources=frozenset(
        w.replace("_", " ")
        for w in [
            "update",
            "correctie",
            "rectificatie",
            "let_op",
            "noot",
            "lees_ook",
            "zie_ook",
            "video",
            "foto",
            "uitslag",
            "uitslagen",
            "programma",
            "opstellingen",
        ]
    ),
    relative_pronouns=frozenset({"die", "dat"}),
    clause_openers=frozenset(
        ["en", "maar", "want", "toen", "nadat", "omdat", "terwijl", "naar", "zoals", "nu", "hoewel"]
    ),
    report_verbs=frozenset(["melden", "berichten", "schrijven", "publiceren", "onthullen"]),
    document_preps=frozenset({"in", "uit"}),
    source_documents=frozenset(
        ["peiling", "enquête", "onderzoek", "rapport", "verklaring", "brief", "studie", "interview"]
    ),
    inversion_adverbs=frozenset({"zo", "aldus"}),
    locative_preps=frozenset({"in", "naar", "uit", "bij", "rond", "tegen"}),
    hearsay_nouns=frozenset({"gerucht", "geruchten", "geluiden", "speculaties", "berichten"}),
    auxiliaries=frozenset(
        [
            "heeft",
            "hebben",
            "had",
            "hadden",
            "zou",
            "zouden",
            "liet",
            "lieten",
            "laat",
            "is",
            "was",
            "werd",
            "wordt",
            "zijn",
        ]
    ),
    object_cue_verbs=frozenset(["bevestigen", "ontkennen", "betwijfelen", "voorstellen"]),
    agent_preps=frozenset(["door"]),
    subordinators=frozenset(
        ["dat", "als", "indien", "wanneer", "of", "die", "omdat", "tenzij", "alsof"]
    ),
    non_reportative_after=frozenset(["moeten", "kunnen", "willen", "mogen", "graag", "liever"]),
    clause_breakers=frozenset(["maar", "terwijl", "aldus", "zo"]),
    affiliation_preps=frozenset(["van", "bij"]),
    organization_determiners=frozenset(["het"]),
    participle_prefix="ge",
    conjunctions=frozenset({"en", "maar", "want", "of", "dus"}),
    adjective_suffixes=("se", "sche"),
    determiners=frozenset({"de", "het", "een", "'t", "die", "dat", "deze", "dit"}),
    name_particles=frozenset(
        {"de", "van", "der", "den", "ter", "ten", "van't", "'t", "le", "la", "du"}
    ),
    abbreviations=frozenset(
        [
            "dr",
            "mr",
            "ir",
            "drs",
            "prof",
            "ing",
            "bc",
            "ds",
            "jhr",
            "mevr",
            "dhr",
            "st",
            "blz",
            "nr",
            "jl",
            "vs",
            "mln",
            "mld",
            "ca",
            "resp",
            "bijv",
            "evt",
            "incl",
            "excl",
            "enz",
            "etc",
            "o.a",
            "a.s",
            "d.w.z",
            "m.a.w",
            "i.p.v",
            "t.o.v",
            "z.g.a.n",
            "n.a.v",
            "jan",
            "feb",
            "febr",
            "mrt",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "okt",
            "nov",
            "dec",
            "ma",
            "di",
            "wo",
            "do",
            "vr",
            "za",
            "zo",
            "min",
            "max",
            "afd",
            "art",
        ]
    ),
    footer_prefixes=("lees ook", "zie ook", "lees meer", "meer over", "bekijk ook", "lees verder"),
    byline_prefixes=("bron", "door"),
    time_words=frozenset(
        [
            "maandag",
            "dinsdag",
            "woensdag",
            "donderdag",
            "vrijdag",
            "zaterdag",
            "zondag",
            "gisteren",
            "vandaag",
            "morgen",
            "eerder",
            "later",
            "vanochtend",
            "vanmiddag",
            "vanavond",
            "gisteravond",
            "zaterdagavond",
            "zondagavond",
            "desgevraagd",
            "donderdagavond",
            "vrijdagavond",
            "nog",
            "ook",
        ]
    ),
    stopwords=frozenset(
        [
            "de",
            "het",
            "een",
            "en",
            "van",
            "is",
            "dat",
            "niet",
            "zijn",
            "op",
            "te",
            "met",
            "voor",
            "die",
            "zich",
            "er",
            "maar",
            "ook",
            "als",
            "bij",
            "dan",
            "aan",
            "om",
            "nog",
            "wel",
            "uit",
            "naar",
            "hij",
            "zij",
            "ze",
            "wordt",
            "werd",
            "heeft",
            "hebben",
            "geen",
            "wat",
        ]
    ),
    verb_forms=VERB_FORMS,
)

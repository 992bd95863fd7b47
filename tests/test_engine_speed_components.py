"""The start-up and per-word parts made faster for issue #17 behave as before.

- the `claimtrack_verb_lemmas` component gives the paradigm lemmas (the same ones the
  attribute ruler it replaces gave);
- the shipped tokenizers come with the quote rules in place and build a special case
  only when a text needs it, tokenizing exactly as with all of them built;
- the English cue model is stored compactly and read only when English is analysed.

Every sentence here was written for these tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from claimtrack.engine import cue_model as cue_model_module
from claimtrack.engine import tokenizer as tokenizer_module
from claimtrack.engine.cue_model import CueModel, LazyCueModel, read_compact, save_cue_model
from claimtrack.engine.nlp import SHIPPED_MODELS_DIR, load_pipeline
from claimtrack.engine.pipeline import QUOTE_INFIXES, adapt_tokenizer
from claimtrack.engine.tokenizer import LazySpecialCases
from claimtrack.engine.verb_lemmas import NOT_VERB, VerbLemmas, read_paradigms

REPO = Path(__file__).resolve().parent.parent
CONFIGS = REPO / "configs" / "spacy"


def paradigms(language: str) -> dict[str, list[str]]:
    return read_paradigms(CONFIGS / f"verb_lemmas_{language}.json")


# ---------------------------------------------------------------- verb lemmas


@pytest.mark.parametrize("language", ["nl", "en"])
def test_shipped_component_reads_the_editable_paradigm_table(language):
    component = load_pipeline(language).get_pipe("verb_lemmas")
    assert isinstance(component, VerbLemmas)
    assert component.paradigms == paradigms(language)
    stored = SHIPPED_MODELS_DIR / language / "verb_lemmas" / "paradigms.json"
    assert json.loads(stored.read_text(encoding="utf-8")) == paradigms(language)


@pytest.mark.parametrize(
    "sentence, form, lemma",
    [
        ("De wethouder zei gisteren dat het plan doorgaat.", "zei", "zeggen"),
        ("Volgens de buren hadden zij de lampen laten branden.", "hadden", "hebben"),
        ("De raad liet weten dat er geen geld meer is.", "liet", "laten"),
        ("De ministers zeiden niets over de begroting.", "zeiden", "zeggen"),
        ("Wij waren te laat voor de trein.", "waren", "zijn"),
    ],
)
def test_dutch_forms_get_their_paradigm_lemma(sentence, form, lemma):
    doc = load_pipeline("nl")(sentence)
    token = next(t for t in doc if t.text == form)
    assert token.lemma_ == lemma


@pytest.mark.parametrize(
    "sentence, form, lemma",
    [
        ("The harbour master said the quay would stay closed.", "said", "say"),
        ("Two neighbours told the council about the noise.", "told", "tell"),
        ("She has spoken to the committee twice.", "spoken", "speak"),
    ],
)
def test_english_forms_get_their_paradigm_lemma(sentence, form, lemma):
    doc = load_pipeline("en")(sentence)
    token = next(t for t in doc if t.text == form)
    assert token.lemma_ == lemma


def attribute_ruler_for(nlp, table: dict[str, list[str]]):
    """The component the shipped pipelines used before: one pattern per lemma."""
    ruler = nlp.add_pipe("attribute_ruler", name="old_verb_lemmas")
    ruler.add_patterns(
        [
            {
                "patterns": [[{"LOWER": {"IN": sorted(set(forms))}, "POS": {"NOT_IN": NOT_VERB}}]],
                "attrs": {"LEMMA": lemma},
            }
            for lemma, forms in table.items()
        ]
    )
    return ruler


@pytest.mark.parametrize(
    "language, words, pos",
    [
        (
            "nl",
            ["Zijn", "broer", "zei", "dat", "zijn", "fiets", "vroeg", "weg", "was", "."],
            ["DET", "NOUN", "VERB", "SCONJ", "PRON", "NOUN", "ADJ", "ADV", "AUX", "PUNCT"],
        ),
        (
            "nl",
            ["ZEI", "Zei", "zei", "Liet", "laat", "Vroeg", "vroeg"],
            ["VERB", "NOUN", "", "VERB", "ADJ", "VERB", "ADV"],
        ),
        (
            "en",
            ["The", "said", "clause", "said", "what", "she", "told", "us", "says", "Says"],
            ["DET", "ADJ", "NOUN", "VERB", "PRON", "PRON", "VERB", "PRON", "", "PROPN"],
        ),
    ],
)
def test_lemmas_are_those_the_attribute_ruler_gave(language, words, pos):
    """Same lemma for every word, whatever its case and tag (or no tag at all)."""
    nlp = spacy.blank(language)
    ruler = attribute_ruler_for(nlp, paradigms(language))
    component = VerbLemmas(nlp)
    component.set_paradigms(paradigms(language))
    lemmas = []
    for apply in (ruler, component):
        doc = Doc(nlp.vocab, words=words)
        for token, tag in zip(doc, pos, strict=True):
            if tag:
                token.pos_ = tag
            token.lemma_ = "-"
        lemmas.append([t.lemma_ for t in apply(doc)])
    assert lemmas[0] == lemmas[1]
    assert lemmas[1] != ["-"] * len(words)


def test_a_later_paradigm_wins_and_the_table_round_trips(tmp_path):
    nlp = spacy.blank("nl")
    component = VerbLemmas(nlp)
    component.set_paradigms({"eerste": ["vorm", "ander"], "tweede": ["vorm"]})
    doc = component(Doc(nlp.vocab, words=["vorm", "ander", "niets"]))
    assert [t.lemma_ for t in doc] == ["tweede", "eerste", ""]
    component.to_disk(tmp_path / "verb_lemmas")
    again = VerbLemmas(nlp).from_disk(tmp_path / "verb_lemmas")
    assert again.paradigms == component.paradigms
    assert VerbLemmas(nlp).from_bytes(component.to_bytes()).paradigms == component.paradigms


# ---------------------------------------------------------------- tokenizer


@pytest.mark.parametrize("language", ["nl", "en"])
def test_shipped_tokenizer_has_the_quote_rules_and_keeps_them(language):
    nlp = load_pipeline(language)
    before = nlp.tokenizer.infix_finditer
    assert all(rule in before.__self__.pattern for rule in QUOTE_INFIXES)
    adapt_tokenizer(nlp)
    assert nlp.tokenizer.infix_finditer is before  # nothing to change, nothing rebuilt


def test_other_pipelines_get_the_quote_rules():
    nlp = adapt_tokenizer(spacy.blank("nl"))
    words = [t.text for t in nlp("De burgemeester zei:,,Wij gaan door.''")]
    assert words[:5] == ["De", "burgemeester", "zei", ":", ",,"]


def test_dutch_tokenizer_splits_quotes_and_keeps_its_abbreviations():
    nlp = load_pipeline("nl")
    assert "al." not in nlp.tokenizer.rules  # removed: an ordinary word ending a sentence
    assert "bijv." in nlp.tokenizer.rules
    words = [
        t.text for t in nlp.tokenizer("Zij wist het al. De directeur zei:,,Dat klopt bijv. niet''.")
    ]
    assert words == [
        "Zij", "wist", "het", "al", ".", "De", "directeur", "zei", ":", ",,",
        "Dat", "klopt", "bijv.", "niet", "''", ".",
    ]  # fmt: skip


LAZY_SENTENCES = {
    "nl": [
        "De wethouder zei bijv. dat het a.s. maandag klaar is.",
        "Zij kwam om 10 u. thuis, aldus dhr. Jansen (o.a. voorzitter).",
        "Het is bijv . zo dat de heer  Jansen e.d. niet komt:,,Nee.''",
        "Dat wisten we al. De prof.dr. sprak van 't Hof toe, enz.",
        "XD",
    ],
    "en": [
        "The mayor said on Mon. that Dr. Smith won't come at 10am.",
        "She'd said it's the U.S. Gov't's plan, e.g. for Jan. 5th.",
        'He said:"No," and then wasn \'t sure ; i.e. maybe .',
    ],
}


@pytest.mark.parametrize("language", ["nl", "en"])
def test_special_cases_built_on_demand_tokenize_as_all_of_them(language):
    """The shipped tokenizer builds a special case when a text holds its string; each
    text is tokenized as by spaCy's tokenizer with every special case built at load."""
    path = SHIPPED_MODELS_DIR / language / "tokenizer"
    eager = Tokenizer(spacy.blank(language).vocab).from_disk(path, exclude=["vocab"])
    lazy = LazySpecialCases(spacy.blank(language).vocab).from_disk(path, exclude=["vocab"])
    assert len(lazy._pending) > 1000
    for text in LAZY_SENTENCES[language]:
        expected = [(t.text, t.whitespace_, t.norm_) for t in eager(text)]
        assert [(t.text, t.whitespace_, t.norm_) for t in lazy(text)] == expected
    assert lazy._pending  # most are still waiting ...
    assert lazy.rules == eager.rules  # ... but every rule is there when asked for
    assert not lazy._pending
    assert lazy.to_bytes(exclude=["vocab"]) == eager.to_bytes(exclude=["vocab"])


def test_all_special_cases_are_built_after_enough_texts(monkeypatch):
    monkeypatch.setattr(tokenizer_module, "EAGER_AFTER", 3)
    path = SHIPPED_MODELS_DIR / "nl" / "tokenizer"
    lazy = LazySpecialCases(spacy.blank("nl").vocab).from_disk(path, exclude=["vocab"])
    for text in LAZY_SENTENCES["nl"][:2]:
        lazy(text)
    assert lazy._pending
    assert [t.text for t in lazy(LAZY_SENTENCES["nl"][0])][2:4] == ["zei", "bijv."]
    assert not lazy._pending


# ---------------------------------------------------------------- cue model


def test_compact_cue_model_reads_back_the_same_weights(tmp_path):
    weights = {"w=said": 1.25, "pw=\n   ": -0.0312, "lq=say|True": 0.1, "w=zeg|ü": 3e-05}
    path = tmp_path / "xx_cue_model.weights.gz"
    save_cue_model(path, -1.7716, weights, about="test")
    model = read_compact(path)
    assert model.bias == -1.7716
    assert model.weights == weights
    assert list(model.weights) == list(weights)


@pytest.mark.parametrize(
    "sentence",
    [
        '"We are ready," the mayor’s spokesman said.',
        "“We’re not leaving,” she added, ‘for now’.",
        "``It is over,'' he said of the talks.",
        "The mayor's office added two parks and didn't say why.",
        "Het kabinet zei: „We gaan door”.",
    ],
)
def test_the_scorer_finds_quotes_from_the_text_and_scores_as_token_by_token(sentence):
    """A sentence's scorer finds its quotation marks from the text (issue #17): the same
    tokens has_quote_mark counts, and every word scores exactly as probability() gives it."""
    nlp = load_pipeline("en")
    doc = nlp(sentence)
    counted = {t.i for t in doc if cue_model_module.has_quote_mark([t])}
    assert cue_model_module.quote_positions(doc) == counted
    model = cue_model_module.load_cue_model("en")
    score = model.scorer(doc)
    for tok in doc:
        assert score(tok) == model.probability(doc, tok)


def test_lazy_model_loads_on_first_use(monkeypatch):
    loads = []

    def fake_load(language):
        loads.append(language)
        return CueModel(0.5, {"w=x": 1.0})

    monkeypatch.setattr(cue_model_module, "load_cue_model", fake_load)
    lazy = LazyCueModel("en")
    assert not lazy.loaded and loads == []
    assert lazy.bias == 0.5 and lazy.weights == {"w=x": 1.0}
    assert lazy.loaded and loads == ["en"]
    lazy.weights  # noqa: B018
    assert loads == ["en"]


def test_shipped_english_model_is_compact_and_complete():
    model = cue_model_module.load_cue_model("en")
    assert cue_model_module.model_file("en").name == "en_cue_model.weights.gz"
    assert len(model.weights) > 300_000


def run_fresh(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_dutch_extraction_never_reads_the_english_cue_model():
    result = run_fresh(
        """
        import json
        from claimtrack.engine.cue_model import load_cue_model
        from claimtrack.engine.extract import get_extractor
        from claimtrack.engine.lang import get_profile
        text = ("De wethouder van Zoetermeer zei dinsdag dat de nieuwe fietsbrug een jaar later "
                "klaar is. ,,We hebben pech gehad met de fundering'', zei hij.")
        document = get_extractor().extract(text)
        print(json.dumps({
            "language": document.language,
            "speakers": [a.speaker.name for s in document.statements for a in s.attributions],
            "english_model_loaded": get_profile("en").cue_model.loaded,
            "models_read": load_cue_model.cache_info().currsize,
        }))
        """
    )
    assert result["language"] == "nl"
    assert "wethouder" in " ".join(result["speakers"])
    assert result["english_model_loaded"] is False
    assert result["models_read"] == 0


def test_english_extraction_reads_it_once():
    result = run_fresh(
        """
        import json
        from claimtrack.engine.cue_model import load_cue_model
        from claimtrack.engine.extract import get_extractor
        from claimtrack.engine.lang import get_profile
        text = ('The ferry operator said on Monday that the crossing would resume. '
                '"We are ready," the operator added.')
        get_extractor().extract(text)
        get_extractor().extract(text)
        print(json.dumps({
            "loaded": get_profile("en").cue_model.loaded,
            "models_read": load_cue_model.cache_info().currsize,
        }))
        """
    )
    assert result == {"loaded": True, "models_read": 1}

"""Property tests: the text rules never crash, normalising is idempotent, relative deadlines never
land before publication."""

from datetime import date

from hypothesis import example, given, settings
from hypothesis import strategies as st

from hmicfrs.extractors.addressees import find_addressees
from hmicfrs.extractors.deadlines import find_deadline
from hmicfrs.extractors.matching import normalise_item
from hmicfrs.extractors.text import normalise_for_compare, plain
from hmicfrs.ingest.records import state_of
from hmicfrs.text import normalise

PHRASES = st.sampled_from([
    "Within six months,", "within 12 months", "By 31 March 2025,", "by June 2024", "With immediate effect,",
    "immediately", "by the end of 2024", "Not later than 30 September 2025,", "within three weeks", "",
])
BODIES = st.sampled_from(["all chief constables", "the Home Office", "the force", "forces in Wales",
                          "the College of Policing, working with chief constables,", "West Mids Police", "we"])
ITEM = st.builds(lambda p, b, rest: f"{p} {b} should {rest}".strip(), PHRASES, BODIES, st.text(max_size=80))
PUBLISHED = st.dates(min_value=date(2010, 1, 1), max_value=date(2030, 12, 31))


@given(st.text(), st.booleans(), st.booleans(), st.booleans(), st.booleans())
def test_the_one_normaliser_is_idempotent_for_every_option(text, ascii, lower, words, lines):
    once = normalise(text, ascii=ascii, lower=lower, words=words, lines=lines)
    assert normalise(once, ascii=ascii, lower=lower, words=words, lines=lines) == once
    assert "\u00ad" not in once and once == once.strip()


@given(st.text())
@example("-\u00b4")  # NFKC turns the accent into a space and a combining mark: a bullet appears
@example("- - x")  # two bullets at one line start
def test_normalising_is_idempotent(text):
    assert plain(plain(text)) == plain(text)
    assert normalise_item(normalise_item(text)) == normalise_item(text)
    assert normalise_for_compare(normalise_for_compare(text)) == normalise_for_compare(text)


@settings(max_examples=300, deadline=None)
@given(ITEM, PUBLISHED)
def test_relative_deadlines_never_precede_publication(text, published):
    found = find_deadline(text, published)
    if found.date is not None and found.text and found.text.lower().startswith("within"):
        assert found.date > published
    if found.immediate:
        assert found.date is None


@settings(deadline=None)
@given(st.text(max_size=300), st.one_of(st.none(), PUBLISHED))
def test_deadline_parsing_never_crashes(text, published):
    found = find_deadline(text, published)
    assert found.text is None or found.text.lower() in plain(text).lower() or found.text in text


@settings(deadline=None)
@given(st.one_of(ITEM, st.text(max_size=300)), st.one_of(st.none(), st.sampled_from(["Kent Police", "Avon"])))
def test_addressee_matching_never_crashes(text, force):
    found = find_addressees(text, None, force)
    assert len(found.names) == len(set(found.names))


CLOSED = st.sampled_from(["Closed", "complete", "Completed", "DISCHARGED", "achieved", "signed off", "Done"])
OPEN_LEAD = st.sampled_from(["Pending", "awaiting", "partially", "not", "being", "In progress -"])
CASE_AND_SPACE = st.tuples(st.sampled_from([str.lower, str.upper, str.title, str]), st.sampled_from(["", " ", "  "]))


@given(CLOSED, CASE_AND_SPACE)
def test_a_closing_word_closes_whatever_its_case_and_spacing(word, style):
    change, pad = style
    assert state_of(pad + change(word) + pad) == "closed"


@given(OPEN_LEAD, CLOSED, CASE_AND_SPACE)
def test_a_word_that_qualifies_a_closing_word_keeps_the_record_open(lead, word, style):
    change, pad = style
    assert state_of(pad + change(f"{lead} {word}") + pad) == "open"  # "pending sign off", "partially achieved"


@given(st.text(alphabet=st.characters(codec="ascii", categories=["L", "N", "Zs"]), max_size=40))
def test_a_status_naming_no_closing_word_is_open(word):
    lowered = word.lower()
    closing = ("clos", "complet", "discharg", "achiev", "implement", "signed", "done", "supersed", "withdr",
               "relevant", "finish", "resolv", "n/a", "applicable")
    if not any(w in lowered for w in closing):
        assert state_of(word) == "open"

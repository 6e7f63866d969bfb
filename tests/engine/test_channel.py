"""Channel detection through the real pipeline: one case per channel type of the
closed list (design.md), each beside a counter-example in which the same words
appear without being the quote's channel. Texts are written for these tests."""

from __future__ import annotations

import pytest

from service.engine import Extractor
from service.engine.annotations import CHANNEL_TYPES
from service.engine.channel import MAX_PARAGRAPH_BREAKS

TYPES = {
    "social_media", "news_media", "state_media", "interview", "statement", "press_conference", "speech",
    "remarks", "hearing", "meeting", "podcast", "broadcast", "email", "letter", "phone_call",
    "court_filing", "publication", "other",
}  # fmt: skip


def channel_of(extractor: Extractor, text: str, content: str) -> tuple[str, str | None, bool] | None:
    """(type, name, inferred) of the quote whose content contains ``content``."""
    quotes = [q for q in extractor.extract(text)["quotes"] if content in q["content"]["text"]]
    assert quotes, f"no quote containing {content!r} in {text!r}"
    ch = quotes[0]["channel"]
    return None if ch is None else (ch["type"], ch["name"], ch["inferred"])


EXPLICIT = [
    # social_media: a post on a named platform, the verb "tweeted" (Twitter is returned as X)
    ("The senator said in a post on Instagram that the bill was dead.", "bill was dead",
     ("social_media", "Instagram", False)),
    ("Instagram's revenue grew sharply last year, the analyst said.", "revenue grew", None),
    ("The mayor tweeted that the bridge would stay closed until spring.", "bridge would stay",
     ("social_media", "X", False)),
    ("The mayor wrote on Twitter that the bridge would stay closed.", "bridge would stay",
     ("social_media", "X", False)),
    ("Project X was over budget, the engineer said.", "over budget", None),
    # news_media: the source is an outlet
    ("Reuters reported that the factory had closed in March.", "factory had closed", ("news_media", "Reuters", False)),
    ("Michael Bloomberg said the soda tax had worked.", "soda tax", None),
    # state_media: a state outlet named, or state media as the source
    ("Xinhua said the talks with the delegation had been frank.", "talks with", ("state_media", "Xinhua", False)),
    ("The harvest had failed in three provinces, according to state television.", "harvest had failed",
     ("state_media", None, False)),
    ("The state senator said the budget would be late.", "budget would be late", None),
    # interview: "in an interview with" an outlet, "told" an outlet
    ("She said in an interview with CNBC that rates would fall.", "rates would fall", ("interview", "CNBC", False)),
    ("He told the BBC that he would not resign.", "would not resign", ("interview", "BBC", False)),
    ("She said the interview with CNBC had gone badly.", "gone badly", None),
    # statement
    ("The company said in a statement that it would appeal the decision.", "would appeal",
     ("statement", None, False)),
    ("The company said its statement had been misread by investors.", "misread", None),
    # press_conference
    ("At a news conference, the governor told reporters that schools would reopen.", "schools would reopen",
     ("press_conference", None, False)),
    ("The governor said the news conference had been canceled.", "had been canceled", None),
    # speech
    ("The candidate told supporters that the race was far from over.", "race was far", ("speech", None, False)),
    ("The candidate said her supporters were tired of waiting.", "tired of waiting", None),
    # remarks: a place is not a name
    ("In the Oval Office, the president said the agreement was finished.", "agreement was finished",
     ("remarks", None, False)),
    ("The coach told reporters that the injury was minor.", "injury was minor", ("remarks", None, False)),
    ("The president said the Oval Office needed new curtains.", "needed new curtains", None),
    # hearing
    ("The director testified that the agency had been warned twice.", "agency had been warned",
     ("hearing", None, False)),
    ("The director said the hearing had been postponed.", "hearing had been postponed", None),
    # meeting
    ("At a cabinet meeting, the minister said fuel prices would rise.", "fuel prices",
     ("meeting", None, False)),
    ("The minister said the meeting would take place on Monday.", "meeting would take place", None),
    # podcast
    ("The coach said on a podcast that he planned to retire.", "planned to retire", ("podcast", None, False)),
    ("The coach said his podcast had lost half its listeners.", "lost half", None),
    # broadcast
    ("The mayor said on national television that the city was safe.", "city was safe", ("broadcast", None, False)),
    ("The mayor said television had changed local politics.", "changed local politics", None),
    # email
    ("A spokeswoman said in an email that the figures were wrong.", "figures were wrong", ("email", None, False)),
    ("A spokeswoman said the email was a forgery.", "was a forgery", None),
    # letter
    ("In a letter, the senators wrote that the rule was unlawful.", "rule was unlawful", ("letter", None, False)),
    ("The senators said the letter had never been sent.", "never been sent", None),
    # phone_call
    ("The ambassador said by phone that the embassy would stay open.", "embassy would stay",
     ("phone_call", None, False)),
    ("The ambassador said the phone call had been cordial.", "been cordial", None),
    # court_filing
    ("The judge wrote in a ruling that the law was unconstitutional.", "law was unconstitutional",
     ("court_filing", None, False)),
    ("Prosecutors said in a court filing that the defendant had fled.", "defendant had fled",
     ("court_filing", None, False)),
    ("The judge said the ruling would be appealed.", "would be appealed", None),
    # publication: a journal is a name
    ("The researchers reported in The Lancet that the vaccine was effective.", "vaccine was effective",
     ("publication", "The Lancet", False)),
    ("The researchers said The Lancet had rejected their paper.", "rejected their paper", None),
    # other
    ("In a video message, the governor said the state would help.", "state would help", ("other", None, False)),
    ("The governor said the video had been doctored.", "been doctored", None),
]  # fmt: skip


@pytest.mark.parametrize("text, content, expected", EXPLICIT)
def test_explicit_channel(extractor: Extractor, text: str, content: str, expected) -> None:
    assert channel_of(extractor, text, content) == expected


def test_every_channel_type_has_a_case() -> None:
    covered = {case[2][0] for case in EXPLICIT if case[2] is not None}
    assert covered == TYPES


INHERITED = [
    # the same speaker, next sentence: the post's channel carries over, marked inferred
    ("The senator said in a post on X that the bill was dead. She added that a new bill would follow.",
     "new bill would follow", ("social_media", "X", True)),
    # a direct quotation in the next paragraph still belongs to the same post
    ("Senator Jane Park said in a post on X that the bill was dead.\n\n“We will start again,” Ms. Park said.",
     "We will start again", ("social_media", "X", True)),
    # a new time: a new scene
    ("The senator said in a post on X that the bill was dead.\n\nOn Friday, she said a new bill would follow.",
     "new bill would follow", None),
    # the same day named again is the same scene; another day is not
    ("The senator said on Thursday in a post on X that the bill was dead. She said Thursday that a new bill "
     "would follow.", "new bill would follow", ("social_media", "X", True)),
    ("The senator said on Thursday in a post on X that the bill was dead. She said Friday that a new bill "
     "would follow.", "new bill would follow", None),
    # another channel stated in between
    ("The senator said in a post on X that the bill was dead. The governor said in a statement that he agreed. "
     "The senator added that a new bill would follow.", "new bill would follow", None),
    # a long gap: more paragraph breaks than MAX_PARAGRAPH_BREAKS
    ("The senator said in a post on X that the bill was dead.\n\nThe bill had passed the House in May.\n\n"
     "Its supporters were disappointed.\n\nThe senator said a new bill would follow.", "new bill would follow", None),
    # a change of tense: a general claim, not the same occasion
    ("The senator said in a post on X that the bill was dead. She has said that taxes are too high.",
     "taxes are too high", None),
    # another speaker does not inherit
    ("The senator said in a post on X that the bill was dead. Her rival said the bill would pass.",
     "bill would pass", None),
]  # fmt: skip


SCENES = [
    # a sentence without a quotation names the occasion; the speaker's quotes that follow took place there
    ("Carla Voss took questions at a news conference in Geneva on Monday. “The talks are over,” she said.",
     "The talks are over", ("press_conference", None, True)),
    ("The minister, Carla Voss, took questions at a news conference on Monday.\n\n“The talks are over,” Voss said.",
     "The talks are over", ("press_conference", None, True)),
    # the scene's interview, not the earlier post, is the channel of what follows
    ("Omar Lind wrote on Facebook that the vote was rigged. In an interview with the BBC, he softened his tone. "
     "“I accept the result,” Lind said.", "I accept the result", ("interview", "BBC", True)),
    # another speaker does not take the scene's channel
    ("Carla Voss took questions at a news conference on Monday.\n\nHer rival, Tom Eck, spoke later. "
     "“She is wrong,” Eck said.", "She is wrong", None),
    # the same stopping rules: a new time opens a new scene
    ("Carla Voss took questions at a news conference on Monday. On Friday, she said the talks were over.",
     "talks were over", None),
    # a place is not an occasion
    ("Carla Voss spent the morning in the Oval Office. “The talks are over,” she said.", "The talks are over", None),
]  # fmt: skip


@pytest.mark.parametrize("text, content, expected", SCENES)
def test_channel_set_by_the_scene(extractor: Extractor, text: str, content: str, expected) -> None:
    assert channel_of(extractor, text, content) == expected


@pytest.mark.parametrize("text, content, expected", INHERITED)
def test_inherited_channel(extractor: Extractor, text: str, content: str, expected) -> None:
    assert channel_of(extractor, text, content) == expected


def test_that_clause_after_channel_noun(extractor: Extractor) -> None:
    text = "The senators wrote in a letter that the rule was unlawful."
    assert channel_of(extractor, text, "rule was unlawful") == ("letter", None, False)


def test_relayed_by_state_media(extractor: Extractor) -> None:
    """ "X …, state media reported, and said …": the medium is X's channel too."""
    text = "The premier praised the farmers, state media reported, and said the grain reserves were full."
    assert channel_of(extractor, text, "grain reserves") == ("state_media", None, False)


def test_channel_span_is_the_phrase(extractor: Extractor) -> None:
    text = "The senator said in a post on Instagram that the bill was dead."
    quote = extractor.extract(text)["quotes"][0]
    assert quote["channel"]["text"] == "in a post on Instagram"


def test_lexicons_load_and_use_the_closed_list(extractor: Extractor) -> None:
    lexicons = extractor.lexicons
    assert lexicons.outlets["Twitter"].name == "X"
    assert set(CHANNEL_TYPES) == TYPES
    assert {o.type for o in lexicons.outlets.values()} <= TYPES
    assert {p.type for role in lexicons.channel_phrases.values() for p in role.values()} <= TYPES
    assert MAX_PARAGRAPH_BREAKS == 1


def test_sentence_final_platform_letter(extractor: Extractor) -> None:
    """ "… wrote on X." — the tokenizer keeps the full stop on the letter."""
    text = "“This deal is a mess,” Mr. Roy wrote on X."
    assert channel_of(extractor, text, "deal is a mess") == ("social_media", "X", False)

"""Attribution patterns of news prose, each beside a counter-example.

Texts are written for these tests; the real pinned pipeline parses them.
"""

from __future__ import annotations

import pytest

DIRECT = [
    # “…,” she said — the pronoun resolves to the person introduced before
    (
        "Maria Lopez runs the port authority. “We will reopen the docks on Monday,” she said.",
        ("direct", "We will reopen the docks on Monday,", "Maria Lopez"),
    ),
    # “…,” said Name, appositive
    (
        "“The numbers do not add up,” said Tom Becker, the chief economist at a Chicago bank.",
        ("direct", "The numbers do not add up,", "Tom Becker"),
    ),
    # Name said: “…”
    (
        "The mayor, Ana Ruiz, said: “We have no plans to raise fares this year.”",
        ("direct", "We have no plans to raise fares this year.", "Ana Ruiz"),
    ),
    # a question
    (
        "Laura Kim looked at the budget. “Why now?” she asked.",
        ("direct", "Why now?", "Laura Kim"),
    ),
    # “…” ― Name
    (
        "“Everyone deserves a fair hearing.” ― Daniel Ortiz",
        ("direct", "Everyone deserves a fair hearing.", "Daniel Ortiz"),
    ),
]


@pytest.mark.parametrize("text, expected", DIRECT)
def test_direct_quote(quotes_of, text, expected):
    assert expected in quotes_of(text)


def test_interrupted_quote_gives_two_quotes_one_speaker(quotes_of):
    text = "“The plan is sound,” said Peter Lang, a city planner, “but it will take a decade.”"
    quotes = quotes_of(text)
    assert ("direct", "The plan is sound,", "Peter Lang") in quotes
    assert ("direct", "but it will take a decade.", "Peter Lang") in quotes


def test_quote_only_paragraph_continues_previous_speaker(quotes_of):
    text = (
        "“We are not leaving,” said Rosa Diaz, a tenant organizer.\n\n"
        "“This building is our home and we will fight for it.”"
    )
    quotes = quotes_of(text)
    assert ("direct", "This building is our home and we will fight for it.", "Rosa Diaz") in quotes


def test_quote_paragraph_after_another_speakers_cue_does_not_continue(quotes_of):
    text = (
        "“We are not leaving,” said Rosa Diaz.\n\n"
        "The landlord, Carl Meyer, said the tenants had been warned.\n\n"
        "The hearing is set for May."
    )
    quotes = quotes_of(text)
    assert ("indirect", "the tenants had been warned", "Carl Meyer") in quotes
    assert all(q[1] != "The hearing is set for May." for q in quotes)


INDIRECT = [
    # that-clause
    (
        "Senator Alice Grant said that the bill would pass before the recess.",
        ("indirect", "the bill would pass before the recess", "Alice Grant"),
    ),
    # no complementizer
    (
        "Mr. Hale said his company would hire 200 workers.",
        ("indirect", "his company would hire 200 workers", "Hale"),
    ),
    # clause-final parenthetical
    (
        "The talks could resume next month, analysts said.",
        ("indirect", "The talks could resume next month", "analysts"),
    ),
    # according to
    (
        "The factory will close in June, according to the union.",
        ("indirect", "The factory will close in June", "union"),
    ),
    # directive with addressee and infinitive
    (
        "The governor urged residents to leave the coast.",
        ("indirect", "residents to leave the coast", "governor"),
    ),
]


@pytest.mark.parametrize("text, expected", INDIRECT)
def test_indirect_quote(quotes_of, text, expected):
    assert expected in quotes_of(text)


def test_clause_stops_before_concessive_clause(quotes_of):
    text = "The minister said the deal was final, though she gave no details."
    assert ("indirect", "the deal was final", "minister") in quotes_of(text)


def test_two_that_clauses_stay_one_quote(quotes_of):
    text = "The agency said that prices had risen and that supply had fallen."
    assert ("indirect", "prices had risen and that supply had fallen", "agency") in quotes_of(text)


MIXED = [
    (
        "Jane Park praised the plan. She added that “the city cannot wait” for federal money.",
        ("mixed", "“the city cannot wait” for federal money", "Jane Park"),
    ),
    (
        "Mr. Cole wrote that the rival offer was “A TOTAL DISASTER.”",
        ("mixed", "the rival offer was “A TOTAL DISASTER.”", "Cole"),
    ),
    (
        "It was a result the coach described as “a miracle.”",
        ("mixed", "a miracle.", "coach"),
    ),
]


@pytest.mark.parametrize("text, expected", MIXED)
def test_mixed_quote(quotes_of, text, expected):
    assert expected in quotes_of(text)


NOT_QUOTES = [
    "The White House did not respond to requests for comment.",
    "A spokesman declined to comment on the report.",
    "The film's so-called “twist ending” disappointed critics.",
    "They watched “Jaws” on Friday night.",
    "She wrote “The Long Road,” a memoir about her childhood.",
    "Shortages of the metal have threatened to bring factories to a standstill.",
    "He could argue that the rules do not apply.",
    "She did not say that the plant would close.",
    "",
    "   \n\t  ",
]


@pytest.mark.parametrize("text", NOT_QUOTES)
def test_not_a_quote(quotes_of, text):
    assert quotes_of(text) == []


def test_unbalanced_marks_do_not_break_extraction(quotes_of):
    text = "“We won,” he said. Then a stray ” mark, and “ another. “Again,” said Lee Chan."
    quotes = quotes_of(text)
    assert ("direct", "Again,", "Lee Chan") in quotes


def test_every_quote_has_calibrated_confidence(extractor):
    response = extractor.extract("“We will win,” said Ruth Adler. Critics said the plan would fail.")
    assert response["quotes"]
    for quote in response["quotes"]:
        assert 0.0 < quote["confidence"] <= 1.0


HEADLINES = [
    (
        "Sanders: Voters need to hear a real plan\n\nThe senator spoke.",
        ("indirect", "Voters need to hear a real plan", "Sanders"),
    ),
    (
        "Port Strike Ends After Deal, Union Says\n\nWorkers returned.",
        ("indirect", "Port Strike Ends After Deal", "Union"),
    ),
]


@pytest.mark.parametrize("text, expected", HEADLINES)
def test_headline_sources(quotes_of, text, expected):
    assert expected in quotes_of(text)


@pytest.mark.parametrize(
    "text",
    ["Editor's note: This story was updated on Friday.", "Emergency Abortions: The court ruled on Friday."],
)
def test_headline_labels_and_topics_are_not_sources(quotes_of, text):
    assert all(q[0] != "indirect" or q[2] not in ("Editor", "Emergency Abortions") for q in quotes_of(text))


def test_naming_with_predicate(quotes_of):
    assert ("indirect", "the charges unsubstantiated", "campaign") in quotes_of(
        "The campaign called the charges unsubstantiated."
    )


def test_naming_through_a_relative_is_not_a_quote(quotes_of):
    quotes = quotes_of("He warned that the city should not let what he called vandals win.")
    assert all("vandals win" not in q[1] or q[1].startswith("the city") for q in quotes)
    assert not any(q[1] == "vandals" for q in quotes)


def test_relayed_report_keeps_the_actor_as_speaker(quotes_of):
    text = "Mr. Lin welcomed the delegation, state media reported, and said the two sides should trade more."
    quotes = quotes_of(text)
    assert ("indirect", "Mr. Lin welcomed the delegation", "state media") in quotes
    assert ("indirect", "the two sides should trade more", "Lin") in quotes


def test_single_marked_subhead_is_not_a_continuation(quotes_of):
    text = "“We will rebuild the mine,” said Tom Clark.\n\n‘A Town Waits.’\n\nThe mine closed in May."
    assert all(q[1] != "A Town Waits." for q in quotes_of(text))


def test_colon_after_a_sentence_introduces_its_subjects_quote(quotes_of):
    quotes = quotes_of("The senator had a blunt message for the bank: “You should resign.”")
    assert ("direct", "You should resign.", "senator") in quotes


def test_colon_after_a_thing_is_not_a_speaker(quotes_of):
    assert quotes_of("The rules at the museum are simple: “No phones, no flash.”") == []


def test_narration_between_quotes_ends_the_continuation(quotes_of):
    text = "“We will win,” said Ruth Adler.\n\nThe rules are simple: “No phones.”"
    assert all(q[1] != "No phones." for q in quotes_of(text))


@pytest.mark.parametrize(
    "text, content",
    [
        ("MOSCOW (Reuters) - Russia is ready to resume talks, the Kremlin said.", "Russia is ready to resume talks"),
        ("WASHINGTON — The deal is done, officials said.", "The deal is done"),
        # counter-example: a capitalised subject is not a dateline
        ("NATO allies will meet in June, diplomats said.", "NATO allies will meet in June"),
    ],
)
def test_dateline_is_not_content(quotes_of, text, content):
    assert [q[1] for q in quotes_of(text)] == [content]


def test_parenthetical_frame_with_time_adjuncts(quotes_of):
    text = "The country has changed for the better, Ms. Reyes said in June after meeting the leaders."
    assert ("indirect", "The country has changed for the better", "Reyes") in quotes_of(text)


def test_parenthetical_frame_with_a_means_clause_is_not_a_report(quotes_of):
    text = "Exports kept falling, while the government responded by raising tariffs."
    assert quotes_of(text) == []


def test_that_clause_after_a_time_phrase(quotes_of):
    text = "The mayor posted in the early hours that the bridge was closed."
    assert ("indirect", "the bridge was closed", "mayor") in quotes_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The plant will close in June, according to a statement from the ministry.",
            ("indirect", "The plant will close in June", "ministry"),
        ),
        # counter-example: a document with no author named is the source itself
        (
            "According to the statement, the company will cut 500 jobs.",
            ("indirect", "the company will cut 500 jobs", "statement"),
        ),
    ],
)
def test_according_to_a_document_names_its_author(quotes_of, text, expected):
    assert expected in quotes_of(text)


def test_noun_of_saying_with_a_possessor(quotes_of):
    text = "Reporters checked the mayor's claim that crime had fallen by half."
    assert ("indirect", "crime had fallen by half", "mayor") in quotes_of(text)


def test_noun_of_saying_without_a_possessor_is_not_attributed(quotes_of):
    assert quotes_of("The claim that crime had fallen by half was false.") == []


FOLLOW_ON = [
    # after a mixed report
    ("Rents “will rise again,” Omar Said said. “Nobody can stop it.”", ("direct", "Nobody can stop it.", "Omar Said")),
    # after an indirect report
    (
        "Judge Nora Hale said the appeal would fail. “The record is clear.”",
        ("direct", "The record is clear.", "Nora Hale"),
    ),
    # after a clause-final frame with a participle
    (
        "The mine “is finished,” Ivo Brandt said, pointing at the gate. “It will not reopen.”",
        ("direct", "It will not reopen.", "Ivo Brandt"),
    ),
]


@pytest.mark.parametrize("text, expected", FOLLOW_ON)
def test_quotation_following_a_report_continues_its_speaker(quotes_of, text, expected):
    assert expected in quotes_of(text)


@pytest.mark.parametrize(
    "text, words",
    [
        # narration between the report and the quotation
        ("Judge Nora Hale said the appeal would fail. The court rose at noon. “The record is clear.”", "The record"),
        # another speaker's cue between them
        ("Nora Hale said the appeal would fail. Her rival, Tom Eck, disagreed. “The record is clear.”", "The record"),
        # a subhead in single marks
        ("Nora Hale said the appeal would fail.\n\n‘A long wait’", "A long wait"),
    ],
)
def test_quotation_after_narration_is_not_a_follow_on(quotes_of, text, words):
    assert not any(q[1].startswith(words) and q[2] == "Nora Hale" for q in quotes_of(text))


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The plant will close in May, Rita Olsen said, pointing at the empty lot.",
            ("indirect", "The plant will close in May", "Rita Olsen"),
        ),
        # counter-example: a frame with a means clause of its own reports nothing before it
        ("The talks stalled, and Rita Olsen responded by leaving the room.", None),
    ],
)
def test_parenthetical_frame_with_a_participial_adjunct(quotes_of, text, expected):
    quotes = quotes_of(text)
    if expected is None:
        assert quotes == []
    else:
        assert expected in quotes


AS_REPORTED = [
    ("As the mayor explained, two bus lines were cut.", [("indirect", "two bus lines were cut", "mayor")]),
    (
        "Two bus lines were cut, as Mayor Ada Stone told reporters.",
        [("indirect", "Two bus lines were cut", "Ada Stone")],
    ),
    (
        "The fund, as the treasurer noted, is empty.",
        [("indirect", "The fund", "treasurer"), ("indirect", "is empty", "treasurer")],
    ),
    # a frame interrupting its clause, with an adverb of its own
    (
        "Drought, Ana Ruiz often says, is the oldest enemy of farmers.",
        [("indirect", "Drought", "Ana Ruiz"), ("indirect", "is the oldest enemy of farmers", "Ana Ruiz")],
    ),
    # a fronted adverbial before an interrupting frame is said too, in its own part
    (
        "Back in Ohio, Mr. Wolfe said, he decided to run for mayor.",
        [("indirect", "Back in Ohio", "Wolfe"), ("indirect", "he decided to run for mayor", "Wolfe")],
    ),
    # the relative pronoun fronted out of the reported clause
    (
        "The council closed the depot, which unions say will cost jobs.",
        [("indirect", "will cost jobs", "unions")],
    ),
    # "that" as the clause's subject stays in the content
    ("Her lawyer said that was not her view.", [("indirect", "that was not her view", "Her lawyer")]),
]


@pytest.mark.parametrize("text, expected", AS_REPORTED)
def test_as_clauses_interruptions_and_relatives(quotes_of, text, expected):
    quotes = quotes_of(text)
    for quote in expected:
        assert quote in quotes


@pytest.mark.parametrize(
    "text",
    [
        # time and manner clauses: an object or a progressive verb
        "As she announced her run, supporters cheered.",
        "As he was explaining the plan, the lights went out.",
        "As expected, the vote was close.",
    ],
)
def test_as_clause_that_reports_nothing(quotes_of, text):
    main_clause = text.split(", ")[1].rstrip(".")
    assert all(q[1] != main_clause for q in quotes_of(text))


REQUESTS_AND_MESSAGES = [
    ("The senator asked the court to intervene.", ("indirect", "the court to intervene", "senator")),
    ("Dr. Ana Cole told her staff to stay home.", ("indirect", "her staff to stay home", "Ana Cole")),
    ("The union reminded members to vote by Friday.", ("indirect", "members to vote by Friday", "union")),
    ("Lena Park asked for a recount.", ("indirect", "a recount", "Lena Park")),
    ("Lena Park asked the mayor about the budget.", ("indirect", "the budget", "Lena Park")),
    ("The mayor stressed the need for calm on Monday.", ("indirect", "the need for calm", "mayor")),
    (
        "Senator Hill has acknowledged the cost of the war, which makes him an outlier.",
        ("indirect", "the cost of the war", "Hill"),
    ),
    ("“We are proud of our nurses,” read the statement.", ("direct", "We are proud of our nurses,", "statement")),
    ("“Our schools are full,” the letter reads.", ("direct", "Our schools are full,", "letter")),
]


@pytest.mark.parametrize("text, expected", REQUESTS_AND_MESSAGES)
def test_requests_message_objects_and_texts_that_read(quotes_of, text, expected):
    assert expected in quotes_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "The center maintains a program to train young leaders.",  # the infinitive modifies the noun
        "She told him the truth.",  # no infinitive: no request
        "Lena Park was asked about the budget.",  # the asker is not named
        "He denied it.",  # a bare pronoun says nothing
        "The agency proposed a plan to cut visas.",  # an act, not words
        "The coach urged the players.",  # an addressee is not what was said
        "She read the letter aloud.",  # a person reading reports nothing of their own
        "Fans walked onto the field, chanting loudly.",  # a participle is no parenthetical frame
    ],
)
def test_not_requests_or_messages(quotes_of, text):
    assert quotes_of(text) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # a participle after a reported clause continues the frame: the frame's subject speaks
        (
            "Senator Ruth Hale said she did not believe the claims, arguing that turnout was the problem.",
            ("indirect", "turnout was the problem", "Ruth Hale"),
        ),
        # counter-example: a verb with its own subject speaks for that subject
        (
            "Ruth Hale said the mayor lied, and the council argued that the vote was fair.",
            ("indirect", "the vote was fair", "council"),
        ),
    ],
)
def test_speaker_of_a_frame_continued_inside_a_report(quotes_of, text, expected):
    assert expected in quotes_of(text)


FRAGILE_FRAMES = [
    # a relative clause or a party and state between the speaker and the cue
    ("“We were ready,” Ms. Lane, who lives in Austin, said.", ("direct", "We were ready,", "Lane")),
    (
        "“The vote stands,” Rep. Dana Cole (D-Ore.) said after the hearing.",
        ("direct", "The vote stands,", "Dana Cole"),
    ),
    # a colon closing the paragraph before the quotation
    (
        "Mayor Ivan Roth spoke for an hour. He said:\n\n“Our streets are safe again.”",
        ("direct", "Our streets are safe again.", "Ivan Roth"),
    ),
    # an unquoted statement after a colon, inline or in the next paragraph
    (
        "Nora Vance wrote:\n\nThe council has failed. It must resign.",
        ("indirect", "The council has failed. It must resign", "Nora Vance"),
    ),
    ("Nora Vance added: the council has failed.", ("indirect", "the council has failed", "Nora Vance")),
]


@pytest.mark.parametrize("text, expected", FRAGILE_FRAMES)
def test_fragile_frames_and_colons(quotes_of, text, expected):
    assert expected in quotes_of(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The rules are simple:\n\n“Nobody leaves.”", []),  # no one frames it
        ("Nora Vance listed three demands: pay, hours and safety.", []),  # "list" reports nothing
        # the cue after the quotation is the crowd's, not the later speaker's
        (
            "“We were ready,” the crowd shouted as police arrived, and Ms. Lane said nothing.",
            [("direct", "We were ready,", "crowd")],
        ),
    ],
)
def test_colon_and_frame_counter_examples(quotes_of, text, expected):
    assert quotes_of(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a dateline is not the speaker: the name after the dash is
        (
            "BOSTON -- Mayor Rita Kane, opening the new library on Friday, said it would stay open late.",
            ("indirect", "it would stay open late", "Rita Kane"),
        ),
        # an acronym that is a name stays the speaker
        ("NATO said the drills would go ahead.", ("indirect", "the drills would go ahead", "NATO")),
        # according to a document by its author: the author speaks
        (
            "Taxes would rise by 4 percent, according to calculations by the Tax Policy Center.",
            ("indirect", "Taxes would rise by 4 percent", "Tax Policy Center"),
        ),
    ],
)
def test_speaker_past_datelines_and_documents(quotes_of, text, expected):
    assert expected in quotes_of(text)

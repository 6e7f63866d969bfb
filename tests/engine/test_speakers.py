"""Speaker entities: names, aliases, pronouns, titles, groups."""

from __future__ import annotations


def speaker_named(response: dict, name: str) -> dict:
    return next(s for s in response["speakers"] if s["name"] == name)


def test_name_variants_cluster_and_longest_name_wins(extractor):
    text = (
        "Xi Jinping, China's top leader, met the envoy on Monday. "
        "Mr. Xi said the talks were useful. President Xi added that trade would grow."
    )
    response = extractor.extract(text)
    xi = speaker_named(response, "Xi Jinping")
    assert len(xi["quote_ids"]) == 2
    assert "China's top leader" in xi["descriptions"]
    assert xi["kind"] == "person"


def test_pronoun_resolves_past_a_person_of_other_gender(extractor):
    text = (
        "Ms. Grace Tan, an economist at the bank, said inflation would ease. "
        "Mr. Victor Hale, a rival forecaster, disagreed with the forecast. "
        "“Prices are already falling,” she said."
    )
    quotes = {q["content"]["text"]: q for q in extractor.extract(text)["quotes"]}
    response = extractor.extract(text)
    names = {s["id"]: s["name"] for s in response["speakers"]}
    assert names[quotes["Prices are already falling,"]["speaker_id"]] == "Grace Tan"


def test_pronoun_does_not_resolve_to_a_person_of_other_gender(extractor):
    text = "Ms. Grace Tan spoke first. “Prices are falling,” he said."
    response = extractor.extract(text)
    names = [s["name"] for s in response["speakers"]]
    assert "Grace Tan" not in names


def test_title_alias_resolves_to_the_titled_person(extractor):
    text = "President Anna Berg met farmers on Tuesday. The president said the subsidies would continue."
    response = extractor.extract(text)
    (quote,) = response["quotes"]
    assert quote["speaker"]["text"] == "The president"
    assert speaker_named(response, "Anna Berg")["id"] == quote["speaker_id"]


def test_groups_and_media_are_their_own_kinds(extractor):
    text = "The rally will be delayed, analysts said. Chinese state media reported that the meeting ended early."
    kinds = {s["name"]: s["kind"] for s in extractor.extract(text)["speakers"]}
    assert kinds.get("analysts") == "group"
    assert kinds.get("Chinese state media") == "media"


def test_repeated_common_noun_source_is_one_entity(extractor):
    text = "The senator said the bill was dead. Later the senator said a new bill would follow."
    speakers = extractor.extract(text)["speakers"]
    assert len(speakers) == 1 and len(speakers[0]["quote_ids"]) == 2


def test_speaker_mentions_point_into_the_text(extractor):
    text = "Wendy Park, a trade lawyer, said tariffs would rise. Ms. Park added that talks would resume."
    response = extractor.extract(text)
    (park,) = response["speakers"]
    assert park["name"] == "Wendy Park"
    for m in park["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"]
    assert {m["text"] for m in park["mentions"]} >= {"Wendy Park", "Ms. Park"}


def test_given_names_tell_pronouns_apart(extractor):
    text = (
        "Wendy Marsh, a trade lawyer, said the tariffs would hurt farmers. "
        "Robert Stein, an economist, said the forecast was too gloomy. "
        "“The damage is already visible,” she said."
    )
    response = extractor.extract(text)
    names = {s["id"]: s["name"] for s in response["speakers"]}
    quote = next(q for q in response["quotes"] if q["type"] == "direct")
    assert names[quote["speaker_id"]] == "Wendy Marsh"


def test_pronoun_prefers_the_paragraphs_subject_over_the_last_speaker(extractor):
    text = (
        "“We have the votes,” Mr. Paul Novak told reporters. He added that the vote would be Friday.\n\n"
        "Mr. Dan Ortega, who leads the other caucus, was more cautious. “Nothing is final,” he said."
    )
    response = extractor.extract(text)
    names = {s["id"]: s["name"] for s in response["speakers"]}
    quote = next(q for q in response["quotes"] if q["content"]["text"] == "Nothing is final,")
    assert names[quote["speaker_id"]] == "Dan Ortega"


def test_embedded_subject_does_not_take_the_pronoun(extractor):
    text = (
        "Mr. Paul Novak said he and Mr. Dan Ortega had a good talk. "
        "On the budget, he said the two sides remained apart."
    )
    response = extractor.extract(text)
    names = {s["id"]: s["name"] for s in response["speakers"]}
    quote = next(q for q in response["quotes"] if q["content"]["text"].startswith("the two sides"))
    assert names[quote["speaker_id"]] == "Paul Novak"


def test_anonymous_sources_keep_their_qualifier(extractor):
    text = (
        "Two people familiar with the talks said a meeting could take place next week. "
        "A spokeswoman for the port authority said in a statement that the docks were open."
    )
    names = {s["name"]: s["kind"] for s in extractor.extract(text)["speakers"]}
    assert names == {"Two people familiar with the talks": "group", "A spokeswoman for the port authority": "person"}


def test_outlet_as_source_is_media(extractor):
    text = "Shares of grain traders rose 3 percent, the Financial Times reported."
    (speaker,) = extractor.extract(text)["speakers"]
    assert (speaker["name"], speaker["kind"]) == ("Financial Times", "media")

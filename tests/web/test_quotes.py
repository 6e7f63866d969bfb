"""``POST /v1/quotes``: one article, as JSON or text/plain, offsets in either unit."""

from __future__ import annotations

import pytest

ARTICLE = (
    "Trade talks resume today 🇺🇸🇨🇳.\n\n"
    '"We are not going to back down 💪," Wendy Cutler, a former trade negotiator, said on Monday. '
    "She said that both sides would probably compromise."
)


def spans(response: dict) -> list[dict]:
    """Every offset-bearing object in a v1 response."""
    out = []
    for quote in response["quotes"]:
        out.append(quote["content"])
        out += [quote[k] for k in ("cue", "speaker") if quote[k]]
        if quote["channel"] and quote["channel"]["start"] is not None:
            out.append(quote["channel"])
        out += quote["hedges"]
    for speaker in response["speakers"]:
        out += speaker["mentions"]
    return out


def utf16_slice(text: str, start: int, end: int) -> str:
    """What JavaScript's ``text.slice(start, end)`` gives."""
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_json_article_gives_the_engines_answer(client, contract, extractor):
    response = client.post("/v1/quotes", json={"text": ARTICLE, "id": "a-1"})
    contract.check(response, "POST", "/v1/quotes")
    body = response.get_json()
    assert body == extractor.extract(ARTICLE, "a-1")  # same answer as the CLI and batch paths
    assert body["id"] == "a-1"
    assert body["quotes"], "the fixture article has quotes"
    for span in spans(body):
        assert ARTICLE[span["start"] : span["end"]] == span["text"]


def test_utf16_offsets_count_emoji_as_two_units(client, contract):
    response = client.post("/v1/quotes", json={"text": ARTICLE, "options": {"offsets": "utf16"}})
    contract.check(response, "POST", "/v1/quotes")
    body = response.get_json()
    codepoint = client.post("/v1/quotes", json={"text": ARTICLE}).get_json()
    assert spans(body) and len(spans(body)) == len(spans(codepoint))
    for span, cp in zip(spans(body), spans(codepoint), strict=True):
        assert utf16_slice(ARTICLE, span["start"], span["end"]) == span["text"]
        # Two flags (four astral code points) come before every span; the 💪 before some.
        assert span["start"] - cp["start"] in (4, 5)


def test_plain_text_body_with_query_parameters(client, contract, extractor):
    response = client.post(
        "/v1/quotes?id=draft-7&offsets=utf16", data=ARTICLE.encode(), content_type="text/plain; charset=utf-8"
    )
    contract.check(response, "POST", "/v1/quotes")
    assert response.get_json() == extractor.extract(ARTICLE, "draft-7", "utf16")


def test_plain_text_in_another_declared_charset(client):
    response = client.post("/v1/quotes", data=ARTICLE.encode("utf-16"), content_type="text/plain; charset=utf-16")
    assert response.status_code == 200
    assert response.get_json()["quotes"]


def test_offsets_point_into_the_text_as_sent_not_a_normalised_copy(client):
    text = "Caf\u0065\u0301 owner Ana Ruiz said:\r\n\r\n\u201cWe\u00a0close at noon.\u201d"
    body = client.post("/v1/quotes", json={"text": text}).get_json()
    for span in spans(body):
        assert text[span["start"] : span["end"]] == span["text"]


def test_text_without_quotes_gives_empty_lists(client, contract):
    response = client.post("/v1/quotes", json={"text": "The market closed higher on Friday."})
    contract.check(response, "POST", "/v1/quotes")
    assert response.get_json()["quotes"] == []


@pytest.mark.parametrize("given", ["caller-123", "a" * 128, "7f0c:deploy/abc+1=@x"])
def test_request_id_is_echoed(client, given):
    response = client.get("/livez", headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] == given


@pytest.mark.parametrize("given", ["", "a" * 129, "has space", "tab\tinside", "naïve", 'quote"s'])
def test_unsafe_request_id_is_replaced(client, given):
    response = client.get("/livez", headers={"X-Request-ID": given})
    assert response.headers["X-Request-ID"] not in ("", given)
    assert len(response.headers["X-Request-ID"]) == 32


def test_every_response_carries_the_versions(client, extractor):
    model = extractor.model
    for response in (client.get("/"), client.get("/nowhere"), client.post("/v1/quotes", json={"text": "x"})):
        assert response.headers["X-Service-Version"] == model["service_version"]
        assert response.headers["X-Pipeline"] == f"{model['pipeline']}/{model['pipeline_version']}"

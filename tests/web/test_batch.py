"""``POST /v1/quotes/batch``: results in order, per-document errors beside the answers."""

from __future__ import annotations

DOCS = [
    {"id": "one", "text": '"Prices will fall," the minister said.'},
    {"id": "two", "text": "Analysts said that the deal was unlikely to hold 🤝."},
    {"text": "No quotes here."},
]


def test_results_come_back_in_order_with_the_engines_answers(client, contract, extractor):
    response = client.post("/v1/quotes/batch", json={"documents": DOCS, "options": {"offsets": "utf16"}})
    contract.check(response, "POST", "/v1/quotes/batch")
    body = response.get_json()
    assert body["model"] == extractor.model
    expected = list(extractor.extract_many([(d.get("id"), d["text"]) for d in DOCS], "utf16"))
    assert body["results"] == expected
    assert [r["id"] for r in body["results"]] == ["one", "two", None]


def test_a_bad_document_fails_alone(make_app, contract):
    client = make_app(max_chars=60).test_client()
    docs = [DOCS[0], {"id": "empty", "text": "  \n"}, {"id": "long", "text": "x" * 61}, DOCS[1]]
    response = client.post("/v1/quotes/batch", json={"documents": docs})
    contract.check(response, "POST", "/v1/quotes/batch")
    results = response.get_json()["results"]
    assert [r["id"] for r in results] == ["one", "empty", "long", "two"]
    assert results[0]["quotes"] and results[3]["quotes"]
    for n, result in ((1, results[1]), (2, results[2])):
        error = result["error"]
        assert error["status"] == 422 and error["type"] == "/#validation-error"
        assert error["errors"][0]["pointer"] == f"#/documents/{n}/text"
        assert error["request_id"] == response.headers["X-Request-ID"]
    assert "limit is 60" in results[2]["error"]["detail"]


def test_an_engine_failure_on_one_document_spares_the_others(make_app, failing_extractor, contract, capsys):
    client = make_app(extractor=failing_extractor).test_client()
    docs = [DOCS[0], {"id": "bad", "text": f"Secret draft {failing_extractor.TRIGGER}."}, DOCS[1]]
    response = client.post("/v1/quotes/batch", json={"documents": docs})
    contract.check(response, "POST", "/v1/quotes/batch")
    results = response.get_json()["results"]
    assert results[0]["quotes"] and results[2]["quotes"]
    assert results[1]["id"] == "bad"
    assert results[1]["error"]["status"] == 500
    assert results[1]["error"]["errors"] == [{"pointer": "#/documents/1", "detail": "Extraction failed."}]
    assert "Secret draft" not in response.get_data(as_text=True)
    assert "Secret draft" not in capsys.readouterr().out


def test_structural_errors_fail_the_whole_request(client, assert_problem):
    response = client.post("/v1/quotes/batch", json={"documents": [DOCS[0], {"text": 7}, {"text": "a", "x": 1}]})
    body = assert_problem(response, 422, "POST", "/v1/quotes/batch")
    assert {e["pointer"] for e in body["errors"]} == {"#/documents/1/text", "#/documents/2/x"}


def test_too_many_documents(make_app, assert_problem):
    client = make_app(max_documents=2).test_client()
    response = client.post("/v1/quotes/batch", json={"documents": DOCS})
    body = assert_problem(response, 422, "POST", "/v1/quotes/batch")
    assert body["errors"] == [
        {"pointer": "#/documents", "detail": "3 documents; the limit is 2 per batch (QUOTES_MAX_DOCUMENTS)."}
    ]


def test_too_many_characters_in_all(make_app, assert_problem):
    client = make_app(max_batch_chars=50).test_client()
    response = client.post("/v1/quotes/batch", json={"documents": DOCS})
    body = assert_problem(response, 422, "POST", "/v1/quotes/batch")
    assert body["errors"][0]["pointer"] == "#/documents"
    assert "QUOTES_MAX_BATCH_CHARS" in body["errors"][0]["detail"]


def test_empty_batch_is_invalid(client, assert_problem):
    body = assert_problem(client.post("/v1/quotes/batch", json={"documents": []}), 422, "POST", "/v1/quotes/batch")
    assert body["errors"][0]["pointer"] == "#/documents"


def test_batch_takes_json_only(client, assert_problem):
    response = client.post("/v1/quotes/batch", data="some text", content_type="text/plain")
    assert_problem(response, 415, "POST", "/v1/quotes/batch")

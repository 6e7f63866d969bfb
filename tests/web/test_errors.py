"""One test per error status: each is problem+json with the same members and the request id."""

from __future__ import annotations

import json

import pytest
from flask import abort

QUOTES = "/v1/quotes"


@pytest.mark.parametrize(
    "data, content_type, detail",
    [
        (b'{"text": "unterminated', "application/json", "not valid JSON: Unterminated string"),
        (b"[" * 100_000, "application/json", "nested too deeply"),  # past the recursion limit
        (b'{"text": "caf\xe9"}', "application/json", "not valid UTF-8 at byte 13"),  # Latin-1 byte in JSON
        (b"caf\xe9 au lait", "text/plain", "not valid utf-8 at byte 3"),
    ],
)
def test_400_malformed_json_or_undecodable_bytes(client, assert_problem, data, content_type, detail):
    body = assert_problem(client.post(QUOTES, data=data, content_type=content_type), 400, "POST", QUOTES)
    assert body["type"] == "/#bad-request"
    assert detail in body["detail"]


def test_401_when_keys_are_configured_and_none_is_sent(make_app, assert_problem):
    client = make_app(api_keys=("k-1",)).test_client()
    response = client.post(QUOTES, json={"text": "x"})
    assert_problem(response, 401, "POST", QUOTES)
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="quotes"'


def test_404_unknown_route(client, assert_problem):
    body = assert_problem(client.get("/v2/quotes"), 404, "GET", "/v2/quotes")
    assert body["type"] == "/#not-found"


def test_405_wrong_method_lists_the_allowed_ones(client, assert_problem):
    response = client.get(QUOTES)
    assert_problem(response, 405, "GET", QUOTES)
    assert "POST" in response.headers["Allow"]


def test_413_body_over_the_limit(make_app, assert_problem):
    client = make_app(max_body_bytes=1000).test_client()
    response = client.post(QUOTES, json={"text": "word " * 300})
    body = assert_problem(response, 413, "POST", QUOTES)
    assert "QUOTES_MAX_BODY_BYTES" in body["detail"]


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "application/xml", None])
def test_415_unsupported_media_type(client, assert_problem, content_type):
    response = client.post(QUOTES, data="text=hello", content_type=content_type)
    body = assert_problem(response, 415, "POST", QUOTES)
    assert "application/json" in body["detail"]


@pytest.mark.parametrize(
    "payload, pointer",
    [
        ({}, "#/text"),
        ({"text": ""}, "#/text"),
        ({"text": " \n\t "}, "#/text"),
        ({"text": 42}, "#/text"),
        ({"text": "ok", "title": "unknown field"}, "#/title"),
        ({"text": "ok", "id": 5}, "#/id"),
        ({"text": "ok", "options": {"offsets": "bytes"}}, "#/options/offsets"),
        ({"text": "ok", "options": {"lang": "de"}}, "#/options/lang"),
        ({"text": "\ud83d lone surrogate"}, "#/text"),
        (["a list"], "#"),
    ],
)
def test_422_validation_points_at_the_field(client, assert_problem, payload, pointer):
    response = client.post(QUOTES, data=json.dumps(payload), content_type="application/json")
    body = assert_problem(response, 422, "POST", QUOTES)
    assert pointer in [e["pointer"] for e in body["errors"]]


def test_422_document_over_the_character_limit(make_app, assert_problem):
    client = make_app(max_chars=100).test_client()
    body = assert_problem(client.post(QUOTES, json={"text": "a" * 101}), 422, "POST", QUOTES)
    assert body["errors"] == [
        {"pointer": "#/text", "detail": "Text has 101 characters; the limit is 100 (QUOTES_MAX_CHARS)."}
    ]


def test_422_plain_text_points_at_the_body_and_parameters(client, assert_problem):
    response = client.post(f"{QUOTES}?offsets=bytes", data=" ", content_type="text/plain")
    body = assert_problem(response, 422, "POST", QUOTES)
    assert sorted(body["errors"], key=str) == sorted(
        [
            {"pointer": "#", "detail": "Text is empty."},
            {"parameter": "offsets", "detail": "Must be one of: codepoint, utf16."},
        ],
        key=str,
    )


@pytest.mark.parametrize("path", ["/readyz", QUOTES])
def test_503_until_the_pipeline_has_answered_its_warm_up(app, assert_problem, path):
    app.extensions["quotes"].ready = False  # the state before warm-up completes
    client = app.test_client()
    method = "GET" if path == "/readyz" else "POST"
    response = client.open(path, method=method, json={"text": "x"} if method == "POST" else None)
    assert_problem(response, 503, method, path)
    assert response.headers["Retry-After"] == "5"
    assert client.get("/livez").status_code == 200  # alive, just not ready


def test_500_reveals_no_internals(make_app, failing_extractor, assert_problem, capsys):
    client = make_app(extractor=failing_extractor).test_client()
    text = f"Unpublished draft {failing_extractor.TRIGGER}"
    response = client.post(QUOTES, json={"text": text}, headers={"X-Request-ID": "trace-500"})
    body = assert_problem(response, 500, "POST", QUOTES)
    assert body["request_id"] == "trace-500"
    raw = response.get_data(as_text=True)
    for leak in ("Unpublished", "RuntimeError", "Traceback", "cannot analyse", ".py"):
        assert leak not in raw
    logs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    failure = next(entry for entry in logs if entry.get("exc_type") == "RuntimeError")
    assert failure["request_id"] == "trace-500" and "extract_many" in failure["traceback"]
    assert not any("Unpublished" in json.dumps(entry) for entry in logs)


def test_other_http_errors_keep_their_status_as_about_blank(app):
    def teapot():
        abort(418)  # a status the service never raises itself

    app.add_url_rule("/teapot", view_func=teapot)
    response = app.test_client().get("/teapot")
    assert response.status_code == 418 and response.mimetype == "application/problem+json"
    body = response.get_json()
    assert body["type"] == "about:blank" and body["title"] == "I'm a teapot"
    assert set(body) == {"type", "title", "status", "detail", "instance", "request_id", "errors"}

"""Optional bearer API keys guard ``/v1``; probes, metrics and docs stay open."""

from __future__ import annotations

import pytest

KEYS = ("first-key-0123", "second-key-4567")
OPEN_ROUTES = ["/", "/livez", "/readyz", "/metrics", "/openapi.yaml"]


@pytest.fixture
def guarded(make_app):
    return make_app(api_keys=KEYS).test_client()


@pytest.mark.parametrize("key", KEYS)
def test_any_configured_key_is_accepted(guarded, key):
    response = guarded.post("/v1/quotes", json={"text": "x"}, headers={"Authorization": f"Bearer {key}"})
    assert response.status_code == 200


def test_the_scheme_name_is_case_insensitive(guarded):
    response = guarded.post("/v1/quotes", json={"text": "x"}, headers={"Authorization": f"bearer {KEYS[0]}"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    "header",
    [f"Bearer {KEYS[0]}x", f"Bearer {KEYS[0][:-1]}", f"Basic {KEYS[0]}", KEYS[0], "Bearer ", "Bearer  "],
)
def test_wrong_keys_and_schemes_are_refused(guarded, assert_problem, header):
    response = guarded.post("/v1/quotes/batch", json={"documents": [{"text": "x"}]}, headers={"Authorization": header})
    body = assert_problem(response, 401, "POST", "/v1/quotes/batch")
    assert "invalid_token" in response.headers["WWW-Authenticate"]
    assert KEYS[0] not in response.get_data(as_text=True)
    assert body["detail"] == "The API key is missing or not valid."


def test_authentication_comes_before_reading_the_body(guarded, assert_problem):
    assert_problem(
        guarded.post("/v1/quotes", data=b"{not json", content_type="application/json"), 401, "POST", "/v1/quotes"
    )


@pytest.mark.parametrize("path", OPEN_ROUTES)
def test_probes_metrics_and_docs_need_no_key(guarded, path):
    assert guarded.get(path).status_code == 200


def test_without_keys_the_api_is_open(client):
    assert client.post("/v1/quotes", json={"text": "x"}).status_code == 200


def test_keys_are_never_in_the_settings_repr(make_app):
    app = make_app(api_keys=KEYS)
    assert KEYS[0] not in repr(app.config["QUOTES_SETTINGS"])

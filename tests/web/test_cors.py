"""CORS by allow-list: a browser CMS on an allowed origin can call the API, others cannot."""

from __future__ import annotations

import pytest

from service.settings import Settings

CMS = "https://cms.example.org"
OTHER = "https://evil.example.net"
KEY = "cms-key-0123"


def preflight(client, origin: str, path: str = "/v1/quotes", method: str = "POST"):
    headers = {
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": "content-type, authorization, x-request-id",
    }
    return client.options(path, headers=headers)


@pytest.fixture(params=[(), (KEY,)], ids=["open", "with-keys"])
def cms_client(request, make_app):
    return make_app(cors_origins=(CMS, "http://localhost:3000"), api_keys=request.param).test_client()


@pytest.mark.parametrize("path, methods", [("/v1/quotes", "POST"), ("/v1/quotes/batch", "POST"), ("/livez", "GET")])
def test_preflight_from_an_allowed_origin_needs_no_key(cms_client, path, methods):
    response = preflight(cms_client, CMS, path)
    assert response.status_code == 204
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert response.headers["Access-Control-Allow-Methods"] == methods
    allowed = {h.strip().lower() for h in response.headers["Access-Control-Allow-Headers"].split(",")}
    assert {"content-type", "authorization", "x-request-id"} <= allowed
    assert int(response.headers["Access-Control-Max-Age"]) > 0
    assert "Origin" in response.headers["Vary"]
    assert response.headers["X-Request-ID"]


def test_preflight_from_another_origin_gets_no_allow_header(cms_client):
    response = preflight(cms_client, OTHER)
    assert response.status_code == 204
    assert not [h for h in response.headers.keys() if h.lower().startswith("access-control-allow")]


def test_actual_request_from_an_allowed_origin_exposes_the_request_id(make_app):
    client = make_app(cors_origins=(CMS,)).test_client()
    response = client.post("/v1/quotes", json={"text": '"We will win," she said.'}, headers={"Origin": CMS})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    exposed = [h.strip() for h in response.headers["Access-Control-Expose-Headers"].split(",")]
    assert "X-Request-ID" in exposed and "X-Service-Version" in exposed
    assert "Origin" in response.headers["Vary"]


def test_actual_request_from_another_origin_gets_no_cors_headers(make_app):
    client = make_app(cors_origins=(CMS,)).test_client()
    response = client.post("/v1/quotes", json={"text": '"We will win," she said.'}, headers={"Origin": OTHER})
    assert response.status_code == 200  # the server answers; the browser withholds it from the page
    assert "Access-Control-Allow-Origin" not in response.headers


def test_errors_are_readable_by_an_allowed_page(make_app, assert_problem):
    """A 401 or 422 must reach the page's code, or it cannot tell the editor what went wrong."""
    client = make_app(cors_origins=(CMS,), api_keys=(KEY,)).test_client()
    response = client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": CMS})
    assert_problem(response, 401, "POST", "/v1/quotes")
    assert response.headers["Access-Control-Allow-Origin"] == CMS
    assert "WWW-Authenticate" in response.headers["Access-Control-Expose-Headers"]
    auth = {"Origin": CMS, "Authorization": f"Bearer {KEY}"}
    response = client.post("/v1/quotes", json={"text": ""}, headers=auth)
    assert_problem(response, 422, "POST", "/v1/quotes")
    assert response.headers["Access-Control-Allow-Origin"] == CMS


def test_the_actual_request_still_needs_the_key(make_app):
    client = make_app(cors_origins=(CMS,), api_keys=(KEY,)).test_client()
    assert client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": CMS}).status_code == 401
    ok = client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": CMS, "Authorization": f"Bearer {KEY}"})
    assert ok.status_code == 200


def test_wildcard_allows_any_origin(make_app):
    client = make_app(cors_origins=("*",)).test_client()
    assert preflight(client, OTHER).headers["Access-Control-Allow-Origin"] == "*"
    response = client.get("/livez", headers={"Origin": OTHER})
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_preflight_to_an_unknown_route_is_not_found(make_app, assert_problem):
    client = make_app(cors_origins=(CMS,)).test_client()
    assert_problem(preflight(client, CMS, "/v2/quotes"), 404, "OPTIONS", "/v2/quotes")


@pytest.mark.parametrize("cors_origins", [(), (CMS,)], ids=["cors-off", "cors-on"])
def test_plain_options_without_a_preflight_is_unchanged(make_app, cors_origins):
    client = make_app(cors_origins=cors_origins).test_client()
    response = client.options("/v1/quotes")
    assert response.status_code == 200 and "POST" in response.headers["Allow"]
    assert "Access-Control-Allow-Origin" not in response.headers


def test_without_an_allow_list_there_are_no_cors_headers(client):
    response = preflight(client, CMS)
    assert response.status_code == 200  # Flask's own OPTIONS answer
    assert not [h for h in response.headers.keys() if h.lower().startswith("access-control")]
    response = client.post("/v1/quotes", json={"text": "x"}, headers={"Origin": CMS})
    assert not [h for h in response.headers.keys() if h.lower().startswith("access-control")]


@pytest.mark.parametrize(
    "raw, origins",
    [
        ("", ()),
        ("https://cms.example.org", ("https://cms.example.org",)),
        (" https://a.example, http://localhost:3000/ ", ("https://a.example", "http://localhost:3000")),
        ("*", ("*",)),
    ],
)
def test_origins_setting(monkeypatch, raw, origins):
    monkeypatch.setenv("QUOTES_CORS_ORIGINS", raw)
    assert Settings.from_env().cors_origins == origins


@pytest.mark.parametrize("raw", ["cms.example.org", "https://cms.example.org/path", "ftp://x.example"])
def test_origins_that_are_not_origins_stop_start_up(monkeypatch, raw):
    monkeypatch.setenv("QUOTES_CORS_ORIGINS", raw)
    with pytest.raises(ValueError, match="QUOTES_CORS_ORIGINS"):
        Settings.from_env()

"""``/demo``, ``/docs`` and ``/openapi.yaml`` for people, over the app's test client.

What a browser does with them is in ``test_browser.py``; here: the pages answer as
documented, load only assets this service serves, lock themselves to their origin,
need no API key, and the vendored Swagger UI is the recorded release.
"""

from __future__ import annotations

import hashlib
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

STATIC = Path(__file__).resolve().parents[2] / "service" / "web" / "static"
PAGES = ["/demo", "/docs"]

# sha256 of the files copied from swagger-ui-dist 5.35.0 (static/vendor/README.md).
VENDORED = {
    "swagger-ui/swagger-ui-bundle.js": "e6a898692f2d768e807c3ba4626068a69a2c5dd960dd6c76f3e4d3a3de180af2",
    "swagger-ui/swagger-ui.css": "5ed08757e53da3e026d6cbecc61fe5d43585c9560b302d534ad56692519a273d",
    "swagger-ui/LICENSE": "cfc7749b96f63bd31c3c42b5c471bf756814053e847c10f3eb003417bc523d30",
    "swagger-ui/NOTICE": "0d20d1adef18aee3f40dd258172155521ce702ac445cb5f7b7d60ed32dad2fb2",
    "swagger-ui/swagger-ui-bundle.js.LICENSE.txt": "37eb6e7e59aed57b2c1acf076574b818ea07b74265717e0bd67b59e0baf9abbb",
}


class _Refs(HTMLParser):
    """Every URL a page loads or links to, and whether it has inline script or style."""

    def __init__(self) -> None:
        super().__init__()
        self.loads: list[str] = []
        self.links: list[str] = []
        self.inline: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script":
            self._in_script = True
            if a.get("src"):
                self.loads.append(a["src"])
        elif tag == "link" and a.get("href"):
            self.loads.append(a["href"])
        elif tag == "a" and a.get("href"):
            self.links.append(a["href"])
        elif tag == "style":
            self.inline.append("<style>")
        if "style" in a or any(name.startswith("on") for name in a):
            self.inline.append(f"<{tag}> attribute")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline.append("<script> body")


def _refs(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


@pytest.mark.parametrize("path", PAGES)
def test_page_answers_as_documented_and_is_locked_to_its_origin(client, contract, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    contract.check(response, "GET", path)
    policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
    assert policy["default-src"] == "'none'"
    for directive in ("script-src", "style-src", "connect-src"):
        assert policy[directive] == "'self'", directive
    assert policy["frame-ancestors"] == "'none'"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_only_assets_this_service_serves(client, path):
    refs = _refs(client.get(path).get_data(as_text=True))
    assert refs.loads, "the page loads its script and style from files"
    assert not refs.inline, f"inline code would need a weaker CSP: {refs.inline}"
    for url in refs.loads + refs.links:
        assert url.startswith(("/", "#")) and not url.startswith("//"), f"{url} is not on this origin"
    for url in refs.loads:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.data


@pytest.mark.parametrize(
    "asset",
    ["demo/demo.js", "demo/highlight.js", "demo/demo.css", "docs/docs.js", "docs/docs.css"],
)
def test_our_assets_name_no_other_host(asset):
    source = (STATIC / asset).read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", source, re.IGNORECASE), asset
    assert "innerHTML" not in source and "insertAdjacentHTML" not in source, "article text is set as text only"


@pytest.mark.parametrize("name, digest", VENDORED.items())
def test_vendored_swagger_ui_is_the_recorded_release(name, digest):
    assert hashlib.sha256((STATIC / "vendor" / name).read_bytes()).hexdigest() == digest


def test_vendored_bundle_is_the_version_the_docs_page_names(client, spec):
    bundle = (STATIC / "vendor" / "swagger-ui" / "swagger-ui-bundle.js").read_text(encoding="utf-8")
    assert '"5.35.0"' in bundle
    assert "5.35.0" in spec["paths"]["/docs"]["get"]["description"]
    assert "5.35.0" in (STATIC / "vendor" / "README.md").read_text(encoding="utf-8")


def test_landing_page_links_to_demo_and_docs(client):
    links = _refs(client.get("/").get_data(as_text=True)).links
    assert "/demo" in links and "/docs" in links


def test_pages_and_assets_need_no_key_and_the_demo_asks_for_one(make_app):
    client = make_app(api_keys=("k-123",)).test_client()
    for path in [*PAGES, "/static/demo/demo.js", "/static/vendor/swagger-ui/swagger-ui.css"]:
        assert client.get(path).status_code == 200, path
    demo = client.get("/demo").get_data(as_text=True)
    assert 'data-keys-required="true"' in demo
    assert "k-123" not in demo
    assert client.post("/v1/quotes", json={"text": '"Yes," she said.'}).status_code == 401


def test_open_deployment_says_no_key_is_needed(client):
    assert 'data-keys-required="false"' in client.get("/demo").get_data(as_text=True)


def test_missing_asset_is_a_problem(client, assert_problem):
    assert_problem(client.get("/static/demo/nope.js"), 404, "GET", "/static/demo/nope.js")


BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


@pytest.mark.parametrize(
    "accept, mimetype",
    [
        (BROWSER, "text/plain"),  # a browser shows it instead of downloading it
        ("text/html", "text/plain"),
        (None, "application/yaml"),  # tools that send no Accept
        ("*/*", "application/yaml"),  # curl
        ("application/yaml", "application/yaml"),
        ("application/yaml, text/html;q=0.5", "application/yaml"),
        ("application/json,*/*", "application/yaml"),  # Swagger UI's fetch
        ("text/plain", "text/plain"),
        ("text/plain;q=0.5, application/yaml", "application/yaml"),
    ],
)
def test_openapi_yaml_is_shown_in_a_browser_and_typed_for_tools(client, contract, spec, accept, mimetype):
    response = client.get("/openapi.yaml", headers={"Accept": accept} if accept else {})
    assert response.mimetype == mimetype
    assert response.headers["Content-Disposition"] == 'inline; filename="openapi.yaml"'
    assert "Accept" in response.vary
    assert yaml.safe_load(response.data) == spec
    contract.check(response, "GET", "/openapi.yaml")

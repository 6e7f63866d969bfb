"""Metrics count requests by route and status, and the documents, characters and quotes processed.

These run in one process; ``test_gunicorn.py`` checks the counts summed across workers.
"""

from __future__ import annotations

from prometheus_client import REGISTRY


def value(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_requests_documents_characters_and_quotes_are_counted(client):
    text = '"We will not wait," she said.'
    before = {
        "ok": value("quotes_http_requests_total", route="/v1/quotes", method="POST", status="200"),
        "bad": value("quotes_http_requests_total", route="/v1/quotes", method="POST", status="422"),
        "docs": value("quotes_documents_total", outcome="ok"),
        "failed": value("quotes_documents_total", outcome="error"),
        "chars": value("quotes_characters_total"),
        "quotes": value("quotes_quotes_total"),
        "latency": value("quotes_http_request_duration_seconds_count", route="/v1/quotes", method="POST"),
    }
    client.post("/v1/quotes", json={"text": text})
    client.post("/v1/quotes", json={"text": ""})
    client.post("/v1/quotes/batch", json={"documents": [{"text": text}, {"text": " "}]})
    assert value("quotes_http_requests_total", route="/v1/quotes", method="POST", status="200") == before["ok"] + 1
    assert value("quotes_http_requests_total", route="/v1/quotes", method="POST", status="422") == before["bad"] + 1
    assert value("quotes_documents_total", outcome="ok") == before["docs"] + 2
    assert value("quotes_documents_total", outcome="error") == before["failed"] + 1
    assert value("quotes_characters_total") == before["chars"] + 2 * len(text)
    assert value("quotes_quotes_total") == before["quotes"] + 2
    assert (
        value("quotes_http_request_duration_seconds_count", route="/v1/quotes", method="POST") == before["latency"] + 2
    )


def test_unknown_paths_share_one_label(client):
    before = value("quotes_http_requests_total", route="<unmatched>", method="GET", status="404")
    client.get("/wp-admin/setup.php")
    client.get("/.env")
    assert value("quotes_http_requests_total", route="<unmatched>", method="GET", status="404") == before + 2


def test_the_scrape_is_prometheus_text(client, extractor):
    response = client.get("/metrics")
    assert response.mimetype == "text/plain"
    text = response.get_data(as_text=True)
    assert "# TYPE quotes_http_requests_total counter" in text
    assert f'pipeline_version="{extractor.model["pipeline_version"]}"' in text

"""Logs are JSON lines on stdout, carry the request id, and never the article text unless asked."""

from __future__ import annotations

import json

SECRET = "The embargoed draft says the minister will resign"
TEXT = f'"{SECRET}," an aide said.'


def log_lines(capsys) -> list[dict]:
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]  # fails on any non-JSON line


def test_one_json_access_line_per_request_with_counts_not_text(client, capsys):
    capsys.readouterr()
    client.post("/v1/quotes", json={"text": TEXT, "id": "d1"}, headers={"X-Request-ID": "req-42"})
    client.post("/v1/quotes/batch", json={"documents": [{"text": TEXT}, {"text": ""}]})
    lines = log_lines(capsys)
    access = [entry for entry in lines if entry["logger"] == "service.web.access"]
    assert len(access) == 2
    single, batch = access
    assert single["request_id"] == "req-42"
    assert single["status"] == 200 and single["path"] == "/v1/quotes" and single["method"] == "POST"
    assert single["documents"] == 1 and single["characters"] == len(TEXT) and single["quotes"] >= 1
    assert batch["documents"] == 2
    assert {"ts", "level", "pid", "duration_ms"} <= set(single)
    assert SECRET not in json.dumps(lines)


def test_text_is_logged_only_when_asked(make_app, capsys):
    client = make_app(log_text=True).test_client()
    capsys.readouterr()
    client.post("/v1/quotes", json={"text": TEXT}, headers={"X-Request-ID": "dbg-1"})
    lines = log_lines(capsys)
    logged = [entry for entry in lines if entry.get("texts")]
    assert logged and logged[0]["texts"] == [TEXT] and logged[0]["request_id"] == "dbg-1"


def test_error_lines_carry_the_request_id_but_not_the_message(make_app, failing_extractor, capsys):
    client = make_app(extractor=failing_extractor).test_client()
    capsys.readouterr()
    client.post("/v1/quotes", json={"text": f"{SECRET} {failing_extractor.TRIGGER}"}, headers={"X-Request-ID": "e-1"})
    lines = log_lines(capsys)
    errors = [entry for entry in lines if entry["level"] == "ERROR"]
    assert errors and all(entry["request_id"] == "e-1" for entry in errors)
    assert SECRET not in json.dumps(lines)

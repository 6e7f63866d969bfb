"""Fixtures for the web tests: a fresh app per test over the one real pipeline,
and the contract (``openapi.yaml``) every response is checked against."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from flask import Flask
from flask.testing import FlaskClient
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
from werkzeug.test import TestResponse

from service.engine import Extractor
from service.settings import Settings
from service.web import create_app

ROOT = Path(__file__).resolve().parents[2]
PROBLEM_MEMBERS = {"type", "title", "status", "detail", "instance", "request_id", "errors"}


@pytest.fixture
def make_app(extractor: Extractor) -> Callable[..., Flask]:
    """Build an app with default settings changed by keyword (``max_chars=10``)."""

    def make(extractor: Extractor = extractor, **overrides: Any) -> Flask:
        app = create_app(dataclasses.replace(Settings(), **overrides), extractor=extractor)
        app.testing = True
        return app

    return make


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _escape(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


class Contract:
    """Checks responses against the operations and schemas of ``openapi.yaml``."""

    def __init__(self, spec: dict[str, Any]):
        self.spec = spec
        self.registry = Registry().with_resource(
            "urn:openapi", Resource.from_contents(spec, default_specification=DRAFT202012)
        )

    def validate(self, instance: Any, pointer: str) -> None:
        """Validate against the schema at ``pointer`` (``#/components/schemas/Problem``)."""
        validator = Draft202012Validator({"$ref": "urn:openapi" + pointer}, registry=self.registry)
        errors = sorted(validator.iter_errors(instance), key=str)
        assert not errors, f"{pointer}: " + "; ".join(e.message for e in errors[:5])

    def _resolve(self, obj: dict[str, Any], pointer: str) -> tuple[dict[str, Any], str]:
        while "$ref" in obj:
            pointer = obj["$ref"]
            obj = self.spec
            for part in pointer.lstrip("#/").split("/"):
                obj = obj[part.replace("~1", "/").replace("~0", "~")]
        return obj, pointer

    def check(self, response: TestResponse, method: str, path: str) -> None:
        """The response is one the spec documents for this operation, body and headers."""
        operation = self.spec["paths"].get(path, {}).get(method.lower())
        if operation is None:  # undocumented path or method: must be the standard problem
            assert response.status_code in (404, 405), (method, path, response.status_code)
            assert response.mimetype == "application/problem+json"
            self.validate(response.get_json(), "#/components/schemas/Problem")
            return
        status = str(response.status_code)
        assert status in operation["responses"], f"{method} {path} answered undocumented {status}"
        pointer = f"#/paths/{_escape(path)}/{method.lower()}/responses/{status}"
        documented, pointer = self._resolve(operation["responses"][status], pointer)
        assert response.mimetype in documented["content"], (status, response.mimetype)
        if response.is_json:
            self.validate(response.get_json(), f"{pointer}/content/{_escape(response.mimetype)}/schema")
        for name, header in documented.get("headers", {}).items():
            header, _ = self._resolve(header, "")
            if header.get("required"):
                assert response.headers.get(name), f"missing header {name}"


@pytest.fixture(scope="session")
def spec() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "openapi.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def contract(spec: dict[str, Any]) -> Contract:
    return Contract(spec)


@pytest.fixture
def assert_problem(contract: Contract) -> Callable[..., dict[str, Any]]:
    """The one error shape: problem+json, the same members, the request's id, in the spec."""

    def check(response: TestResponse, status: int, method: str, path: str) -> dict[str, Any]:
        assert response.status_code == status
        assert response.mimetype == "application/problem+json"
        body = response.get_json()
        assert set(body) == PROBLEM_MEMBERS
        assert body["status"] == status
        assert body["request_id"] == response.headers["X-Request-ID"]
        assert body["instance"] == path
        assert body["type"].startswith("/#") or body["type"] == "about:blank"
        contract.check(response, method, path)
        return body

    return check


class FailingExtractor(Extractor):
    """The real pipeline, except that any text containing ``TRIGGER`` raises, as an engine bug
    would; the exception message quotes the text, as real ones can."""

    TRIGGER = "ZQX-ENGINE-FAULT"

    def extract_many(self, documents, offsets="codepoint"):
        documents = list(documents)
        for _, text in documents:
            if self.TRIGGER in text:
                raise RuntimeError(f"cannot analyse {text!r}")
        yield from super().extract_many(documents, offsets)


@pytest.fixture
def failing_extractor(extractor: Extractor) -> FailingExtractor:
    return FailingExtractor(extractor.nlp, extractor.batch_size, extractor.lexicons)

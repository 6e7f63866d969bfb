"""``openapi.yaml`` is a valid OpenAPI 3.1 document and the app is exactly what it describes."""

from __future__ import annotations

import json

import yaml
from openapi_spec_validator import validate
from openapi_spec_validator.versions import consts, get_spec_version

from service import __version__
from service.web.errors import PROBLEMS

IGNORED_METHODS = {"HEAD", "OPTIONS"}  # added by Flask to every route


def test_spec_is_valid_openapi_3_1(spec):
    assert get_spec_version(spec) == consts.OPENAPIV31
    validate(spec)


def test_spec_version_is_the_service_version(spec):
    assert spec["info"]["version"] == __version__


def test_every_route_is_documented_and_every_documented_route_exists(app, spec):
    served = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint != "static"
        for method in rule.methods - IGNORED_METHODS
    }
    documented = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert served == documented


def test_served_spec_is_the_file(client, spec, contract):
    response = client.get("/openapi.yaml")
    contract.check(response, "GET", "/openapi.yaml")
    assert yaml.safe_load(response.data) == spec


def test_request_examples_validate_and_are_answered(client, spec, contract):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for media, content in operation.get("requestBody", {}).get("content", {}).items():
                example = content["example"]
                pointer = (
                    f"#/paths/{path.replace('/', '~1')}/{method}/requestBody/content/{media.replace('/', '~1')}/schema"
                )
                contract.validate(example, pointer)
                body = json.dumps(example) if media == "application/json" else example
                response = client.open(path, method=method, data=body, content_type=media)
                assert response.status_code == 200, response.get_json()
                contract.check(response, method, path)


def test_problem_types_are_the_documented_ones_and_explained_on_the_landing_page(client, spec):
    page = client.get("/").get_data(as_text=True)
    types = spec["components"]["schemas"]["Problem"]["properties"]["type"]["enum"]
    assert sorted(types) == sorted([cls().type for cls in PROBLEMS] + ["about:blank"])
    for cls in PROBLEMS:
        assert f'id="{cls.slug}"' in page


def test_operations_answer_their_documented_success(client, contract):
    for path in ("/", "/demo", "/docs", "/livez", "/readyz", "/metrics", "/openapi.yaml"):
        response = client.get(path)
        assert response.status_code == 200
        contract.check(response, "GET", path)

"""Request and response schemas (marshmallow 4), mirroring ``openapi.yaml``.

Requests are loaded strictly: unknown fields, wrong types and values out of
range are 422s with a pointer to the field. Responses are dumped through the
response schemas, so the API only ever returns the documented members.
Character limits are settings, so the request schemas take them as arguments.
"""

from __future__ import annotations

import re
from typing import Any

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate, validates, validates_schema

from ..engine.offsets import UNITS
from ..problems import text_problem

ID_MAX_LENGTH = 256
_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_surrogates(value: str) -> None:
    if _SURROGATE.search(value):
        raise ValidationError("Contains unpaired UTF-16 surrogates.")


def _document_id() -> fields.String:
    return fields.String(
        allow_none=True,
        load_default=None,
        validate=[validate.Length(min=1, max=ID_MAX_LENGTH), _no_surrogates],
    )


class OptionsSchema(Schema):
    offsets = fields.String(
        load_default="codepoint",
        validate=validate.OneOf(UNITS, error="Must be one of: {choices}."),
    )


def _options() -> fields.Nested:
    return fields.Nested(OptionsSchema, load_default=lambda: OptionsSchema().load({}))


class QueryParametersSchema(Schema):
    """``id`` and ``offsets`` in the query string of ``POST /v1/quotes``; others are ignored."""

    id = fields.String(validate=[validate.Length(min=1, max=ID_MAX_LENGTH), _no_surrogates])
    offsets = fields.String(validate=validate.OneOf(UNITS, error="Must be one of: {choices}."))

    class Meta:
        unknown = EXCLUDE


class QuoteRequestSchema(Schema):
    """``POST /v1/quotes``: one article."""

    text = fields.String(required=True)
    id = _document_id()
    options = _options()

    def __init__(self, *, max_chars: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.max_chars = max_chars

    @validates("text")
    def _text_processable(self, value: str, data_key: str) -> None:
        if (problem := text_problem(value, self.max_chars)) is not None:
            raise ValidationError(problem)


class DocumentSchema(Schema):
    """One document of a batch; its text is checked per document, not here."""

    text = fields.String(required=True)
    id = _document_id()


class BatchRequestSchema(Schema):
    """``POST /v1/quotes/batch``: several articles through one ``nlp.pipe``."""

    documents = fields.List(fields.Nested(DocumentSchema), required=True)
    options = _options()

    def __init__(self, *, max_documents: int, max_batch_chars: int, **kwargs: Any):
        super().__init__(**kwargs)
        self.max_documents = max_documents
        self.max_batch_chars = max_batch_chars

    @validates("documents")
    def _within_limits(self, value: list[dict[str, Any]], data_key: str) -> None:
        if not value:
            raise ValidationError("Send at least one document.")
        if len(value) > self.max_documents:
            raise ValidationError(
                f"{len(value)} documents; the limit is {self.max_documents} per batch (QUOTES_MAX_DOCUMENTS)."
            )

    @validates_schema
    def _total_characters(self, data: dict[str, Any], **kwargs: Any) -> None:
        total = sum(len(d["text"]) for d in data["documents"])
        if total > self.max_batch_chars:
            raise ValidationError(
                f"The documents hold {total:,} characters; the limit is {self.max_batch_chars:,} "
                "per batch (QUOTES_MAX_BATCH_CHARS).",
                "documents",
            )


# Responses ----------------------------------------------------------------


class SpanSchema(Schema):
    start = fields.Integer()
    end = fields.Integer()
    text = fields.String()


class CueSchema(SpanSchema):
    lemma = fields.String()


class ChannelSchema(Schema):
    type = fields.String()
    name = fields.String(allow_none=True)
    start = fields.Integer(allow_none=True)
    end = fields.Integer(allow_none=True)
    text = fields.String(allow_none=True)
    inferred = fields.Boolean()


class HedgeSchema(SpanSchema):
    kind = fields.String()
    scope = fields.String()


class QuoteSchema(Schema):
    id = fields.String()
    type = fields.String()
    content = fields.Nested(SpanSchema)
    cue = fields.Nested(CueSchema, allow_none=True)
    speaker = fields.Nested(SpanSchema, allow_none=True)
    speaker_id = fields.String(allow_none=True)
    channel = fields.Nested(ChannelSchema, allow_none=True)
    hedges = fields.List(fields.Nested(HedgeSchema))
    confidence = fields.Float()


class SpeakerSchema(Schema):
    id = fields.String()
    name = fields.String(allow_none=True)
    kind = fields.String()
    descriptions = fields.List(fields.String())
    mentions = fields.List(fields.Nested(SpanSchema))
    quote_ids = fields.List(fields.String())


class ModelSchema(Schema):
    pipeline = fields.String()
    pipeline_version = fields.String()
    service_version = fields.String()


class QuoteResponseSchema(Schema):
    """The v1 response for one document (design.md, "Response contract")."""

    id = fields.String(allow_none=True)
    model = fields.Nested(ModelSchema)
    quotes = fields.List(fields.Nested(QuoteSchema))
    speakers = fields.List(fields.Nested(SpeakerSchema))

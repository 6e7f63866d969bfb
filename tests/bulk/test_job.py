"""The bulk job end to end on local Spark: the same answers as the API, bad
documents as rows of ``errors``, metadata carried unchanged, JSONL and Parquet
input, and reruns that replace OUTPUT instead of adding to it."""

from __future__ import annotations

import json
from collections import defaultdict

import pytest

from service.bulk.inputs import InputError
from service.bulk.publish import OutputError
from service.settings import Settings

from .conftest import BAD_IDS, BAD_LINES, articles, read_table, response_from_rows, write_jsonl


def _by_document(rows: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        out[row["document_id"]].append(row)
    return out


@pytest.fixture(scope="module")
def jsonl_run(tmp_path_factory, run_job):
    """Two dozen articles and every kind of bad line, through the job once (tiny Arrow batches)."""
    work = tmp_path_factory.mktemp("jsonl")
    source = write_jsonl(work / "articles.jsonl", articles(), [line for _, line, _ in BAD_LINES])
    summary = run_job(source, work / "out", batch_rows=3)
    return source, work / "out", summary


def test_every_document_answers_exactly_as_the_api_does(jsonl_run, api):
    _, out, summary = jsonl_run
    quotes, speakers = _by_document(read_table(out, "quotes")), _by_document(read_table(out, "speakers"))
    model = summary["versions"]["model"]
    for doc in articles():
        status, expected = api(json.dumps({"id": doc["id"], "text": doc["text"]}).encode())
        assert status == 200
        assert response_from_rows(doc["id"], quotes[doc["id"]], speakers[doc["id"]], model) == expected, doc["id"]


def test_quote_rows_carry_speaker_names_and_the_metadata_unchanged(jsonl_run):
    _, out, _ = jsonl_run
    rows = read_table(out, "quotes")
    ranks = {d["id"]: d["rank"] for d in articles()}
    assert rows and all(r["rank"] == ranks[r["document_id"]] and r["source"] == "tests" for r in rows)
    cutler = [r for r in rows if r["document_id"] == "doc-0-0" and r["type"] == "direct"]
    assert cutler[0]["speaker_name"] == "Wendy Cutler" and cutler[0]["speaker_kind"] == "person"
    hedged = [r for r in rows if r["document_id"] == "doc-0-0" and r["type"] == "indirect"]
    assert [h["text"] for h in hedged[0]["hedges"]] == ["could", "probably"]
    speakers = read_table(out, "speakers")
    assert all(s["mention_count"] == len(s["mentions"]) >= 1 for s in speakers)


def test_bad_documents_are_rows_of_errors_with_the_http_problem(jsonl_run, api):
    _, out, summary = jsonl_run
    errors = read_table(out, "errors")
    assert sorted(map(str, (e["document_id"] for e in errors))) == sorted(
        map(str, [d for d in BAD_IDS if d] + [None, None])
    )
    assert summary["errors"] == len(BAD_LINES) and summary["documents"] == len(articles()) + len(BAD_LINES)
    expected = []
    for _, _, body in BAD_LINES:
        status, problem = api(body)
        expected.append({**problem, "request_id": summary["run_id"]})
    got = [
        {**e["problem"], "errors": [{k: v for k, v in x.items() if v is not None} for x in e["problem"]["errors"]]}
        for e in errors
    ]
    key = json.dumps
    assert sorted(map(key, got)) == sorted(map(key, expected))


def test_the_pipeline_loads_once_per_worker_process_not_per_batch(jsonl_run):
    _, _, summary = jsonl_run
    batches = (len(articles()) + len(BAD_LINES)) // 3
    assert 1 <= summary["pipeline_loads"] <= 2 < batches  # local[2]: at most two Python workers


def test_summary_counts_match_the_tables(jsonl_run):
    _, out, summary = jsonl_run
    written = json.loads((out / "summary.json").read_text())
    assert written == summary
    assert summary["quotes"] == len(read_table(out, "quotes")) > 0
    assert summary["speakers"] == len(read_table(out, "speakers"))
    assert summary["answered"] == len(articles())
    assert summary["words"] == sum(len(d["text"].split()) for d in articles())
    assert summary["versions"]["spark"] and summary["versions"]["model"]["pipeline"]


def test_a_rerun_replaces_output_and_never_duplicates_rows(jsonl_run, run_job):
    source, out, first = jsonl_run
    before = {name: len(read_table(out, name)) for name in ("quotes", "speakers", "errors")}
    second = run_job(source, out)
    after = {name: len(read_table(out, name)) for name in ("quotes", "speakers", "errors")}
    assert after == before and second["run_id"] != first["run_id"]
    assert json.loads((out / "summary.json").read_text())["run_id"] == second["run_id"]
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".out.")]  # no staging left behind


def test_a_failed_run_leaves_the_earlier_output_as_it_was(tmp_path, run_job, monkeypatch):
    source = write_jsonl(tmp_path / "in.jsonl", articles()[:4])
    out = tmp_path / "out"
    run_job(source, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("service.bulk.job.split", broken)  # fails after the extraction was written
    with pytest.raises(RuntimeError, match="disk full"):
        run_job(source, out)
    assert {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out"]


def test_output_that_is_not_an_earlier_run_is_refused_not_deleted(tmp_path, run_job):
    source = write_jsonl(tmp_path / "in.jsonl", articles()[:2])
    out = tmp_path / "precious"
    out.mkdir()
    (out / "notes.txt").write_text("keep me")
    with pytest.raises(OutputError, match="not the output of an earlier bulk run"):
        run_job(source, out)
    assert (out / "notes.txt").read_text() == "keep me"


def test_parquet_parts_with_typed_metadata_and_bytes_text(tmp_path, run_job, api):
    import datetime

    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = articles()[:6]
    folder = tmp_path / "parts"
    folder.mkdir()
    when = datetime.datetime(2026, 11, 29, 19, 6, 35, 123456, tzinfo=datetime.UTC)
    byline = pa.struct([("name", pa.string()), ("desk", pa.string())])
    for n in range(2):
        part = docs[n * 3 : n * 3 + 3]
        table = pa.table(
            {
                "id": [d["id"] for d in part],
                "text": pa.array([d["text"].encode() for d in part], pa.binary()),
                "published": pa.array([when] * 3, pa.timestamp("us", tz="UTC")),
                "tags": [["a", "b"], [], None],
                "byline": pa.array([{"name": "A. Writer", "desk": None}] * 3, byline),
                "rank": pa.array([d["rank"] for d in part], pa.int64()),
            }
        )
        pq.write_table(table, folder / f"part-{n}.parquet")
    undecodable = pa.table(
        {
            "id": ["bytes-bad"],
            "text": pa.array([b"caf\xe9"], pa.binary()),
            "published": pa.array([when], pa.timestamp("us", tz="UTC")),
            "tags": [["z"]],
            "byline": pa.array([{"name": "B", "desk": "x"}], byline),
            "rank": pa.array([1], pa.int64()),
        }
    )
    pq.write_table(undecodable, folder / "part-2.parquet")
    summary = run_job(folder, tmp_path / "out", partitions=3)
    assert summary["partitions"] == 3 and summary["documents"] == 7 and summary["errors"] == 1
    quotes = read_table(tmp_path / "out", "quotes")
    expected_count = sum(len(api(json.dumps({"id": d["id"], "text": d["text"]}).encode())[1]["quotes"]) for d in docs)
    assert len(quotes) == expected_count
    by_id = {d["id"]: d for d in docs}
    for row in quotes:
        assert row["published"] == when and row["rank"] == by_id[row["document_id"]]["rank"]
        assert row["byline"] == {"name": "A. Writer", "desk": None}
    (error,) = read_table(tmp_path / "out", "errors")
    status, problem = api(b"caf\xe9", content_type="text/plain")
    assert error["document_id"] == "bytes-bad" and error["problem"]["detail"] == problem["detail"] and status == 400
    assert error["tags"] == ["z"]


def test_utf16_offsets_as_the_api_gives_them(tmp_path, run_job, api):
    docs = [d for d in articles() if d["text"].startswith("🚀")][:2]
    summary = run_job(write_jsonl(tmp_path / "in.jsonl", docs), tmp_path / "out", offsets="utf16")
    quotes = _by_document(read_table(tmp_path / "out", "quotes"))
    speakers = _by_document(read_table(tmp_path / "out", "speakers"))
    for doc in docs:
        body = json.dumps({"id": doc["id"], "text": doc["text"], "options": {"offsets": "utf16"}}).encode()
        _, expected = api(body)
        _, in_codepoints = api(json.dumps({"id": doc["id"], "text": doc["text"]}).encode())
        assert expected != in_codepoints  # the emoji counts two units after it
        rebuilt = response_from_rows(doc["id"], quotes[doc["id"]], speakers[doc["id"]], summary["versions"]["model"])
        assert rebuilt == expected


@pytest.mark.parametrize(
    "records, message",
    [
        ([{"text": "no id here"}], "no 'id' column"),
        ([{"id": "a", "body": "no text"}], "no 'text'"),
        ([{"id": "a", "text": "x", "type": "clash"}], "would clash"),
    ],
)
def test_unusable_input_is_refused_before_any_work(tmp_path, run_job, records, message):
    with pytest.raises(InputError, match=message):
        run_job(write_jsonl(tmp_path / "in.jsonl", records), tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_missing_input_says_so(tmp_path, run_job):
    with pytest.raises(InputError, match="no such file"):
        run_job(tmp_path / "nowhere.jsonl", tmp_path / "out")


def test_polnear_dev_gives_the_clis_quote_counts(shared_dir, tmp_path, run_job, capsys):
    """84 real articles: quote rows per document equal what `python -m service extract --jsonl` prints."""
    from service.cli import main

    source = shared_dir / "eval" / "polnear-dev.jsonl"
    assert main(["extract", "--jsonl", str(source)]) == 0
    cli = {r["id"]: len(r["quotes"]) for r in map(json.loads, capsys.readouterr().out.splitlines())}
    summary = run_job(source, tmp_path / "out", limits=Settings(), columns=("source",))
    rows = _by_document(read_table(tmp_path / "out", "quotes"))
    assert summary["documents"] == len(cli) == 84 and summary["errors"] == 0
    assert {doc_id: len(rows.get(doc_id, [])) for doc_id in cli} == cli
    assert summary["quotes"] == sum(cli.values())

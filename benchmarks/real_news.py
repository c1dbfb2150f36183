"""Suggestions on real news: scores against attribution gold, learning, and the speed of a
whole `suggest` run. Needs a brat attribution corpus (PolNeAR's train split, say), which the
repository does not carry:

    .venv/bin/python -m benchmarks.real_news /path/to/PolNeAR/data/train [--learn-from 420]

Prints Markdown: the direct-speech figures of `ruth-annotator evaluate --engine`, the same
on the documents after the first N with and without learning from those N (as a project
would learn from its accepted work), and the CPU and wall time of `ruth-annotator suggest`
over all the texts in a fresh project (import not counted), started warm like the suite's
figures: bytecode cached, after one untimed `suggest` of one text. Other work on the
machine skews the wall time: the load average is printed with it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import warm_start_env
from ruth_annotator.formats.brat_attribution import read_attribution_gold
from ruth_annotator.suggest.evaluate import Evaluation, evaluate_engine
from ruth_annotator.suggest.lexicon import records_lexicon


def _row(name: str, ev: Evaluation) -> str:
    p = ev.pieces["overlap"]
    return (f"| {name} | {ev.documents} | {p.gold} | {ev.pieces['exact'].f1:.3f} | {p.f1:.3f} "
            f"| {ev.piece_speakers.value:.3f} | {ev.end_to_end.f1:.3f} "
            f"| {ev.piece_cues.value:.3f} |")


def _cli(*args: str, cwd: Path) -> None:
    env = dict(warm_start_env(cwd), PYTHONPATH=str(Path(__file__).resolve().parent.parent))
    subprocess.run([sys.executable, "-m", "ruth_annotator", *args], cwd=cwd, env=env,
                   check=True, capture_output=True)


def _jsonl(path: Path, gold: list[dict]) -> Path:
    path.write_text("".join(json.dumps({"id": g["id"], "text": g["text"]}) + "\n"
                            for g in gold), encoding="utf-8")
    return path


def whole_run(gold: list[dict]) -> str:
    """CPU (user + system) and wall seconds of `ruth-annotator suggest` over every text."""
    mb = sum(len(g["text"].encode("utf-8")) for g in gold) / 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        _cli("import", "warm.ruth", str(_jsonl(folder / "warm.jsonl", gold[:1])), cwd=folder)
        _cli("suggest", "warm.ruth", cwd=folder)  # untimed: caches the bytecode
        _cli("import", "p.ruth", str(_jsonl(folder / "texts.jsonl", gold)), cwd=folder)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        load = os.getloadavg()[0]
        start = time.perf_counter()
        _cli("suggest", "p.ruth", cwd=folder)
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return (f"`ruth-annotator suggest` over {len(gold)} texts ({mb:.2f} MB of UTF-8): "
            f"{cpu:.2f} s CPU ({mb / cpu:.2f} MB/s), {wall:.2f} s wall ({mb / wall:.2f} MB/s) "
            f"at a load average of {load:.1f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.real_news")
    parser.add_argument("gold", type=Path, help="folder of .txt/.ann attribution pairs")
    parser.add_argument("--learn-from", type=int, default=0, metavar="N",
                        help="also score the documents after the first N with and without "
                             "learning from the first N (default: half)")
    args = parser.parse_args(argv)
    gold = read_attribution_gold(args.gold)
    split = args.learn_from or len(gold) // 2
    print("| documents | docs | gold pieces | piece F1 exact | piece F1 overlap ≥ 0.8 "
          "| speaker accuracy | end-to-end F1 | cue accuracy |")
    print("|---|---|---|---|---|---|---|---|")
    start = time.process_time()
    everything = evaluate_engine(gold)
    seconds = time.process_time() - start
    print(_row("all", everything))
    rest, taught = gold[split:], gold[:split]
    print(_row(f"after the first {split}, engine alone", evaluate_engine(rest)))
    learned = records_lexicon(taught, names=False)
    print(_row(f"after the first {split}, having learned from them",
               evaluate_engine(rest, learned)))
    print(f"\nLearned from the first {split}: {len(learned.cues)} cue words, "
          f"{len(learned.titles)} titles, {len(learned.roles)} descriptor nouns.")
    print(f"Engine and scoring in this process: {seconds:.1f} s CPU.")
    print(whole_run(gold))
    errors = ", ".join(f"{k} {v}" for k, v in sorted(everything.errors.items(),
                                                       key=lambda kv: -kv[1]))
    print(f"\nErrors on all documents: {errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

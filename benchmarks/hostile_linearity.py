"""How reading time grows with the size of hostile text: `read_figures` (what `szcheck parse` does,
the reader's part), `read_source` + `extract_claims` (what `szcheck extract` does per source) and the
source-hygiene rules (`hygiene`, what `szcheck verify` reads a source's text for).

    python benchmarks/hostile_linearity.py                 # sizes 16 kB .. 1 MB, 60 s budget per run
    python benchmarks/hostile_linearity.py --max-kb 10240  # up to 10 MB
    python benchmarks/hostile_linearity.py --check         # exit 1 unless every case grows linearly

Each case runs at doubling sizes, each run in a subprocess with a time budget, and stops at the
first size over budget. Linear time doubles per doubling of the size (ratio 2); the script prints
the ratios, and with --check fails a case whose ratio exceeds 3 at any step measured above 0.5 s
(shorter times are noise on a shared machine) or that ran out of its budget. Times are CPU
time of the worker process, so other jobs on a shared machine disturb them less than wall time.
It asserts nothing about the absolute speed, which depends on the machine.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time

CASES = {
    "digits": lambda n: "1" * n,
    "commas": lambda n: "1," * (n // 2),
    "spaces before billion": lambda n: "Revenue was 5" + " " * n + "billion yuan.",
    "repeated qualifiers": lambda n: "over " * (n // 5) + "5 billion yuan.",
    "growth figures, one sentence with from": lambda n: "R&D rose 5% from 1 billion yuan in 2020 to 2 billion yuan in 2024, " * (n // 70),
    "figure-dense line without from": lambda n: "Ningbo spent 5.2 billion yuan, up 7%, " * (n // 38),
    # one generator with a fixed seed: each size's text is the start of the next size's
    "random unicode": lambda n: (lambda draw: "".join(chr(draw.randrange(32, 0x3000)) for _ in range(n)))(random.Random(0)),
    "figures with no clause break": lambda n: "rose 5% to 3.2 billion yuan in 2024 and " * (n // 40),
    # with a publication date, the periods no sentence states are inferred for every figure
    "figure-dense line in a dated source": lambda n: "---\npublished: 2025-01-01\n---\n" + "Ningbo spent 5.2 billion yuan, up 7%, " * (n // 38),
    "market quotes in a dated source": lambda n: "---\npublished: 2025-01-01\n---\n" + "Gold slipped 0.4% to $2,318.50 an ounce, while silver fell 1.1% to $29.12, " * (n // 78),
    "Chinese figures": lambda n: "合肥市2024年地区生产总值1.35万亿元，增长百分之五点八，" * (n // 30),
    "random figure characters": lambda n: (lambda draw: "".join(draw.choice("亿万三十元%.,0123456789 a-") for _ in range(n)))(random.Random(0)),
    # a source's layout: sentence ends, run-in lists, front matter
    "dots": lambda n: "." * n,
    "exclamations then a letter": lambda n: "!" * n + "a",
    "Chinese full stops": lambda n: "。" * n,
    "spaced sentence ends": lambda n: ("x. " + " " * 50) * (n // 53),
    "spaces and dashes": lambda n: ("a" + " " * 99 + "-") * (n // 101),
    "spaces in front matter": lambda n: "---\ntitle: x" + " " * n + "y\n---\nRevenue rose 5%.",
    # lines built to make the source-hygiene rules (SZ503-SZ513) backtrack
    "unclosed brackets": lambda n: "(" * (n // 2) + "]" * (n // 2),
    "doubled spaces": lambda n: "a  " * (n // 3),
    "digits before a romanized name": lambda n: "1 " * (n // 2) + "Shi Ji Jing Ji",
    "Han and Latin": lambda n: "安 a " * (n // 4),
    "ellipses": lambda n: "….." * (n // 5),
    "citation marks": lambda n: "[1]" * (n // 3),
    "words before a call to action": lambda n: "word " * (n // 5) + "Learn more at:",
    "www": lambda n: "www." * (n // 4),
    "a long name": lambda n: "The " + "Big " * (n // 4) + "is a thing.",
}
MEASURES = ("read_figures", "extract", "hygiene")


def worker(case: str, measure: str, size: int) -> float:
    """Seconds for one measure on one case at one size (run in a subprocess)."""
    import tempfile
    from pathlib import Path

    from szcheck.extract import extract_claims
    from szcheck.reader import read_figures
    from szcheck.sources import read_source

    text = CASES[case](size)
    with tempfile.TemporaryDirectory() as folder:  # warm up: languages and patterns load on first use
        (Path(folder) / "w.txt").write_text("Ningbo spent 5 billion yuan in 2024, up 7% from 2023.\n", encoding="utf-8")
        extract_claims(read_source(Path(folder) / "w.txt"))
    if measure == "read_figures":
        start = time.process_time()
        read_figures(text, None)
        return time.process_time() - start
    if measure == "hygiene":
        from szcheck.checks.hygiene_rules import hits

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "a.txt"
            path.write_text("---\ntitle: t\npublished: 2025-01-01\nlanguage: en\n---\nHeadline\n" + text + "\n", encoding="utf-8")
            start = time.process_time()
            hits(read_source(path))
            return time.process_time() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.txt"
        path.write_text(text + "\n", encoding="utf-8")
        start = time.process_time()
        extract_claims(read_source(path))
        return time.process_time() - start


def timed(case: str, measure: str, size: int, budget: float) -> float | None:
    command = [sys.executable, __file__, "--worker", json.dumps([case, measure, size])]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=budget, check=True)
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--min-kb", type=int, default=16)
    parser.add_argument("--max-kb", type=int, default=1024)
    parser.add_argument("--budget", type=float, default=60, help="seconds per run")
    parser.add_argument("--check", action="store_true", help="exit 1 unless every case grows linearly")
    parser.add_argument("--only", default="", help="comma-separated measures: read_figures,extract,hygiene")
    parser.add_argument("--cases", default="", help="comma-separated case names (default: every case)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.worker:
        print(worker(*json.loads(options.worker)))
        return 0
    measures = [m for m in MEASURES if not options.only or m in options.only.split(",")]
    failed = []
    for measure in measures:
        for case in (c for c in CASES if not options.cases or c in options.cases.split(",")):
            size, previous, steps = options.min_kb * 1024, None, []
            while size <= options.max_kb * 1024:
                seconds = timed(case, measure, size, options.budget)
                if seconds is None:
                    steps.append(f"{size // 1024} kB: over {options.budget:.0f} s")
                    failed.append((measure, case))
                    break
                ratio = seconds / previous if previous else None
                steps.append(f"{size // 1024} kB: {seconds:.3f} s" + (f" (x{ratio:.1f})" if ratio else ""))
                if ratio and ratio > 3 and seconds > 0.5:
                    failed.append((measure, case))
                previous, size = seconds, size * 2
            print(f"{measure:12}  {case:40}  " + ", ".join(steps), flush=True)
    if failed:
        print("not linear: " + "; ".join(f"{m} on {c}" for m, c in dict.fromkeys(failed)))
    return 1 if options.check and failed else 0


if __name__ == "__main__":
    sys.exit(main())

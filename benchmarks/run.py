"""Benchmarks for szcheck: reading speed, start-up time and scaling, each next to a baseline timed
in the same run on the same machine. Nothing here asserts a threshold; it prints figures and ratios.

    python benchmarks/run.py            # 10 MB of text; 1k, 10k and 30k synthetic claims (a few minutes)
    python benchmarks/run.py --quick    # 0.25 MB of text; 1k and 3k claims (about 30 s)
    python benchmarks/run.py --sizes 1000,10000,100000   # choose the scale sizes
    python benchmarks/run.py --profile 10000   # cProfile of one scale case (top functions)
    python benchmarks/run.py --skip reading,chinese,startup,hostile,writer,jobs,copies --sizes 10000000 --spill \
        --reuse DIR --verify-only --timeout 36000   # 10M claims through the spill path (hours: the extraction)

The scale cases each run in a fresh subprocess (this file with --worker), so their peak memory
is their own and one case's caches do not speed up the next.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PUBLISHED = date(2025, 9, 2)
MB = 1_000_000

# On the 2-core machine this was written on, extract + verify grows linearly and 100k claims take
# 4-6 minutes (depending on the commit), so 100k is left out of the default sizes (add it with
# --sizes 1000,10000,100000; the table prints a linear projection instead), and --quick uses 1k and
# 3k claims to stay near 30 s.
FULL = {"reading_mb": 10, "extract_mb": 10, "chinese_mb": 2, "chinese_extract_mb": 1, "sizes": [1_000, 10_000, 30_000], "writer_claims": 10_000,
        "jobs_claims": 30_000, "copies": [100, 500, 2_500]}
QUICK = {"reading_mb": 0.25, "extract_mb": 0.1, "chinese_mb": 0.1, "chinese_extract_mb": 0.05, "sizes": [1_000, 3_000], "writer_claims": 1_000, "jobs_claims": 3_000,
         "copies": [20, 100]}
PROJECT_TO = 100_000  # claims: the size the scale table extrapolates to when it was not run


# --------------------------------------------------------------------------- reading speed

def bundled_bodies(paths=None) -> list[str]:
    """The bodies of sources/*.txt (or of `paths`), without the front matter between the first two '---' lines."""
    bodies = []
    for path in paths if paths is not None else sorted((REPO / "sources").glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        fences = [i for i, line in enumerate(lines) if line.strip() == "---"][:2]
        start = fences[1] + 1 if len(fences) == 2 else 0
        bodies.append("\n".join(lines[start:]).strip("\n"))
    return bodies


def chinese_articles() -> list[Path]:
    """The Chinese articles of the test corpus (simplified and traditional), in their own words."""
    return sorted(path for path in (REPO / "tests" / "corpus" / "articles").glob("*.md")
                  if "language: zh" in path.read_text(encoding="utf-8")[:400])


def repeated_bodies(target_mb: float, paths=None) -> list[str]:
    """The bodies of the bundled sources (or of `paths`), repeated in turn until they hold `target_mb`."""
    bodies = bundled_bodies(paths)
    parts, size, i = [], 0, 0
    while size < target_mb * MB:
        body = bodies[i % len(bodies)]
        parts.append(body)
        size += len(body.encode("utf-8")) + 2
        i += 1
    return parts


def repeated_text(target_mb: float, paths=None) -> str:
    return "\n\n".join(repeated_bodies(target_mb, paths)) + "\n"


def article_files(folder: Path, bodies: list[str], front: str) -> list[Path]:
    """One file per article, as a folder of news holds them: joined into one file, a heading of one
    article would give its entity to every article after it, and the names of those sentences would
    never be read."""
    paths = []
    for number, body in enumerate(bodies):
        path = folder / f"article-{number}.txt"
        path.write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def digit_scan(text: str, clock=time.perf_counter) -> float:
    """The baseline: seconds for a bare regular-expression scan of `text` (best of two), by `clock`."""
    best = math.inf
    for _ in range(2):
        start = clock()
        sum(1 for _ in re.finditer(r"\d", text))
        best = min(best, clock() - start)
    return best


def timed(work) -> tuple[object, float, float]:
    """work()'s result, its wall time and its CPU time (the CPU time is steadier on a shared machine)."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = work()
    return result, time.perf_counter() - wall, time.process_time() - cpu


def chunks(text: str, size: int) -> list[str]:
    """`text` cut at paragraph breaks into pieces of about `size` characters."""
    pieces, current, length = [], [], 0
    for paragraph in text.split("\n\n"):
        current.append(paragraph)
        length += len(paragraph) + 2
        if length >= size:
            pieces.append("\n\n".join(current) + "\n")
            current, length = [], 0
    if current:
        pieces.append("\n\n".join(current) + "\n")
    return pieces


def measure_chinese_reading(chinese_mb: float, extract_mb: float) -> dict:
    """read_figures on the Chinese articles of the test corpus repeated to `chinese_mb`, sentence by
    sentence, next to the same bare digit scan over the same text (chunk by chunk, as for English);
    then read_source + extract_claims (reading, names, metrics, periods: the claims) over
    `extract_mb` of it, one file per article, each next to its own digit scan."""
    from szcheck.extract import extract_claims
    from szcheck.reader import read_figures
    from szcheck.sources import read_source, split_sentences

    text = repeated_text(chinese_mb, chinese_articles())
    for _, sentence in split_sentences(text[:5000]):  # compile the patterns and load OpenCC before timing
        read_figures(sentence, PUBLISHED)
    r = dict.fromkeys(("zh_figures_s", "zh_baseline_s", "zh_figures_cpu", "zh_baseline_cpu", "zh_extract_s", "zh_extract_baseline_s",
                       "zh_extract_cpu", "zh_extract_baseline_cpu"), 0.0)
    r.update(zh_mb=len(text.encode("utf-8")) / MB, zh_sentences=0, zh_figures=0, zh_claims=0)
    for chunk in chunks(text, 100_000):
        r["zh_baseline_s"] += digit_scan(chunk)
        r["zh_baseline_cpu"] += digit_scan(chunk, time.process_time)
        sentences = [sentence for line in chunk.split("\n") for _, sentence in split_sentences(line)]
        figures, wall, cpu = timed(lambda: sum(len(read_figures(sentence, PUBLISHED)) for sentence in sentences))
        r["zh_figures"] += figures
        r["zh_figures_s"] += wall
        r["zh_figures_cpu"] += cpu
        r["zh_sentences"] += len(sentences)

    bodies = repeated_bodies(extract_mb, chinese_articles())
    r["zh_extract_mb"] = sum(len(body.encode("utf-8")) for body in bodies) / MB
    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-zh-")).resolve()
    try:
        warm = folder / "warm.txt"  # load the segmenter and its dictionary before timing
        warm.write_text("---\npublished: 2025-09-02\nlanguage: zh\n---\n" + text[:5000], encoding="utf-8")
        extract_claims(read_source(warm, folder))
        for path, body in zip(article_files(folder, bodies, "published: 2025-09-02\nlanguage: zh\n"), bodies):
            r["zh_extract_baseline_s"] += digit_scan(body)
            r["zh_extract_baseline_cpu"] += digit_scan(body, time.process_time)
            claims, wall, cpu = timed(lambda: len(extract_claims(read_source(path, folder))))
            r["zh_claims"] += claims
            r["zh_extract_s"] += wall
            r["zh_extract_cpu"] += cpu
    finally:
        shutil.rmtree(folder)
    return r


def measure_reading(reading_mb: float, extract_mb: float) -> dict:
    """Each measure and its baseline are timed chunk by chunk, one right after the other, and summed:
    on a shared machine whose speed drifts by 2x over minutes, a baseline timed once at the start
    would make the ratio meaningless."""
    from szcheck.checks.hygiene_rules import hits
    from szcheck.extract import extract_claims
    from szcheck.model import Source
    from szcheck.reader import read_figures
    from szcheck.sources import read_source, split_sentences

    text = repeated_text(reading_mb)
    for _, sentence in split_sentences(text[:5000]):  # compile the patterns before timing
        read_figures(sentence, PUBLISHED)
    r = {"mb": len(text.encode("utf-8")) / MB, "sentences": 0, "figures": 0, "split_s": 0.0, "figures_s": 0.0,
         "hygiene_s": 0.0, "hygiene": 0, "baseline_s": 0.0}
    for chunk in chunks(text, 100_000):
        baseline = digit_scan(chunk)
        start = time.perf_counter()
        sentences = [sentence for line in chunk.split("\n") for _, sentence in split_sentences(line)]
        split_s = time.perf_counter() - start
        start = time.perf_counter()
        figures = sum(len(read_figures(sentence, PUBLISHED)) for sentence in sentences)
        figures_s = time.perf_counter() - start
        start = time.perf_counter()
        r["hygiene"] += len(hits(Source(path=Path("bench.txt"), id="bench", body=chunk, body_offset_line=1, meta={"language": "en"})))
        r["hygiene_s"] += time.perf_counter() - start
        r["baseline_s"] += baseline
        r["split_s"] += split_s
        r["figures_s"] += figures_s
        r["sentences"] += len(sentences)
        r["figures"] += figures

    bodies = repeated_bodies(extract_mb)
    r.update(extract_mb=sum(len(body.encode("utf-8")) for body in bodies) / MB, extract_s=0.0, extract_baseline_s=0.0, claims=0)
    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-")).resolve()
    try:
        for path, body in zip(article_files(folder, bodies, "published: 2025-09-02\n"), bodies):
            r["extract_baseline_s"] += digit_scan(body)
            start = time.perf_counter()
            r["claims"] += len(extract_claims(read_source(path, folder)))
            r["extract_s"] += time.perf_counter() - start
    finally:
        shutil.rmtree(folder)
    r.update(quantulum(text[:QUANTULUM_CHARS]))
    return r


QUANTULUM_CHARS = 20_000  # quantulum3 reads about 30 kB a second: a sample is enough for a ratio


def quantulum(sample: str) -> dict:
    """quantulum3, a widely used English quantity reader, on a sample of the same text next to
    read_figures on the same sample: only when it is installed (`pip install quantulum3`)."""
    try:
        from quantulum3 import parser
    except ImportError:
        return {}
    from szcheck.reader import read_figures
    from szcheck.sources import split_sentences

    sentences = [sentence for line in sample.split("\n") for _, sentence in split_sentences(line)]
    parser.parse(sentences[0])  # its start-up: loading its unit tables
    start = time.perf_counter()
    for sentence in sentences:
        parser.parse(sentence)
    theirs = time.perf_counter() - start
    start = time.perf_counter()
    for sentence in sentences:
        read_figures(sentence, PUBLISHED)
    return {"quantulum_s": theirs, "quantulum_ours_s": time.perf_counter() - start, "quantulum_mb": len(sample.encode("utf-8")) / MB}


# --------------------------------------------------------------------------- start-up

def median_wall(command: list[str], runs: int = 5, env_for=None) -> tuple[float, set[int]]:
    times, codes = [], set()
    for _ in range(runs):
        env = env_for() if env_for else None
        start = time.perf_counter()
        done = subprocess.run(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        times.append(time.perf_counter() - start)
        codes.add(done.returncode)
        if env_for:
            shutil.rmtree(env["XDG_CACHE_HOME"], ignore_errors=True)
    return statistics.median(times), codes


PARSE_SENTENCE = "Revenue rose 5% in 2024"


def measure_startup() -> dict:
    szcheck = str(Path(sys.executable).parent / "szcheck")
    empty = tempfile.mkdtemp(prefix="szcheck-bench-claims-")
    try:
        python = median_wall([sys.executable, "-c", "pass"])
        help_ = median_wall([szcheck, "--help"])
        parse = median_wall([szcheck, "parse", PARSE_SENTENCE])
        first_parse = median_wall([szcheck, "parse", PARSE_SENTENCE], env_for=fresh_cache_home)
        verify = median_wall([szcheck, "verify", "--sources", "sources", "--claims", empty, "-f", "json"])
    finally:
        shutil.rmtree(empty)
    return {"python": python, "help": help_, "parse": parse, "first_parse": first_parse, "verify": verify}


def fresh_cache_home() -> dict:
    """An environment whose cache folder is empty: szcheck's first run on a machine (or after an upgrade)."""
    return {**os.environ, "XDG_CACHE_HOME": tempfile.mkdtemp(prefix="szcheck-bench-cache-")}


# --------------------------------------------------------------------------- synthetic corpora

KNOWN_CITIES = ["Shenzhen", "Guangzhou", "Beijing", "Shanghai", "Hong Kong"]
SYLLABLES = ("Qing Lan Hai Yun Jin Bai Feng Long Ming Xin Rui Tao Wei Zhao Kai Lin Mei Song Hua Yao "
             "Pu Ning Dong Xi").split()
ENDINGS = "he ling shan gang tai yuan cheng du ping qiao kou wan tang pu bao sha lu ze qi men".split()
FUND_WORDS = ("Bright Jade Silver Golden Blue Crimson Green Pearl Summit Harbor Crane River Phoenix Cedar "
              "Lotus Maple Orchid Falcon Aurora Horizon").split()
FUND_KINDS = ["Innovation", "Industry", "Venture", "Startup", "Frontier"]
YEAR_END_MONTHS = [(2023, 6), (2024, 3), (2024, 6), (2024, 9)]
# Fund sizes in billion yuan. No powers of ten: szcheck reads "a 10-billion-yuan fund" as an order of
# magnitude (10 to 100 billion, like 百亿级), which a doubled value would fall inside.
FUND_SIZES = [1.5, 2, 2.5, 3, 4, 5, 6, 8, 12, 15]
MONTH_NAMES = "January February March April May June July August September October November December".split()

RD_ALIASES = ["R&D investment", "R&D expenditure", "R&D spending"]
LOAN_ALIASES = ["sci-tech loans", "technology loans", "tech loans", "loans to technology enterprises"]
FIRM_ALIASES = ["national high-tech enterprises", "state-level high-tech companies", "national high-tech companies"]
VERBS = ["reached", "stood at", "totaled"]
FILLERS = [
    "{city} continues to deepen the reform of its innovation system.",
    "Officials in {city} said the measures would help start-ups grow.",
    "The city will keep improving its innovation ecosystem.",
    "Analysts expect the momentum in {city} to continue.",
]


def city_facts(city: str, rng: random.Random, funds: list[str]) -> list[dict]:
    """The true figures about one city: what every article that states them agrees on."""
    facts = []
    rd, growth = rng.uniform(20, 300), rng.uniform(1.03, 1.12)
    for year in range(2018, 2025):
        facts.append({"entity": city, "metric": "rd_investment", "period": str(year), "year": year,
                      "value": round(rd * growth ** (year - 2018), 2)})
    loans, firms = rng.uniform(150, 1500), rng.randint(800, 20000)
    periods = [(year, 12) for year in range(2019, 2024)] + YEAR_END_MONTHS
    for year, month in periods:
        months = (year - 2019) * 12 + month
        facts.append({"entity": city, "metric": "tech_loans", "period": f"{year}-{month:02d}", "year": year, "month": month,
                      "value": round(loans * 1.007 ** months, 2)})
        facts.append({"entity": city, "metric": "high_tech_enterprises", "period": f"{year}-{month:02d}", "year": year,
                      "month": month, "value": not_round(round(firms * 1.006 ** months))})
    for fund in funds:
        facts.append({"entity": fund, "metric": "fund_size", "period": "any", "city": city, "year": rng.randint(2015, 2024),
                      "value": rng.choice(FUND_SIZES)})
    for fact in facts:
        fact.setdefault("city", city)
    return facts


def two_digits_down(value: float) -> float:
    """A round figure just under value, for "over ..." phrasings (within 10% of the value)."""
    step = 10 ** (math.floor(math.log10(value)) - 1)
    return math.floor(value / step) * step


def money(billions: float, over: bool = False) -> str:
    if billions >= 1000:
        return f"{billions / 1000:g} trillion yuan" if over else f"{billions / 1000:.2f} trillion yuan"
    return f"{billions:g} billion yuan" if over else f"{billions:.2f} billion yuan"


def period_words(fact: dict, rng: random.Random) -> tuple[str, str]:
    """(trailing phrase, fronted phrase) for the fact's period."""
    year, month = fact["year"], fact.get("month")
    if fact["metric"] == "rd_investment":
        return rng.choice([f"in {year}", f"during {year}"]), f"In {year}"
    if month == 12:
        trailing = rng.choice([f"by the end of {year}", f"at the end of {year}", f"in {year}"])
        return trailing, trailing[0].upper() + trailing[1:]
    trailing = rng.choice([f"as of {MONTH_NAMES[month - 1]} {year}", f"as of the end of {MONTH_NAMES[month - 1]} {year}"])
    return trailing, trailing[0].upper() + trailing[1:]


def sentence(fact: dict, value: float, over: bool, rng: random.Random) -> str:
    """One sentence stating the fact, in one of several phrasings."""
    city, metric = fact["city"], fact["metric"]
    if metric == "fund_size":
        size = f"{value:g}-billion-yuan"
        when = rng.choice(["", f" in {fact['year']}"])
        return rng.choice([
            f"{city} set up a {size} {fact['entity']}{when}.",
            f"A {size} {fact['entity']} was launched by {city}{when}.",
            f"{city} launched a {size} {fact['entity']}{when}.",
        ])
    trailing, fronted = period_words(fact, rng)
    if metric == "high_tech_enterprises":
        count = f"{two_digits_down(value):,.0f}" if over else f"{value:,.0f}"
        alias = rng.choice(FIRM_ALIASES)
        if over:
            return rng.choice([
                f"{city} had more than {count} {alias} {trailing}.",
                f"{fronted}, the number of {alias} in {city} exceeded {count}.",
            ])
        return rng.choice([
            f"{fronted}, {city} had {count} {alias}.",
            f"{city} was home to {count} {alias} {trailing}.",
            f"{fronted}, the number of {alias} in {city} reached {count}.",
        ])
    alias = rng.choice(RD_ALIASES if metric == "rd_investment" else LOAN_ALIASES)
    amount = money(two_digits_down(value), over=True) if over else money(value)
    verb = rng.choice(["exceeded", "was over"]) if over else rng.choice(VERBS)
    capital = alias[0].upper() + alias[1:]
    return rng.choice([
        f"{fronted}, {city}'s {alias} {verb} {amount}.",
        f"{city}'s {alias} {verb} {amount} {trailing}.",
        f"{capital} in {city} {verb} {amount} {trailing}.",
        f"The {alias} of {city} {verb} {amount} {trailing}.",
    ])


def planted_value(fact: dict, rng: random.Random) -> float:
    """A value at least 20% away from the true one, stated exactly (never "over", which could overlap)."""
    if fact["metric"] == "fund_size":
        sizes = [fact["value"] * factor for factor in (0.5, 2, 3)]
        return rng.choice([size for size in sizes if not math.log10(size).is_integer()])
    value = fact["value"] * rng.uniform(0.55, 0.8)
    if fact["metric"] == "high_tech_enterprises":
        return not_round(round(value))
    return round(value, 2)


def not_round(count: int) -> int:
    """A count written with its last digits (2,000 reads as 1,500 to 2,500; 2,003 does not)."""
    return count + 3 if count % 10 == 0 else count


def key_of(fact: dict) -> tuple[str, str, str]:
    return (fact["entity"], fact["metric"], fact["period"])


def make_corpus(target_claims: int, seed: int = 1, rate: float = 0.05) -> dict:
    """Articles stating true figures about cities and their funds, plus planted contradictions:
    a share `rate` of the facts stated gets one more statement, in another article, with a value
    at least 20% off."""
    rng = random.Random(seed)
    invented = [a + b for a in SYLLABLES for b in ENDINGS]
    rng.shuffle(invented)
    fund_names = [f"{a} {b} {kind} Fund" for a in FUND_WORDS for b in FUND_WORDS if a != b for kind in FUND_KINDS]
    rng.shuffle(fund_names)
    n_cities = max(8, min(len(KNOWN_CITIES) + len(invented), target_claims // 150))
    cities = KNOWN_CITIES + invented[: n_cities - len(KNOWN_CITIES)]
    facts = {city: city_facts(city, rng, [fund_names.pop(), fund_names.pop()]) for city in cities}

    articles: list[dict] = []
    total = 0
    while total < target_claims * (1 - rate / 2):
        city = rng.choice(cities)
        chosen = rng.sample(facts[city], rng.randint(8, 16))
        statements = [(fact, fact["value"], fact["metric"] != "fund_size" and rng.random() < 0.15) for fact in chosen]
        articles.append({"city": city, "statements": statements})
        total += len(statements)

    by_city: dict[str, list[int]] = {}
    for index, article in enumerate(articles):
        by_city.setdefault(article["city"], []).append(index)
    stated = {}
    for index, article in enumerate(articles):
        for fact, _, _ in article["statements"]:
            stated.setdefault(key_of(fact), (fact, set()))[1].add(index)
    planted = rng.sample(sorted(stated), round(rate * len(stated)))
    for key in planted:
        fact, holders = stated[key]
        others = [i for i in by_city[fact["city"]] if i not in holders]
        if others:
            target = articles[rng.choice(others)]
        else:
            target = {"city": fact["city"], "statements": []}
            articles.append(target)
        target["statements"].append((fact, planted_value(fact, rng), False))

    files, intended = [], Counter()
    for index, article in enumerate(articles):
        statements = article["statements"][:]
        rng.shuffle(statements)
        lines = [sentence(fact, value, over, rng) for fact, value, over in statements]
        intended.update(key_of(fact) for fact, _, _ in statements)
        for _ in range(rng.randint(1, 3)):
            lines.insert(rng.randrange(len(lines) + 1), rng.choice(FILLERS).format(city=article["city"]))
        paragraphs, i = [], 0
        while i < len(lines):
            step = rng.randint(2, 4)
            paragraphs.append(" ".join(lines[i : i + step]))
            i += step
        published = date(2025, rng.randint(1, 12), rng.randint(1, 28))
        head = f"---\ntitle: {article['city']} innovation update {index}\npublished: {published}\n---\n"
        name = f"{index:06d}-{article['city'].lower().replace(' ', '-')}.txt"
        files.append((name, head + "\n\n".join(paragraphs) + "\n"))
    return {"files": files, "planted": [list(k) for k in planted], "intended": intended,
            "stated_facts": len(stated), "cities": len(cities)}


def write_corpus(corpus: dict, folder: Path) -> float:
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for name, text in corpus["files"]:
        (folder / name).write_text(text, encoding="utf-8")
        size += len(text.encode("utf-8"))
    return size / MB


def memory_mb(field: str) -> float:
    """VmRSS (now) or VmHWM (peak) of this process. Not getrusage's ru_maxrss: Linux keeps that
    across exec, so a worker would report the peak of the parent that started it."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> None:
    """Import and compile everything once on a tiny corpus, so the timings are of steady-state work."""
    from szcheck.api import extract_paths, verify

    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-warm-")).resolve()
    try:
        write_corpus(make_corpus(50, seed=99), folder / "sources")
        extract_paths([folder / "sources"], folder / "claims", folder)
        verify(folder / "sources", folder / "claims", folder)
    finally:
        shutil.rmtree(folder)


def reference_workload() -> float:
    """Seconds for a fixed piece of plain Python (scanning the bundled sources' words, 100 times),
    timed next to verify: it shows how fast the machine ran at that moment, which on a shared
    machine drifts by up to 2x."""
    text = "\n".join(bundled_bodies())
    start = time.perf_counter()
    for _ in range(100):
        sum(1 for _ in re.finditer(r"\w+", text))
    return time.perf_counter() - start


def prepared_corpus(target: int, seed: int, rate: float, folder: Path) -> tuple[dict, bool]:
    """The corpus's key facts, and whether its project (sources, claims files, parse cache) was
    kept from an earlier run in `folder` (see --reuse); else it is generated into `folder`."""
    facts = folder / "corpus.json"
    if facts.exists():
        return json.loads(facts.read_text(encoding="utf-8")), True
    start = time.perf_counter()
    corpus = make_corpus(target, seed, rate)
    size = write_corpus(corpus, folder / "sources")
    kept = {"files": len(corpus["files"]), "mb": size, "cities": corpus["cities"], "stated_facts": corpus["stated_facts"],
            "planted": corpus["planted"], "intended": [[*key, count] for key, count in corpus["intended"].items()],
            "generate_s": time.perf_counter() - start}
    return kept, False


def multiplied_project(folder: Path, times: int) -> Path:
    """The extracted project in `folder` copied `times` times into one project beside it (sources/copy-N/,
    claims/copy-N/, each claims file naming its copy), its parse cache filled from the original's: the
    claims of a corpus too large to extract here, verified as a later `szcheck verify` would."""
    from szcheck.claims import parse_cache

    target = folder.parent / f"{folder.name}-x{times}"
    if (target / "done").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    claims = sorted((folder / "claims").glob("*.yaml"))
    parse_cache.use(folder / ".szcheck_cache" / "claims")
    originals = []
    for path in claims:
        text = path.read_text(encoding="utf-8")
        originals.append((path.name, text, parse_cache.read(text)))
    parse_cache.use(target / ".szcheck_cache" / "claims")
    for number in range(times):
        part = f"copy-{number:05d}"
        shutil.copytree(folder / "sources", target / "sources" / part)
        (target / "claims" / part).mkdir(parents=True)
        for name, text, parsed in originals:
            copied = text.replace("source: sources/", f"source: sources/{part}/", 1)
            (target / "claims" / part / name).write_text(copied, encoding="utf-8")
            if isinstance(parsed, dict):
                parse_cache.write(copied, {**parsed, "source": parsed["source"].replace("sources/", f"sources/{part}/", 1)})
    (target / "done").write_text("", encoding="utf-8")
    return target


def scale_case(target: int, seed: int, rate: float, profile: bool = False, reuse: Path | None = None,
               verify_only: bool = False, spill: bool = False, multiply: int = 1) -> dict:
    """Generate, extract and verify one corpus; return timings, memory and recall. With `reuse`, the
    extracted project is kept in that folder and a later run verifies it without extracting again.
    `spill`: verify through the spill path (DuckDB); `multiply`: verify the extracted project copied
    that many times (each planted contradiction is then stated in every copy)."""
    from szcheck.api import extract_paths, verify
    from szcheck.claims import parse_cache, value_of
    from szcheck.group import period_key
    from szcheck.registry import load_registry
    from szcheck.render.json import write_json

    warm_up()
    folder = (reuse / f"scale-{target}-seed{seed}-rate{rate}") if reuse else Path(tempfile.mkdtemp(prefix="szcheck-bench-scale-"))
    folder = folder.resolve()
    folder.mkdir(parents=True, exist_ok=True)
    r = {"target": target, "extract_s": None, "rerun_s": None, "uncached_verify_s": None}
    try:
        corpus, reused = prepared_corpus(target, seed, rate, folder)
        rss_before = memory_mb("VmRSS")

        profiler = None
        if profile:
            import cProfile
            profiler = cProfile.Profile()
            profiler.enable()
        parse_cache.use(folder / ".szcheck_cache" / "claims")  # as the command line does for every command
        if not reused:
            start = time.perf_counter()
            extract_paths([folder / "sources"], folder / "claims", folder)
            r["extract_s"] = time.perf_counter() - start
            if reuse:
                (folder / "corpus.json").write_text(json.dumps(corpus), encoding="utf-8")
        project = folder
        if multiply > 1:
            start = time.perf_counter()
            project = multiplied_project(folder, multiply)
            r["multiply_s"] = time.perf_counter() - start
        parse_cache.use(project / ".szcheck_cache" / "claims")
        value_of.cache_clear()  # each verify as in a fresh process
        r["reference_s"] = reference_workload()
        start, cpu = time.perf_counter(), time.process_time()
        report = verify(project / "sources", project / "claims", project, spill=spill)  # claims files read from the cache extract filled
        r["verify_s"], r["verify_cpu_s"] = time.perf_counter() - start, time.process_time() - cpu
        start = time.perf_counter()
        with open(folder / "report.json", "w", encoding="utf-8") as stream:
            write_json(report, stream)  # what `szcheck verify -f json -o report.json` writes
        r["json_s"], r["json_mb"] = time.perf_counter() - start, (folder / "report.json").stat().st_size / MB
        (folder / "report.json").unlink()
        if not verify_only and multiply == 1:
            start = time.perf_counter()
            extract_paths([folder / "sources"], folder / "claims", folder)  # unchanged corpus: every source skipped
            r["rerun_s"] = time.perf_counter() - start
            parse_cache.use(None)  # a fresh clone of a project with committed claims files: every file parsed as YAML
            value_of.cache_clear()
            start = time.perf_counter()
            verify(folder / "sources", folder / "claims", folder)
            r["uncached_verify_s"] = time.perf_counter() - start
        if profiler:
            profiler.disable()
            import pstats
            print(f"--- cProfile: extract_paths + verify, {target:,} claims, top 10 by cumulative time ---")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(10)
            print("--- top 10 by own (tottime) ---")
            pstats.Stats(profiler).sort_stats("tottime").print_stats(10)
            print("--- szcheck's own functions, top 12 by cumulative time ---")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"szcheck[/\\]", 12)
    finally:
        if not reuse:
            shutil.rmtree(folder)

    registry = load_registry()
    intended = Counter({tuple(key): count * multiply for *key, count in corpus["intended"]})
    spilled = not isinstance(report.claims, list)  # a spilled report keeps only the number of its claims
    read = intended if spilled else Counter((c.entity, c.metric, period_key(c, registry)) for c in report.claims)
    planted = {tuple(k) for k in corpus["planted"]}
    conflicts = {(f.entity, f.metric, f.period) for f in report.findings if f.rule in ("SZ101", "SZ102")}
    rules = Counter(f.rule for f in report.findings)
    r.update({
        "files": corpus["files"] * multiply, "mb": corpus["mb"] * multiply, "cities": corpus["cities"], "reused": reused,
        "claims": len(report.claims), "statements": sum(intended.values()),
        "keys_read_as_written": None if spilled else sum((read & intended).values()) / max(1, sum(intended.values())),
        "spill": spilled, "multiply": multiply, "findings": len(report.findings),
        "generate_s": corpus["generate_s"], "rss_before_mb": rss_before, "rss_peak_mb": memory_mb("VmHWM"),
        "stated_facts": corpus["stated_facts"], "planted": len(planted), "found": len(planted & conflicts),
        "unplanted_conflicts": len(conflicts - planted), "rules": dict(sorted(rules.items())),
    })
    return r


def run_worker(target: int, seed: int, rate: float, timeout: float | None, extra: list[str] = ()) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--worker", str(target), "--seed", str(seed), "--rate", str(rate), *extra]
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"target": target, "error": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"target": target, "error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --------------------------------------------------------------------------- the bundled corpus copied k times

def copy_bundled_corpus(folder: Path, copies: int) -> None:
    """sources/ and claims/ copied `copies` times into folder/sources/copy-N/ and folder/claims/copy-N/,
    each claims file naming its copy of the source: a real corpus whose every figure recurs k times."""
    sources, claims = sorted((REPO / "sources").glob("*.txt")), sorted((REPO / "claims").glob("*.yaml"))
    texts = {path.name: path.read_text(encoding="utf-8") for path in claims}
    for number in range(copies):
        part = f"copy-{number:05d}"
        (folder / "sources" / part).mkdir(parents=True)
        (folder / "claims" / part).mkdir(parents=True)
        for path in sources:
            shutil.copyfile(path, folder / "sources" / part / path.name)
        for name, text in texts.items():
            (folder / "claims" / part / name).write_text(text.replace("source: sources/", f"source: sources/{part}/", 1), encoding="utf-8")


def copies_case(copies: int) -> dict:
    """Verify the bundled corpus copied `copies` times: once to fill the parse cache (as the first
    `szcheck verify` of a fresh clone does), then again, timed, as every later run."""
    from szcheck.api import verify
    from szcheck.claims import parse_cache

    warm_up()
    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-copies-")).resolve()
    try:
        copy_bundled_corpus(folder, copies)
        parse_cache.use(folder / ".szcheck_cache" / "claims")
        start = time.perf_counter()
        verify(folder / "sources", folder / "claims", folder)
        first_s = time.perf_counter() - start
        reference_s = reference_workload()
        start, cpu = time.perf_counter(), time.process_time()
        report = verify(folder / "sources", folder / "claims", folder)
        verify_s, verify_cpu_s = time.perf_counter() - start, time.process_time() - cpu
    finally:
        shutil.rmtree(folder)
    return {"copies": copies, "sources": len(report.sources), "claims": len(report.claims), "findings": len(report.findings),
            "errors": report.count("error"), "first_s": first_s, "verify_s": verify_s, "verify_cpu_s": verify_cpu_s,
            "reference_s": reference_s, "rss_peak_mb": memory_mb("VmHWM")}


def run_copies_worker(copies: int, timeout: float | None) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--copies-worker", str(copies)]
    try:
        done = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"copies": copies, "error": f"stopped after {timeout:.0f} s"}
    if done.returncode != 0:
        return {"copies": copies, "error": done.stderr.strip().splitlines()[-1] if done.stderr.strip() else f"exit {done.returncode}"}
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_copies(results: list[dict]) -> None:
    print("\n5. The bundled corpus copied k times  (sources/ and claims/, one subprocess per k; verify with the parse cache "
          "filled by a first verify)")
    rows, previous = [], None
    for r in results:
        if "error" in r:
            rows.append((f"{r['copies']:,}", r["error"], *[""] * 7))
            continue
        growth = f"{r['verify_s'] / previous['verify_s']:.1f}x (claims {r['claims'] / previous['claims']:.1f}x)" if previous else ""
        rows.append((f"{r['copies']:,}", f"{r['sources']:,}", f"{r['claims']:,}", f"{r['findings']:,}", f"{r['first_s']:.1f}",
                     f"{r['verify_s']:.2f} ({r['verify_s'] / r['reference_s']:.1f}x ref.)", f"{r['verify_cpu_s']:.2f}",
                     f"{r['rss_peak_mb']:.0f}", growth))
        previous = r
    print(table(rows, ("k", "sources", "claims", "findings", "first verify s", "verify s (/ reference)", "verify CPU s",
                       "peak RSS MB", "time growth")))
    print("   time growth about equal to the growth in claims means linear; reference: the fixed plain-Python workload")
    print("   timed right before verify: " + ", ".join(f"{r['copies']:,}: {r['reference_s']:.2f} s" for r in results if "reference_s" in r))


# --------------------------------------------------------------------------- output

def table(rows: list[tuple], header: tuple) -> str:
    rows = [tuple(str(cell) for cell in row) for row in [header, *rows]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
             for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def print_reading(r: dict) -> None:
    baseline = r["mb"] / r["baseline_s"]
    extract_baseline = r["extract_mb"] / r["extract_baseline_s"]
    print(f"\n1. Reading speed  (bundled sources/*.txt bodies repeated to {r['mb']:.2f} MB = {r['sentences']:,} sentences; "
          f"MB = 10^6 bytes)")
    print("   each measure and its baseline timed chunk by chunk, one right after the other, then summed")
    rows = [("baseline: re.finditer(r'\\d') over the text", f"{baseline:,.1f} MB/s", f"{r['baseline_s']:.3f} s", "1x")]
    for label, seconds, mb, base in (
        ("split_sentences, line by line", r["split_s"], r["mb"], r["baseline_s"]),
        (f"read_figures per sentence ({r['figures']:,} figures)", r["figures_s"], r["mb"], r["baseline_s"]),
        (f"hygiene rules SZ503-SZ513 ({r['hygiene']:,} hits)", r["hygiene_s"], r["mb"], r["baseline_s"]),
        (f"read_source + extract_claims ({r['extract_mb']:.2f} MB, one file per article, {r['claims']:,} claims)",
         r["extract_s"], r["extract_mb"], r["extract_baseline_s"]),
    ):
        rows.append((label, f"{mb / seconds:,.3f} MB/s", f"{seconds:.2f} s", f"{seconds / base:,.0f}x"))
    print(table(rows, ("measure", "speed", "time", "ours/baseline")))
    if "quantulum_s" in r:
        print(f"   quantulum3 on {r['quantulum_mb']:.2f} MB of the same text: {r['quantulum_mb'] / r['quantulum_s']:,.3f} MB/s, "
              f"{r['quantulum_s'] / r['quantulum_ours_s']:,.0f}x the time read_figures takes on it")
    if abs(extract_baseline / baseline - 1) > 0.25:
        print(f"   (the baseline ran at {extract_baseline:,.1f} MB/s next to extract: the machine's speed drifted)")


def print_chinese(r: dict) -> None:
    print("\n1b. Chinese reading speed  (the Chinese articles of tests/corpus/ repeated; each measure timed chunk by chunk "
          "next to a bare digit scan of the same chunk; the CPU ratio is steadier than the wall one on a shared machine)")
    rows = [("baseline: re.finditer(r'\\d') over the text", f"{r['zh_mb'] / r['zh_baseline_s']:,.1f} MB/s", f"{r['zh_baseline_s']:.3f} s", "1x", "1x")]
    for label, key, mb, base in (
        (f"read_figures per sentence ({r['zh_mb']:.2f} MB, {r['zh_sentences']:,} sentences, {r['zh_figures']:,} figures)",
         "zh_figures", r["zh_mb"], "zh_baseline"),
        (f"read_source + extract_claims ({r['zh_extract_mb']:.2f} MB, one file per article, {r['zh_claims']:,} claims)",
         "zh_extract", r["zh_extract_mb"], "zh_extract_baseline"),
    ):
        seconds = r[f"{key}_s"]
        rows.append((label, f"{mb / seconds:,.3f} MB/s", f"{seconds:.2f} s", f"{seconds / r[f'{base}_s']:,.0f}x",
                     f"{r[f'{key}_cpu'] / r[f'{base}_cpu']:,.0f}x"))
    print(table(rows, ("measure", "speed", "time", "ours/baseline", "CPU ratio")))


def print_startup(s: dict) -> None:
    base = s["python"][0]
    print("\n2. Start-up  (fresh subprocesses from the repo root, median of 5 wall times)")
    rows = [
        ("baseline: python -c pass", f"{base * 1000:.0f} ms", ",".join(map(str, sorted(s["python"][1]))), "1.0x"),
        ("szcheck --help", f"{s['help'][0] * 1000:.0f} ms", ",".join(map(str, sorted(s["help"][1]))), f"{s['help'][0] / base:.1f}x"),
        (f'szcheck parse "{PARSE_SENTENCE}"', f"{s['parse'][0] * 1000:.0f} ms", ",".join(map(str, sorted(s["parse"][1]))),
         f"{s['parse'][0] / base:.1f}x"),
        ("  the same, first run (empty cache folder)", f"{s['first_parse'][0] * 1000:.0f} ms",
         ",".join(map(str, sorted(s["first_parse"][1]))), f"{s['first_parse'][0] / base:.1f}x"),
        ("szcheck verify --sources sources --claims <empty> -f json", f"{s['verify'][0] * 1000:.0f} ms",
         ",".join(map(str, sorted(s["verify"][1]))), f"{s['verify'][0] / base:.1f}x"),
    ]
    print(table(rows, ("command", "median", "exit", "ours/baseline")))


def seconds(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def print_scale(results: list[dict], rate: float, notes: list[str]) -> None:
    print(f"\n4. Scale  (synthetic corpora, one subprocess per size; {rate:.0%} of stated facts get a planted contradiction "
          "in another article)")
    rows, previous = [], None
    for r in results:
        if "error" in r:
            rows.append((f"{r['target']:,}", r["error"], *[""] * 14))
            continue
        growth = ""
        if previous:
            extract = f"{r['extract_s'] / previous['extract_s']:.1f}x" if r["extract_s"] and previous["extract_s"] else "-"
            growth = f"{extract} / {r['verify_s'] / previous['verify_s']:.1f}x (claims {r['claims'] / previous['claims']:.1f}x)"
        rerun = "-" if r["rerun_s"] is None or not r["extract_s"] else f"{r['rerun_s']:.2f} s = {r['rerun_s'] / r['extract_s']:.1%}"
        how = (" spilled" if r.get("spill") else "") + (f" x{r['multiply']}" if r.get("multiply", 1) > 1 else "")
        rows.append((
            f"{r['target']:,}{how}", f"{r['claims']:,}", f"{r['files']:,}", f"{r['mb']:.2f}",
            seconds(r["extract_s"]) + (" (kept)" if r.get("reused") else ""),
            f"{r['verify_s']:.1f} ({r['verify_s'] / r['reference_s']:.1f}x ref.)", f"{r['verify_cpu_s']:.1f}",
            f"{r['claims'] / r['verify_s']:,.0f}",
            f"{r['rss_peak_mb']:.0f} (+{r['rss_peak_mb'] - r['rss_before_mb']:.0f})",
            f"{r['json_s']:.1f} / {r['json_mb']:.0f}",
            f"{r['found']}/{r['planted']} = {r['found'] / max(1, r['planted']):.0%}",
            f"{r['unplanted_conflicts']}", "-" if r["keys_read_as_written"] is None else f"{r['keys_read_as_written']:.1%}", rerun,
            seconds(r["uncached_verify_s"]), growth,
        ))
        previous = r
    print(table(rows, ("target", "claims", "files", "MB", "extract s", "verify s (/ reference)", "verify CPU s", "verify claims/s",
                       "peak RSS MB (+)", "JSON s / MB", "recall", "unplanted", "keys as written", "extract rerun (of first)",
                       "verify s, no parse cache", "time growth extr/ver")))
    for r in results:
        if "rules" in r:
            print(f"   {r['target']:,}: {r['cities']} cities, {r['stated_facts']:,} distinct facts stated, "
                  f"generation {r['generate_s']:.1f} s (not timed above); findings by rule {r['rules']}")
    print("   spilled: verify --spill (the claims grouped on disk by DuckDB); xK: the extracted corpus copied K times into one")
    print("   project (sources/copy-N/), so each planted contradiction stands in every copy; keys as written is not read back")
    print("   from a spilled report (it keeps only the number of its claims)")
    print("   recall: a planted contradiction counts as found when an SZ101/SZ102 finding has its entity, metric and period;")
    print("   unplanted: SZ101/SZ102 findings on keys with no planted contradiction; keys as written: statements read back")
    print("   with the entity/metric/period they were generated with; peak RSS: VmHWM of the worker, which includes the")
    print("   generated corpus unless it was kept (--reuse) (+ = peak minus the RSS just before extract_paths); extract rerun:")
    print("   extract_paths again on the unchanged corpus, which skips every source whose claims file matches its text; verify")
    print("   reads the claims files from the parse cache (.szcheck_cache/) that extract filled; JSON: the report written to a")
    print("   file as `verify -f json -o` does; verify, no parse cache: every claims file parsed as YAML, as on a fresh clone")
    print("   of a project whose claims files are committed. reference: a fixed plain-Python workload timed right before")
    print("   verify, to show how fast the shared machine ran at that moment:")
    print("   " + ", ".join(f"{r['target']:,}: {r['reference_s']:.2f} s" for r in results if "reference_s" in r))
    done = [r for r in results if "error" not in r and r["extract_s"]]
    if done and max(r.get("claims", 0) for r in results) < PROJECT_TO * 0.9:
        last = done[-1]
        projected = (last["extract_s"] + last["verify_s"]) * PROJECT_TO / last["claims"]
        print(f"   {PROJECT_TO:,} claims not run: a linear projection from the {last['target']:,} case is ~{projected:.0f} s "
              f"of extract + verify (add it with --sizes ...,{PROJECT_TO})")
    for note in notes:
        print(f"   note: {note}")


# --------------------------------------------------------------------------- claims-file writer

def measure_writer(target: int) -> dict:
    """The claims files of a synthetic corpus rendered by szcheck's writer and by PyYAML's dumper (the
    libyaml one when installed, as szcheck used before), the same data, CPU time, best of three each,
    taken in turns. The texts are compared too."""
    import yaml

    from szcheck import claims_writer
    from szcheck.claims import claims_file_data
    from szcheck.extract import extract_claims
    from szcheck.sources import read_source

    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-writer-")).resolve()
    try:
        write_corpus(make_corpus(target, seed=3), folder / "sources")
        files = [claims_file_data(source.path.as_posix(), source.sha256, extract_claims(source))
                 for source in (read_source(path, folder) for path in sorted((folder / "sources").glob("*.txt")))]
    finally:
        shutil.rmtree(folder)
    ours, theirs = math.inf, math.inf
    for _ in range(3):
        claims_writer.claim_line.cache_clear()  # as in a fresh process
        start = time.process_time()
        written = [claims_writer.render_claims_yaml(data) for data in files]
        ours = min(ours, time.process_time() - start)
        start = time.process_time()
        dumped = [yaml.dump(data, Dumper=claims_writer.DUMPER, allow_unicode=True, sort_keys=False, width=100) for data in files]
        theirs = min(theirs, time.process_time() - start)
    comments = comment_costs(files, written)
    return {"files": len(files), "claims": sum(len(data["claims"]) for data in files), "ours_s": ours, "pyyaml_s": theirs,
            "dumper": claims_writer.DUMPER.__name__, "identical": written == dumped, **comments}


def comment_costs(files: list[dict], written: list[str]) -> dict:
    """What keeping comments costs `extract`: looking for them in a comment-free file (every rewrite),
    and reading and writing them back in a file with a comment above and beside each claim."""
    from szcheck.claims import HEADER, render_data
    from szcheck.claims_comments import read_comments

    texts = [HEADER + text for text in written]
    start = time.process_time()
    found = [read_comments(text, HEADER) for text in texts]
    looking = time.process_time() - start
    commented = [text.replace("\n- id: ", "\n# a person's note\n- id: ").replace("\n  status: extracted\n", "\n  status: extracted  # seen\n")
                 for text in texts]
    start = time.process_time()
    for data, text in zip(files, commented):
        comments = read_comments(text, HEADER)
        ids = [entry["id"] for entry in data["claims"]]
        render_data(data, comments, {ids[place]: notes for place, notes in comments.claims.items()})
    return {"looking_s": looking, "none_found": not any(found), "commented_s": time.process_time() - start}


def print_writer(w: dict) -> None:
    print(f"\n4. Claims-file writer  ({w['files']:,} claims files, {w['claims']:,} claims of a synthetic corpus; CPU time, "
          "best of 3, taken in turns)")
    rows = [(f"baseline: yaml.dump with {w['dumper']} (what szcheck used before)", f"{w['pyyaml_s']:.3f} s",
             f"{w['claims'] / w['pyyaml_s']:,.0f}", "1.00x"),
            ("szcheck's claims writer", f"{w['ours_s']:.3f} s", f"{w['claims'] / w['ours_s']:,.0f}", f"{w['ours_s'] / w['pyyaml_s']:.2f}x")]
    print(table(rows, ("writer", "CPU time", "claims/s", "ours/baseline")))
    print(f"   byte-identical output: {'yes' if w['identical'] else 'NO'}")
    print(f"   comments: looking for them in these comment-free files {w['looking_s']:.3f} s "
          f"({w['looking_s'] / w['ours_s']:.2f}x the writer; none found: {'yes' if w['none_found'] else 'NO'}); "
          f"reading and writing back a comment above and beside each claim {w['commented_s']:.3f} s "
          f"({w['commented_s'] / w['pyyaml_s']:.2f}x the baseline)")


# --------------------------------------------------------------------------- extract -j

def measure_jobs(target: int, rounds: int = 2) -> dict:
    """`szcheck extract -j1` and `-j2` from scratch on the same synthetic corpus, in turns, best of
    `rounds` each: wall time and CPU time (user + system of the run and its workers). The second core
    of a shared machine is often busy, so the CPU time and the load average are shown with it."""
    szcheck = str(Path(sys.executable).parent / "szcheck")
    folder = Path(tempfile.mkdtemp(prefix="szcheck-bench-jobs-")).resolve()
    results: dict = {"1": [], "2": []}
    outputs = {}
    try:
        (folder / "szcheck.yaml").write_text("# benchmark project\n", encoding="utf-8")
        mb = write_corpus(make_corpus(target, seed=5), folder / "sources")
        subprocess.run([szcheck, "extract", "-j", "1", "sources/" + sorted(os.listdir(folder / "sources"))[0]], cwd=folder,
                       capture_output=True)  # the reader's cache, as after any first run
        for _ in range(rounds):
            for jobs in ("1", "2"):
                shutil.rmtree(folder / "claims", ignore_errors=True)
                shutil.rmtree(folder / ".szcheck_cache" / "claims", ignore_errors=True)
                load = os.getloadavg()[0]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                start = time.perf_counter()
                done = subprocess.run([szcheck, "extract", "-j", jobs], cwd=folder, capture_output=True, text=True)
                wall = time.perf_counter() - start
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
                results[jobs].append((wall, cpu, load))
                files = {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted((folder / "claims").rglob("*.yaml"))}
                outputs[jobs] = (done.returncode, done.stdout, done.stderr, files)
    finally:
        shutil.rmtree(folder)
    best = {jobs: min(runs) for jobs, runs in results.items()}
    return {"target": target, "mb": mb, "files": len(outputs["1"][3]), "best": best, "runs": results,
            "identical": outputs["1"] == outputs["2"], "exit": outputs["1"][0]}


def print_jobs(j: dict) -> None:
    (wall1, cpu1, load1), (wall2, cpu2, load2) = j["best"]["1"], j["best"]["2"]
    print(f"\n5. extract -j  (a synthetic corpus of {j['files']:,} sources, {j['mb']:.1f} MB, ~{j['target']:,} claims, "
          f"written from scratch; best of {len(j['runs']['1'])}, taken in turns)")
    rows = [("baseline: szcheck extract -j1", f"{wall1:.1f} s", f"{cpu1:.1f} s", f"{load1:.1f}", "1.00x", "1.00x"),
            ("szcheck extract -j2", f"{wall2:.1f} s", f"{cpu2:.1f} s", f"{load2:.1f}", f"{wall2 / wall1:.2f}x", f"{cpu2 / cpu1:.2f}x")]
    print(table(rows, ("command", "wall", "CPU (all processes)", "load at start", "wall/baseline", "CPU/baseline")))
    print(f"   same output (files, lines, exit code {j['exit']}): {'yes' if j['identical'] else 'NO'}; {os.cpu_count()} CPUs; "
          "with the second core busy (load near or above 2) -j2 cannot beat -j1 on wall time, and its extra CPU is the pool's cost")


# --------------------------------------------------------------------------- main


def measure_hostile(size: int) -> list[tuple]:
    """Each hostile text read at `size` and twice that, next to a bare digit scan of the same text:
    time that doubles with the text is linear."""
    from hostile_linearity import CASES  # the hostile texts, shared with the linear-growth benchmark beside this one

    from szcheck.reader import read_figures

    read_figures("warm up: 5 billion yuan, 38 km, 三百万元")
    rows = []
    for name, make in CASES.items():
        timings = []
        for length in (size, 2 * size):
            text = make(length)
            started = time.perf_counter()
            read_figures(text)
            ours = time.perf_counter() - started
            timings.append((ours, digit_scan(text)))
        (small, small_scan), (large, large_scan) = timings
        rows.append((name, f"{large:.3f} s", f"{large / large_scan:.0f}x", f"{large / small:.2f}x"))
    return rows


def print_hostile(rows: list[tuple], size: int) -> None:
    print(f"\n3. Hostile text  (one sentence of {size:,} and {2 * size:,} characters; linear time doubles)")
    print(table(rows, ("text", f"read_figures, {2 * size:,} chars", "ours/scan", "time for 2x the text")))


def code_version() -> str:
    """The commit measured, and whether src/ had uncommitted changes."""
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True, text=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "src"], cwd=REPO, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "commit unknown"
    return f"commit {head or 'unknown'}{' + uncommitted changes in src/' if dirty else ''}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes (about half a minute)")
    parser.add_argument("--sizes", help="comma-separated claim counts for the scale cases (e.g. 1000,10000)")
    parser.add_argument("--rate", type=float, default=0.05, help="share of stated facts given a planted contradiction")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=600, help="seconds after which a scale case is stopped")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: reading,chinese,startup,hostile,writer,jobs,scale,copies")
    parser.add_argument("--profile", type=int, metavar="CLAIMS", help="only profile one scale case with cProfile")
    parser.add_argument("--copies", help="comma-separated k for the bundled corpus copied k times (e.g. 100,500,2500)")
    parser.add_argument("--reuse", type=Path, metavar="DIR",
                        help="keep each generated, extracted scale corpus in DIR and verify it again on later runs (for 1M claims)")
    parser.add_argument("--verify-only", action="store_true", help="scale cases: skip the extract rerun and the verify without parse cache")
    parser.add_argument("--spill", action="store_true", help="scale cases: verify through the spill path (needs szcheck[scale])")
    parser.add_argument("--multiply", type=int, default=1, metavar="K",
                        help="scale cases: verify the extracted corpus copied K times into one project (3M claims from 300k extracted)")
    parser.add_argument("--worker", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--copies-worker", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.worker:
        print(json.dumps(scale_case(args.worker, args.seed, args.rate, reuse=args.reuse, verify_only=args.verify_only,
                                    spill=args.spill, multiply=args.multiply)))
        return
    if args.copies_worker:
        print(json.dumps(copies_case(args.copies_worker)))
        return
    if args.profile:
        scale_case(args.profile, args.seed, args.rate, profile=True)
        return

    settings = QUICK if args.quick else FULL
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else settings["sizes"]
    skip = set(filter(None, args.skip.split(",")))
    print(f"szcheck benchmarks{' (--quick)' if args.quick else ''}: {code_version()}; Python {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, load {os.getloadavg()[0]:.1f} at start")
    print("Every ratio is against a baseline timed in this run; nothing is compared with a fixed threshold.")
    started = time.perf_counter()
    if "reading" not in skip:
        print_reading(measure_reading(settings["reading_mb"], settings["extract_mb"]))
        if args.quick:
            print(f"   --quick: {settings['reading_mb']} MB of text and {settings['extract_mb']} MB of articles instead of 10 MB each")
    if "chinese" not in skip:
        print_chinese(measure_chinese_reading(settings["chinese_mb"], settings["chinese_extract_mb"]))
    if "startup" not in skip:
        print_startup(measure_startup())
    if "hostile" not in skip:
        hostile_size = 50_000 if args.quick else 500_000
        print_hostile(measure_hostile(hostile_size), hostile_size)
    if "writer" not in skip:
        print_writer(measure_writer(settings["writer_claims"]))
    if "jobs" not in skip:
        print_jobs(measure_jobs(settings["jobs_claims"]))
    if "scale" not in skip:
        results, notes = [], []
        extra = ((["--reuse", str(args.reuse.resolve())] if args.reuse else []) + (["--verify-only"] if args.verify_only else [])
                 + (["--spill"] if args.spill else []) + ["--multiply", str(args.multiply)])
        for size in sizes:
            results.append(run_worker(size, args.seed, args.rate, args.timeout, extra))
            if "error" in results[-1]:
                notes.append(f"{size:,} claims: {results[-1]['error']}; larger sizes skipped")
                break
        print_scale(results, args.rate, notes)
    if "copies" not in skip:
        copies = [int(k) for k in args.copies.split(",")] if args.copies else settings["copies"]
        results = []
        for k in copies:
            results.append(run_copies_worker(k, args.timeout))
            if "error" in results[-1]:
                break
        print_copies(results)
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()

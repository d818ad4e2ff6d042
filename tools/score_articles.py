#!/usr/bin/env python3
"""Score dragoman's quotes and event dates against the multi-sentence evaluation set
(tests/eval/articles.jsonl; tests/eval/README.md describes the format).

usage: score_articles.py [--dragoman PATH | --output FILE] [--verbose] ARTICLES.jsonl

Runs `dragoman code --emit all -` on the set's records (id, date and text only), or reads such
output from --output, and prints:

  quote attribution  a gold quote is correct when some quote record overlaps it (byte spans) and
                     that record's speaker matches: same actor code as the gold `code`, or the
                     gold `speaker` name's last word appears among the words of the speaker's
                     name or mention (case and Latin accents ignored);
  quote recall       gold quotes overlapped by some quote record;
  quote precision    quote records that overlap some gold quote;
  date accuracy      a gold event counts correct when the document has an event with the same
                     CAMEO root and the same source and target countries (as score_eval.py:
                     the first three letters of the code, six for IGO/NGO/IMG/MNC) whose date is
                     the gold date; "over matched" restricts this to the gold events for which
                     such an event exists at all, whatever its date.

The last line is
  articles: quotes attributed=..% (n/N) R=..% P=..% | dates=..% (n/N) over matched=..% (n/N)

Exit status: 0 after scoring, 1 if dragoman fails, 2 on usage errors. Standard library only.
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import unicodedata

LONG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def country(code):
    """The comparison key of an actor code (as score_eval.py); None for a null actor."""
    if not code:
        return None
    code = code.strip().upper()
    if code.startswith("---"):
        return "---"
    return code[:6] if code.startswith(LONG_PREFIXES) else code[:3]


def words(name):
    """Lower-case ASCII words of a name: "Erdoğan" -> ["erdogan"]."""
    folded = unicodedata.normalize("NFKD", name or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.findall(r"[a-z0-9]+", folded)


def speaker_matches(gold, speaker):
    if not speaker:
        return False
    if gold.get("code") and speaker.get("code") == gold["code"]:
        return True
    want = words(gold.get("speaker"))
    if not want:
        return False
    have = set(words(speaker.get("name"))) | set(words(speaker.get("text")))
    return want[-1] in have


def load_set(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            data = r["text"].encode("utf-8")
            for q in r.get("quotes", []):
                at = data.find(q["text"].encode("utf-8"))
                if at < 0:
                    raise ValueError("%s:%d: quote %r is not in the text" % (path, n, q["text"]))
                q["span"] = (at, at + len(q["text"].encode("utf-8")))
            records.append(r)
    return records


def default_dragoman():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("DRAGOMAN") or os.path.join(os.path.dirname(here), "build", "dragoman")


def run_dragoman(exe, records):
    stdin = "".join(json.dumps({"id": r["id"], "date": r.get("date", ""), "text": r["text"]},
                               ensure_ascii=False) + "\n" for r in records)
    try:
        p = subprocess.run([exe, "code", "--emit", "all", "-"], input=stdin.encode("utf-8"),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    except OSError as e:
        print("score_articles: cannot run %s: %s" % (exe, e), file=sys.stderr)
        return None
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        return None
    return p.stdout.decode("utf-8", "replace").splitlines()


def group(lines):
    """doc_id -> {"quote": [...], "event": [...]}"""
    out = collections.defaultdict(lambda: collections.defaultdict(list))
    for line in lines:
        if line.strip():
            rec = json.loads(line)
            out[rec.get("doc_id")][rec.get("type")].append(rec)
    return out


def pct(n, d):
    return 100.0 * n / d if d else 0.0


def score(records, output, verbose):
    attributed = gold_quotes = recalled = 0
    coded_quotes = precise = 0
    dated = date_ok = matched = 0
    for r in records:
        doc = output.get(r["id"], {})
        quotes = doc.get("quote", [])
        events = doc.get("event", [])
        overlaps = lambda q, g: q["start"] < g["span"][1] and g["span"][0] < q["end"]
        for g in r.get("quotes", []):
            gold_quotes += 1
            hits = [q for q in quotes if overlaps(q, g)]
            recalled += bool(hits)
            ok = any(speaker_matches(g, q.get("speaker")) for q in hits)
            attributed += ok
            if verbose and not ok:
                got = [(q.get("speaker") or {}).get("name") for q in hits]
                print("%s quote %r: gold %s (%s), got %s" %
                      (r["id"], g["text"][:40], g["speaker"], g.get("code"), got or "no quote"))
        for q in quotes:
            coded_quotes += 1
            precise += any(overlaps(q, g) for g in r.get("quotes", []))
        for g in r.get("events", []):
            if not g.get("date"):
                continue
            dated += 1
            same = [e for e in events
                    if e["cameo"][:2] == g["cameo"][:2] and
                    country((e.get("source") or {}).get("code")) == country(g["source"]) and
                    country((e.get("target") or {}).get("code")) == country(g["target"])]
            matched += bool(same)
            ok = any(e.get("date") == g["date"] for e in same)
            date_ok += ok
            if verbose and not ok:
                print("%s event %s %s %s on %s: %s" %
                      (r["id"], g["source"], g["target"], g["cameo"], g["date"],
                       "dated " + ", ".join(sorted({e.get("date", "") for e in same}))
                       if same else "not coded"))
    print("quotes: %d gold, %d coded; attributed %d (%.1f%%), recall %.1f%%, precision %.1f%%" %
          (gold_quotes, coded_quotes, attributed, pct(attributed, gold_quotes),
           pct(recalled, gold_quotes), pct(precise, coded_quotes)))
    print("dates: %d gold dated events, %d coded (same root and countries), %d with the gold date"
          % (dated, matched, date_ok))
    print("articles: quotes attributed=%.1f%% (%d/%d) R=%.1f%% P=%.1f%% | dates=%.1f%% (%d/%d) "
          "over matched=%.1f%% (%d/%d)" %
          (pct(attributed, gold_quotes), attributed, gold_quotes, pct(recalled, gold_quotes),
           pct(precise, coded_quotes), pct(date_ok, dated), date_ok, dated,
           pct(date_ok, matched), date_ok, matched))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dragoman", default=default_dragoman())
    ap.add_argument("--output",
                    help="read `dragoman code --emit all` output instead of running dragoman")
    ap.add_argument("--verbose", action="store_true", help="list every miss")
    ap.add_argument("articles")
    args = ap.parse_args()
    try:
        records = load_set(args.articles)
    except (OSError, ValueError, KeyError) as e:
        print("score_articles: %s" % e, file=sys.stderr)
        return 2
    if args.output:
        with open(args.output, encoding="utf-8") as f:
            lines = f.read().splitlines()
    else:
        lines = run_dragoman(args.dragoman, records)
        if lines is None:
            return 1
    score(records, group(lines), args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())

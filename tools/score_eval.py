#!/usr/bin/env python3
"""Score dragoman against a hand-coded evaluation set (tests/eval/sentences.jsonl).

usage: score_eval.py [--dragoman PATH] [--verbose] [--ignore-paired] [--extra-args "ARGS"] SET.jsonl

Runs `dragoman code -` on the set's records (id, date and text only), reads the event records
and prints event-level precision and recall at two levels:

  root  a coded event matches a gold event of the same sentence when the CAMEO roots (first two
        digits) are equal and the source and target countries are equal;
  code  the same, with the full CAMEO code equal.

The "country" of an actor code is its first three letters (USAGOV -> USA); for IGO, NGO, IMG and
MNC codes it is the first six (IGOUNO, IGOEUR, NGOHRI, IMGMUS, MNCUSA), so that the UN and the EU
are different actors. A null target matches only a null target. Matching is one-to-one within a
sentence. Every coded event counts, including those whose source or target code starts with
'---' (actor with no country): they are real output, and they never match a gold event.
The gold set codes a visit only as 042 from the visitor, so the reciprocal 043 that a paired
dictionary code adds (rule ending "(paired)") counts as a false event unless --ignore-paired
is given, which drops such events before scoring.

Exit status: 0 after scoring (whatever the figures), 1 if dragoman fails, 2 on usage errors.
Standard library only.
"""

import argparse
import collections
import json
import os
import shlex
import subprocess
import sys

ROOTS = ["%02d" % i for i in range(1, 21)]
LONG_PREFIXES = ("IGO", "NGO", "IMG", "MNC")


def country(code):
    """The comparison key of an actor code; None for a null actor."""
    if code is None:
        return None
    code = code.strip().upper()
    if code.startswith("---"):
        return "---"
    if code.startswith(LONG_PREFIXES):
        return code[:6]
    return code[:3]


def key(ev, level):
    cameo = ev["cameo"]
    code = cameo[:2] if level == "root" else cameo
    return (code, country(ev["source"]), country(ev["target"]))


def match(gold, coded, level):
    """One-to-one matching of two event lists on exact keys.

    Keys are compared for equality, so a greedy pass gives a maximum matching.
    Returns (matched pairs, unmatched gold indexes, unmatched coded indexes)."""
    free = collections.defaultdict(list)
    for i, g in enumerate(gold):
        free[key(g, level)].append(i)
    pairs, extra = [], []
    for j, c in enumerate(coded):
        k = key(c, level)
        if free[k]:
            pairs.append((free[k].pop(0), j))
        else:
            extra.append(j)
    used = {i for i, _ in pairs}
    missed = [i for i in range(len(gold)) if i not in used]
    return pairs, missed, extra


def default_dragoman():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("DRAGOMAN") or os.path.join(os.path.dirname(here), "build", "dragoman")


def load_set(path):
    records = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError("%s:%d: %s" % (path, n, e))
            if not isinstance(r, dict) or "id" not in r or "text" not in r:
                raise ValueError("%s:%d: record needs id and text" % (path, n))
            gold = []
            for e in r.get("events", []):
                gold.append({"source": e.get("source"), "target": e.get("target"),
                             "cameo": str(e["cameo"])})
            r["gold"] = gold
            records.append(r)
    ids = [r["id"] for r in records]
    if len(set(ids)) != len(ids):
        raise ValueError("%s: duplicate ids" % path)
    return records


def run_dragoman(exe, extra, records, ignore_paired=False):
    stdin = "".join(json.dumps({"id": r["id"], "date": r.get("date", ""), "text": r["text"]},
                               ensure_ascii=False) + "\n" for r in records)
    cmd = [exe, "code"] + extra + ["-"]
    try:
        p = subprocess.run(cmd, input=stdin.encode("utf-8"), stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    except OSError as e:
        print("score_eval: cannot run %s: %s" % (exe, e), file=sys.stderr)
        return None
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode("utf-8", "replace"))
        print("score_eval: %s exited with status %d" % (" ".join(cmd), p.returncode),
              file=sys.stderr)
        return None
    coded = collections.defaultdict(list)
    for line in p.stdout.decode("utf-8", "replace").splitlines():
        if not line.strip():
            continue
        rec = json.loads(line)
        if rec.get("type") != "event":
            continue
        if ignore_paired and rec.get("rule", "").endswith("(paired)"):
            continue
        src, tgt = rec.get("source"), rec.get("target")
        coded[rec.get("doc_id")].append({
            "source": src["code"] if src else None,
            "target": tgt["code"] if tgt else None,
            "cameo": str(rec["cameo"]),
            "verb": (rec.get("verb") or {}).get("text", ""),
            "src_text": src.get("text", "") if src else "",
            "tgt_text": tgt.get("text", "") if tgt else "",
            "rule": rec.get("rule", ""),
        })
    return coded


def pct(a, b):
    return 100.0 * a / b if b else 0.0


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def fmt_ev(e, with_detail=False):
    s = "%s -> %s %s" % (e["source"], e["target"], e["cameo"])
    if with_detail:
        s += '   [verb "%s"; src "%s"; tgt "%s"; %s]' % (e.get("verb", ""), e.get("src_text", ""),
                                                       e.get("tgt_text", ""), e.get("rule", ""))
    return s


def main(argv):
    ap = argparse.ArgumentParser(description="Score dragoman against a hand-coded event set.")
    ap.add_argument("--dragoman", default=default_dragoman(),
                    help="dragoman binary (default: $DRAGOMAN or build/dragoman)")
    ap.add_argument("--verbose", "-v", action="store_true",
                    help="list misses and false events per sentence")
    ap.add_argument("--ignore-paired", action="store_true",
                    help="drop events produced as the reciprocal half of a paired code")
    ap.add_argument("--extra-args", action="append", default=[], metavar="ARGS",
                    help="extra arguments for `dragoman code`, shell-quoted (repeatable)")
    ap.add_argument("set", help="evaluation set (JSON Lines)")
    args = ap.parse_args(argv)

    try:
        records = load_set(args.set)
    except (OSError, ValueError, KeyError) as e:
        print("score_eval: %s" % e, file=sys.stderr)
        return 2
    extra = []
    for a in args.extra_args:
        extra += shlex.split(a)

    coded = run_dragoman(args.dragoman, extra, records, args.ignore_paired)
    if coded is None:
        return 1

    levels = ("root", "code")
    tot = {l: collections.Counter() for l in levels}
    per_root = {r: collections.Counter() for r in ROOTS}
    loose = collections.Counter()  # diagnostics
    empty_sentences = empty_with_events = 0
    report = []

    for r in records:
        gold, mine = r["gold"], coded.get(r["id"], [])
        if not gold:
            empty_sentences += 1
            if mine:
                empty_with_events += 1
        for l in levels:
            pairs, missed, extra_ev = match(gold, mine, l)
            tot[l]["gold"] += len(gold)
            tot[l]["coded"] += len(mine)
            tot[l]["matched"] += len(pairs)
            if l == "root":
                for g in gold:
                    per_root.setdefault(g["cameo"][:2], collections.Counter())["gold"] += 1
                for c in mine:
                    per_root.setdefault(c["cameo"][:2], collections.Counter())["coded"] += 1
                for gi, _ in pairs:
                    per_root[gold[gi]["cameo"][:2]]["matched"] += 1
                if missed or extra_ev:
                    report.append((r, [gold[i] for i in missed], [mine[j] for j in extra_ev]))
        # diagnostics: root ignoring actors; actors (countries) ignoring the code
        g_roots = collections.Counter(g["cameo"][:2] for g in gold)
        c_roots = collections.Counter(c["cameo"][:2] for c in mine)
        loose["root_any_actor"] += sum((g_roots & c_roots).values())
        g_dy = collections.Counter((country(g["source"]), country(g["target"])) for g in gold)
        c_dy = collections.Counter((country(c["source"]), country(c["target"])) for c in mine)
        loose["dyad_any_code"] += sum((g_dy & c_dy).values())
        # root level if a '---' actor were allowed to match any country
        wild = [dict(c) for c in mine]
        for g_i, g in enumerate(gold):
            for c in wild:
                if c.get("_used") or c["cameo"][:2] != g["cameo"][:2]:
                    continue
                if all(country(c[k]) in ("---", country(g[k])) for k in ("source", "target")):
                    c["_used"] = True
                    loose["root_wildcard"] += 1
                    break
        loose["coded_unknown_actor"] += sum(
            1 for c in mine if country(c["source"]) == "---" or country(c["target"]) == "---")

    if args.verbose:
        for r, missed, extra_ev in report:
            print("%s  %s" % (r["id"], r["text"]))
            for g in missed:
                print("    MISSED  " + fmt_ev(g))
            for c in extra_ev:
                print("    FALSE   " + fmt_ev(c, True))
        print()

    n_gold, n_coded = tot["root"]["gold"], tot["root"]["coded"]
    print("set: %s  sentences: %d (%d with no event; %d of those got events)  gold events: %d  "
          "coded events: %d" % (args.set, len(records), empty_sentences, empty_with_events,
                                n_gold, n_coded))
    print("dragoman: %s %s" % (args.dragoman, " ".join(extra)))
    print()
    print("%-6s %8s %8s %8s %8s %8s %8s" % ("level", "gold", "coded", "matched", "P%", "R%", "F1%"))
    res = {}
    for l in levels:
        t = tot[l]
        p, rc = pct(t["matched"], t["coded"]), pct(t["matched"], t["gold"])
        res[l] = (p, rc)
        print("%-6s %8d %8d %8d %8.1f %8.1f %8.1f" % (l, t["gold"], t["coded"], t["matched"], p, rc,
                                                  f1(p, rc)))
    print()
    print("per root (root level, countries must match):")
    print("%-5s %6s %6s %8s %7s %7s" % ("root", "gold", "coded", "matched", "P%", "R%"))
    for root in sorted(per_root):
        c = per_root[root]
        if not (c["gold"] or c["coded"]):
            continue
        print("%-5s %6d %6d %8d %7.1f %7.1f" % (root, c["gold"], c["coded"], c["matched"],
                                                pct(c["matched"], c["coded"]),
                                                pct(c["matched"], c["gold"])))
    print()
    print("diagnostics: root right with any actors: P=%.1f%% R=%.1f%%; countries right with any "
          "code: P=%.1f%% R=%.1f%%" % (
              pct(loose["root_any_actor"], n_coded), pct(loose["root_any_actor"], n_gold),
              pct(loose["dyad_any_code"], n_coded), pct(loose["dyad_any_code"], n_gold)))
    print("diagnostics: coded events with a '---' actor: %d; root level if '---' matched any "
          "country: P=%.1f%% R=%.1f%%" % (
              loose["coded_unknown_actor"], pct(loose["root_wildcard"], n_coded),
              pct(loose["root_wildcard"], n_gold)))
    print("eval: root P=%.1f%% R=%.1f%% | code P=%.1f%% R=%.1f%%" % (
        res["root"][0], res["root"][1], res["code"][0], res["code"][1]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

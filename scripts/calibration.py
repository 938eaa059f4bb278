#!/usr/bin/env python3
"""How well the page's confidence figures are calibrated, against gold pages.

    python3 scripts/calibration.py --dir ../shared/corpus --pred OUT [--split 21] [--fit]

OUT holds the CLI's page JSON (`jianbao -o OUT ../shared/corpus/*.txt`).
Pages are split in two by the number in their name (`g007_pymupdf` is page
7): up to --split is the half the maps in src/confidence.rs were fitted on,
the rest is held out; every extractor of a page falls on the same side.

For each half, two decisions are checked:
  placement  an article's kicker/title/subtitle with its `*_confidence`:
             right when the field is one of the matched gold article's
             display lines;
  article    an article's `confidence`: right when it matches a gold article
             whose body it shares (bigram Dice >= 0.9).
Printed: a reliability table (decisions per confidence band, their mean
confidence and the share right), the Brier score and the expected
calibration error (ten bands).

--fit fits a Platt map (logistic over the log-odds) on the fitting half, to
be used on output made with identity maps (slope 1, intercept 0): the raw
scores.
"""
import argparse
import math
import os
import re
import sys


def load_scorer(gold_dir):
    here = os.path.join(os.path.dirname(os.path.abspath(gold_dir)), 'eval')
    sys.path.insert(0, here)
    import score  # noqa: E402
    return score


def decisions(S, gold_dir, pred_dir):
    out = []  # (page number, decision, confidence, right)
    for name in sorted(os.listdir(gold_dir)):
        if not name.endswith('.gold.json'):
            continue
        stem = name[:-len('.gold.json')]
        m = re.match(r'\D*(\d+)', stem)
        page = int(m.group(1)) if m else 0
        pred_path = os.path.join(pred_dir, stem + '.json')
        if not os.path.exists(pred_path):
            continue
        gold = [a for a in S.load(os.path.join(gold_dir, name))['articles'] if a['kind'] != 'ad']
        pred = [a for a in S.load(pred_path)['articles'] if a['kind'] != 'ad']
        pairs, gb, pb = S.match_articles(gold, pred)
        matched = {j: i for i, j, _ in pairs}
        for j, a in enumerate(pred):
            i = matched.get(j)
            heads = set()
            dice = 0.0
            if i is not None:
                g = gold[i]
                heads = {S.strip_ws(g.get(k)) for k in ('kicker', 'title', 'subtitle') if g.get(k)}
                shared = S.overlap(gb[i], pb[j])
                dice = 2 * shared / max(1, sum(gb[i].values()) + sum(pb[j].values()))
            for k in ('kicker', 'title', 'subtitle'):
                if a.get(k) is not None and a.get(k + '_confidence') is not None:
                    out.append((page, 'placement', a[k + '_confidence'], S.strip_ws(a[k]) in heads))
            out.append((page, 'article', a['confidence'], dice >= 0.9))
    return out


def report(rows):
    n = len(rows)
    if not n:
        return '  (none)'
    brier = sum((p - y) ** 2 for p, y in rows) / n
    ece = 0.0
    for b in range(10):
        band = [(p, y) for p, y in rows if b / 10 <= p < (b + 1) / 10 or (b == 9 and p == 1)]
        if band:
            ece += len(band) / n * abs(sum(p for p, _ in band) / len(band) - sum(y for _, y in band) / len(band))
    lines = [f'  n={n} brier={brier:.3f} ece={ece:.3f}']
    for lo, hi in ((0, 0.5), (0.5, 0.8), (0.8, 1.01)):
        band = [(p, y) for p, y in rows if lo <= p < hi]
        if band:
            lines.append(f'    [{lo:.1f}, {min(hi, 1):.1f}): n={len(band):4d}  mean confidence {sum(p for p, _ in band) / len(band):.2f}  right {sum(y for _, y in band) / len(band):.2f}')
    return '\n'.join(lines)


def logit(p):
    p = min(max(p, 0.01), 0.99)
    return math.log(p / (1 - p))


def fit_platt(rows, steps=100):
    """Logistic regression of `right` on logit(confidence), by Newton's method."""
    a, b = 0.0, 0.0
    for _ in range(steps):
        ga = gb = haa = hab = hbb = 0.0
        for p, y in rows:
            x = logit(p)
            q = 1 / (1 + math.exp(min(50.0, -(a * x + b))))
            ga += (q - y) * x
            gb += q - y
            w = q * (1 - q)
            haa += w * x * x
            hab += w * x
            hbb += w
        det = haa * hbb - hab * hab
        if abs(det) < 1e-12:
            break
        a -= (hbb * ga - hab * gb) / det
        b -= (haa * gb - hab * ga) / det
    return a, b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--dir', required=True, help='gold pages (NAME.gold.json)')
    ap.add_argument('--pred', required=True, help='predicted pages (NAME.json)')
    ap.add_argument('--split', type=int, default=21, help='last page number of the fitting half')
    ap.add_argument('--fit', action='store_true', help='fit Platt maps on the fitting half')
    args = ap.parse_args()
    S = load_scorer(args.dir)
    rows = decisions(S, args.dir, args.pred)
    for decision in ('placement', 'article'):
        print(decision)
        for half, keep in (('fitting half', lambda p: p <= args.split), ('held-out half', lambda p: p > args.split)):
            sel = [(c, r) for page, d, c, r in rows if d == decision and keep(page)]
            print(f' {half}')
            print(report(sel))
        if args.fit:
            a, b = fit_platt([(c, r) for page, d, c, r in rows if d == decision and page <= args.split])
            print(f' Platt map fitted on the fitting half: slope {a:.3f}, intercept {b:.3f}')


if __name__ == '__main__':
    main()

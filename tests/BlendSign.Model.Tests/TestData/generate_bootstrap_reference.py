#!/usr/bin/python3
"""Writes bootstrap_reference.json: out-of-fold predictions of 40 scans, 300 scan-level bootstrap resamples drawn
with numpy, and the 95 % percentile intervals of Table 3's metrics per class computed with scikit-learn on each
resample (slices of a drawn scan repeated once per draw), for ScanBootstrapTests to compare against.

Run with Debian's interpreter (apt: python3-sklearn):  /usr/bin/python3 generate_bootstrap_reference.py
A resample where a metric is undefined (no positives drawn) is left out of that metric (numpy.nanpercentile).
"""
import json
import os

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

CLASSES = 3
SCANS = 40
RESAMPLES = 300
rng = np.random.default_rng(20240521)

slices = []
for s in range(SCANS):
    for _ in range(int(rng.integers(3, 12))):
        gold = int(rng.choice(CLASSES, p=[0.6, 0.3, 0.1]))
        logits = rng.normal(0.0, 1.0, CLASSES)
        logits[gold] += 1.2
        p = np.exp(logits) / np.exp(logits).sum()
        # Two decimals: tied scores, which the AUC must count as halves.
        slices.append({"id": f"{s:03d}-{len(slices):04d}", "scan": f"scan-{s:03d}", "gold": gold, "p": [round(float(v), 2) for v in p]})

gold_all = np.array([x["gold"] for x in slices])
prob_all = np.array([x["p"] for x in slices])
scan_of = np.array([int(x["scan"][5:]) for x in slices])
resamples = [rng.integers(0, SCANS, SCANS).tolist() for _ in range(RESAMPLES)]


def ratio(n, d):
    return n / d if d > 0 else np.nan


samples = np.full((RESAMPLES, CLASSES, 4), np.nan)
for b, drawn in enumerate(resamples):
    index = np.concatenate([np.flatnonzero(scan_of == s) for s in drawn])
    gold, prob = gold_all[index], prob_all[index]
    predicted = prob.argmax(axis=1)
    for c in range(CLASSES):
        positive, called = gold == c, predicted == c
        tp, fn = int((positive & called).sum()), int((positive & ~called).sum())
        fp, tn = int((~positive & called).sum()), int((~positive & ~called).sum())
        f1 = f1_score(positive, called, zero_division=0) if (2 * tp + fn + fp) > 0 else np.nan
        auc = roc_auc_score(positive, prob[:, c]) if 0 < positive.sum() < len(positive) else np.nan
        samples[b, c] = [ratio(tp, tp + fn), ratio(tn, tn + fp), f1, auc]

names = ["sensitivity", "specificity", "f1", "auc"]
expected = [{n: np.nanpercentile(samples[:, c, m], [2.5, 97.5]).tolist() for m, n in enumerate(names)} for c in range(CLASSES)]
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "bootstrap_reference.json"), "w") as out:
    json.dump({"slices": slices, "resamples": resamples, "expected": expected}, out)

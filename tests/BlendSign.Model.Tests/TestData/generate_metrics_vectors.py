#!/usr/bin/python3
"""Writes metrics_vectors.json: fixed gold labels and probability triples with scikit-learn's one-vs-rest
sensitivity, specificity, F1 and ROC AUC, and the confusion matrix, for MetricsTests to compare against.

Run with Debian's interpreter (apt: python3-sklearn):  /usr/bin/python3 generate_metrics_vectors.py
A metric that is undefined (a class absent from gold, or never absent) is written as null.
"""
import json
import os

import numpy as np
from sklearn.metrics import confusion_matrix, f1_score, recall_score, roc_auc_score, roc_curve

CLASSES = 3


def roc(positive, score):
    """Every distinct threshold (drop_intermediate=False); the first threshold (sklearn: max + 1 or inf by version) is left out."""
    fpr, tpr, thresholds = roc_curve(positive, score, drop_intermediate=False)
    return {"fpr": fpr.tolist(), "tpr": tpr.tolist(), "thresholds": thresholds[1:].tolist()}


def case(name, gold, probabilities):
    gold = np.asarray(gold)
    probabilities = np.asarray(probabilities, dtype=float)
    predicted = probabilities.argmax(axis=1)
    per_class = []
    for c in range(CLASSES):
        positive = gold == c
        predicted_positive = predicted == c
        has_pos, has_neg = positive.any(), (~positive).any()
        defined_f1 = (2 * (positive & predicted_positive).sum() + (positive ^ predicted_positive).sum()) > 0
        per_class.append({
            "sensitivity": float(recall_score(positive, predicted_positive)) if has_pos else None,
            "specificity": float(recall_score(~positive, ~predicted_positive)) if has_neg else None,
            "f1": float(f1_score(positive, predicted_positive)) if defined_f1 else None,
            "auc": float(roc_auc_score(positive, probabilities[:, c])) if has_pos and has_neg else None,
            "roc": roc(positive, probabilities[:, c]) if has_pos and has_neg else None,
        })
    return {
        "name": name,
        "gold": gold.tolist(),
        "probabilities": probabilities.tolist(),
        "per_class": per_class,
        "confusion_matrix": confusion_matrix(gold, predicted, labels=list(range(CLASSES))).tolist(),
    }


def random_case(name, seed, n, rounding=None, classes_present=CLASSES):
    rng = np.random.default_rng(seed)
    gold = rng.integers(0, classes_present, size=n)
    logits = rng.normal(size=(n, CLASSES)) + 1.5 * np.eye(CLASSES)[gold]
    p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    if rounding is not None:
        p = np.round(p, rounding)  # coarse scores: many ties, which the rank-based AUC must average
    return case(name, gold, p)


def main():
    cases = [
        case("hand", [0, 0, 1, 2, 1, 0, 2, 1],
             [[0.7, 0.2, 0.1], [0.4, 0.5, 0.1], [0.2, 0.6, 0.2], [0.1, 0.3, 0.6],
              [0.5, 0.3, 0.2], [0.8, 0.1, 0.1], [0.3, 0.2, 0.5], [0.1, 0.1, 0.8]]),
        random_case("random_40", 7, 40),
        random_case("random_200", 11, 200),
        random_case("ties_60", 13, 60, rounding=1),
        random_case("no_blend_sign_30", 17, 30, classes_present=2),
    ]
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics_vectors.json")
    with open(out, "w") as f:
        json.dump({"generator": "generate_metrics_vectors.py", "cases": cases}, f, separators=(",", ":"))
        f.write("\n")


if __name__ == "__main__":
    main()

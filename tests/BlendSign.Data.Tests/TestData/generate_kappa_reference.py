#!/usr/bin/python3
"""Writes kappa_reference.json: reference values for BlendSign's agreement statistics.

Cohen's kappa and percent agreement come from scikit-learn (cohen_kappa_score, accuracy_score), Fleiss'
kappa from statsmodels (fleiss_kappa on aggregate_raters' table). Run with Debian's python3-sklearn and
python3-statsmodels:  /usr/bin/python3 generate_kappa_reference.py
The output is committed; the tests only read it.
"""
import json
import os

import numpy as np
import sklearn
import statsmodels
from sklearn.metrics import accuracy_score, cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

CLASSES = ["non_ich", "normal_ich", "blend_sign"]
rng = np.random.default_rng(20230101)


def cohen_case(name, a, b, categories):
    return {
        "name": name,
        "categories": categories,
        "a": [int(x) for x in a],
        "b": [int(x) for x in b],
        "kappa": float(cohen_kappa_score(a, b)),
        "percent_agreement": float(100 * accuracy_score(a, b)),
    }


def fleiss_case(name, table):
    table = np.asarray(table)
    return {"name": name, "table": table.tolist(), "kappa": float(fleiss_kappa(table, method="fleiss"))}


def noisy_raters(n_slices, n_raters, prior, accuracy):
    """A true class per slice and raters who keep it with probability `accuracy`, else pick another class."""
    truth = rng.choice(3, size=n_slices, p=prior)
    labels = np.empty((n_slices, n_raters), dtype=int)
    for r in range(n_raters):
        keep = rng.random(n_slices) < accuracy[r]
        other = (truth + rng.integers(1, 3, size=n_slices)) % 3
        labels[:, r] = np.where(keep, truth, other)
    return labels


def group_expectation(labels):
    n_raters = labels.shape[1]
    pairs = [(i, j) for i in range(n_raters) for j in range(i + 1, n_raters)]

    def describe(data):
        table, _ = aggregate_raters(data, n_cat=int(data.max()) + 1 if data.max() >= 1 else 2)
        return {
            "fleiss_kappa": float(fleiss_kappa(table, method="fleiss")),
            "pairs": [
                {
                    "raters": [i, j],
                    "percent_agreement": float(100 * accuracy_score(data[:, i], data[:, j])),
                    "cohen_kappa": float(cohen_kappa_score(data[:, i], data[:, j])),
                }
                for i, j in pairs
            ],
        }

    expected = {name: describe((labels == c).astype(int)) for c, name in enumerate(CLASSES)}
    expected["overall"] = describe(labels)
    return expected


def matrix_case(name, labels, n_scans):
    scan_ids = rng.integers(1, n_scans + 1, size=labels.shape[0])
    return {
        "name": name,
        "raters": int(labels.shape[1]),
        "scan_ids": [int(s) for s in scan_ids],
        "labels": labels.tolist(),
        "expected": group_expectation(labels),
    }


def has_nan(case):
    values = [case["expected"][g]["fleiss_kappa"] for g in case["expected"]]
    values += [p["cohen_kappa"] for g in case["expected"] for p in case["expected"][g]["pairs"]]
    return any(np.isnan(v) for v in values)


def main():
    cohen = [
        # Wikipedia, "Cohen's kappa", simple example: 50 proposals, yes/yes 20, yes/no 5, no/yes 10, no/no 15; kappa 0.4.
        cohen_case("wikipedia_grant_proposals", [0] * 20 + [0] * 5 + [1] * 10 + [1] * 15,
                   [0] * 20 + [1] * 5 + [0] * 10 + [1] * 15, 2),
    ]
    for i, (n, k) in enumerate([(10, 2), (37, 3), (200, 3), (500, 3), (60, 4), (150, 5)]):
        a = rng.integers(0, k, size=n)
        b = np.where(rng.random(n) < 0.7, a, rng.integers(0, k, size=n))
        cohen.append(cohen_case(f"random_{i}_n{n}_k{k}", a, b, k))

    fleiss = [
        # Fleiss (1971) via Wikipedia's worked example: 10 subjects, 14 raters, 5 categories; kappa 0.210.
        fleiss_case("fleiss1971_wikipedia", [
            [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]),
    ]
    for i, (subjects, raters, categories) in enumerate([(20, 3, 3), (100, 3, 3), (50, 5, 4), (30, 2, 2), (80, 7, 3)]):
        truth = rng.integers(0, categories, size=subjects)
        data = np.where(rng.random((subjects, raters)) < 0.6, truth[:, None], rng.integers(0, categories, size=(subjects, raters)))
        table, _ = aggregate_raters(data, n_cat=categories)
        fleiss.append(fleiss_case(f"random_{i}_N{subjects}_n{raters}_k{categories}", table))

    matrices = []
    study_prior = [8864 / 13276, 3965 / 13276, 447 / 13276]
    specs = [
        ("uniform_n12_r3", 12, 3, [1 / 3] * 3, [0.8, 0.7, 0.75], 4),
        ("study_prior_n300_r3", 300, 3, study_prior, [0.95, 0.9, 0.92], 40),
        ("study_prior_n2000_r3", 2000, 3, study_prior, [0.97, 0.93, 0.9], 250),
        ("balanced_n500_r3", 500, 3, [0.4, 0.35, 0.25], [0.6, 0.65, 0.7], 60),
        ("two_raters_n200", 200, 2, [0.5, 0.3, 0.2], [0.85, 0.8], 25),
        ("four_raters_n400", 400, 4, [0.5, 0.35, 0.15], [0.9, 0.85, 0.8, 0.75], 50),
    ]
    for name, n, r, prior, accuracy, scans in specs:
        case = matrix_case(name, noisy_raters(n, r, prior, accuracy), scans)
        if has_nan(case):
            raise SystemExit(f"{name}: a reference value is NaN; change the seed or the spec")
        matrices.append(case)

    out = {
        "generated_by": "generate_kappa_reference.py",
        "sklearn_version": sklearn.__version__,
        "statsmodels_version": statsmodels.__version__,
        "cohen": cohen,
        "fleiss": fleiss,
        "matrices": matrices,
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kappa_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {path}: {len(cohen)} Cohen, {len(fleiss)} Fleiss, {len(matrices)} matrices")
    print("fleiss1971:", fleiss[0]["kappa"], "wikipedia cohen:", cohen[0]["kappa"])


if __name__ == "__main__":
    main()

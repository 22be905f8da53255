"""Write the breast-cancer data as CSV: a deterministic, stratified split into data/train.csv and data/eval.csv.

The data is the Breast Cancer Wisconsin (Diagnostic) dataset that ships with scikit-learn (`load_breast_cancer`):
569 tumours, 30 numeric features computed from a digitised image of a fine needle aspirate, and the diagnosis.
Usage: python prepare.py [--out data] [--eval-fraction 0.25] [--seed 42]
"""

import argparse
import csv
import pathlib

from sklearn.datasets import load_breast_cancer
from sklearn.model_selection import train_test_split

TARGET = "label"


def column_name(feature: str) -> str:
    """'mean radius' -> 'mean_radius': names a CSV reader, a schema and a shell can all use unquoted."""
    return feature.strip().replace(" ", "_")


def write_csv(path: pathlib.Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data", help="folder for train.csv and eval.csv (default: data)")
    parser.add_argument("--eval-fraction", type=float, default=0.25, help="share of rows held out (default: 0.25)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the split (default: 42)")
    args = parser.parse_args()

    dataset = load_breast_cancer()
    # target 0 is malignant, 1 benign (dataset.target_names): written as words so no one has to remember which.
    labels = [str(dataset.target_names[t]) for t in dataset.target]
    # repr() of a float64 reads back as the same number, so the CSVs carry the data exactly.
    rows = [[repr(float(value)) for value in features] + [label] for features, label in zip(dataset.data, labels)]
    train, evaluation = train_test_split(
        rows, test_size=args.eval_fraction, stratify=labels, random_state=args.seed
    )
    header = [column_name(name) for name in dataset.feature_names] + [TARGET]
    out = pathlib.Path(args.out)
    write_csv(out / "train.csv", header, train)
    write_csv(out / "eval.csv", header, evaluation)
    print(f"wrote {len(train)} rows to {out / 'train.csv'} and {len(evaluation)} rows to {out / 'eval.csv'}")


if __name__ == "__main__":
    main()

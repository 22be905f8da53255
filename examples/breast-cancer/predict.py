"""Score a CSV with a trained model: writes label, prediction and score (the probability of malignant) per row.

Usage: python predict.py --model model/ --data data/eval.csv --out predictions.csv
The input needs the feature columns the model was trained on; its `label` column, when present, is copied through so
that the predictions can be evaluated.
"""

import argparse
import csv
import pathlib
import pickle

TARGET = "label"
POSITIVE = "malignant"


def read_table(path: pathlib.Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def load_model(folder: pathlib.Path):
    with (folder / "model.pkl").open("rb") as f:
        return pickle.load(f)


def predict_rows(bundle: dict, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """One output row per input row, in order: the true label (empty when unknown), the class and P(malignant)."""
    features = bundle["features"]
    missing = [name for name in features if rows and name not in rows[0]]
    if missing:
        raise SystemExit(f"the data lacks the feature columns {', '.join(missing)}")
    matrix = [[float(row[name]) for name in features] for row in rows]
    pipeline = bundle["pipeline"]
    positive = list(pipeline.classes_).index(POSITIVE)
    probabilities = pipeline.predict_proba(matrix)
    predicted = pipeline.predict(matrix)
    return [
        {"label": row.get(TARGET, ""), "prediction": str(prediction), "score": repr(float(p[positive]))}
        for row, prediction, p in zip(rows, predicted, probabilities)
    ]


def write_predictions(path: pathlib.Path, predictions: list[dict[str, str]]) -> None:
    with path.open("w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["label", "prediction", "score"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(predictions)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="model", help="the folder train.py wrote (default: model)")
    parser.add_argument("--data", required=True, help="CSV to score")
    parser.add_argument("--out", default="predictions.csv", help="where to write (default: predictions.csv)")
    args = parser.parse_args()
    _, rows = read_table(pathlib.Path(args.data))
    predictions = predict_rows(load_model(pathlib.Path(args.model)), rows)
    write_predictions(pathlib.Path(args.out), predictions)
    print(f"wrote {len(predictions)} predictions to {args.out}")


if __name__ == "__main__":
    main()

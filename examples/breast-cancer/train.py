"""Train a logistic regression on data/train.csv and score data/eval.csv with it.

Reads its hyperparameters from params.yaml (the `train` section), like a DVC stage does; mlops-kit writes `--set`
overrides into that file for the run. Writes:
  model/model.pkl     the fitted scikit-learn pipeline (StandardScaler, LogisticRegression) and its feature names
  model/params.json   the params this run trained with, as read from params.yaml
  predictions.csv     label, prediction, score for every row of data/eval.csv
"""

import json
import pathlib
import pickle

import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from predict import TARGET, predict_rows, read_table, write_predictions

TRAIN = pathlib.Path("data/train.csv")
EVAL = pathlib.Path("data/eval.csv")
MODEL = pathlib.Path("model")


def main() -> None:
    params = yaml.safe_load(pathlib.Path("params.yaml").read_text())["train"]
    header, rows = read_table(TRAIN)
    features = [name for name in header if name != TARGET]
    matrix = [[float(row[name]) for name in features] for row in rows]
    labels = [row[TARGET] for row in rows]

    pipeline = make_pipeline(
        StandardScaler(),
        LogisticRegression(C=float(params["C"]), max_iter=int(params["max_iter"])),
    )
    pipeline.fit(matrix, labels)
    print(f"trained on {len(rows)} rows with C={params['C']} max_iter={params['max_iter']}")

    MODEL.mkdir(exist_ok=True)
    bundle = {"pipeline": pipeline, "features": features}
    with (MODEL / "model.pkl").open("wb") as f:
        pickle.dump(bundle, f)
    (MODEL / "params.json").write_text(json.dumps(params, indent=2) + "\n")

    _, eval_rows = read_table(EVAL)
    predictions = predict_rows(bundle, eval_rows)
    write_predictions(pathlib.Path("predictions.csv"), predictions)
    right = sum(p["label"] == p["prediction"] for p in predictions)
    print(f"eval accuracy {right}/{len(predictions)} = {right / len(predictions):.4f}")


if __name__ == "__main__":
    main()

"""NumPy mirror of the lab's training loops, for `npm run bench` (timings and a cross-check).

Same data files, same RandomState call order, same loop as lib/training.ts, written the way the
lab's Python does it (vectorised per mini-batch). Prints one JSON object.

    python3 bench/lab.py neuron --seed 42 [--no-linearly-separable] [--epochs 1000] ...
    python3 bench/lab.py network --seed 42 --no-linearly-separable --epochs 2000
"""
import argparse
import json
import pathlib
import time

import numpy as np

DATA = pathlib.Path(__file__).resolve().parents[2] / "data"  # instructor/bench/ -> the repository's data/


def sigmoid(a):
    return 1.0 / (1.0 + np.exp(-a))


def load(name, split):
    rows = np.loadtxt(DATA / name / f"{split}.csv", delimiter=",", skiprows=1)
    return rows[:, :2], rows[:, 2]


class Dataset:
    def __init__(self, x, t, rs):
        self.x, self.t, self.rs, self.index = x, t, rs, 0

    def get_next_batch(self, batch_size):
        if self.index + batch_size > len(self.t):
            self.index = 0
            order = np.arange(len(self.t))
            self.rs.shuffle(order)
            self.x, self.t = self.x[order], self.t[order]
        start = self.index
        self.index += batch_size
        return self.x[start:self.index], self.t[start:self.index]

    def is_epoch_completed(self, batch_size):
        return self.index + batch_size > len(self.t)


def neuron_update(x, t, p, lr):
    w, b = p
    a = x @ w + b
    y = sigmoid(a)
    delta = (y - t) * y * (1 - y)
    return w - lr * (x.T @ delta) / len(t), b - lr * delta.mean()


def neuron_output(x, p):
    w, b = p
    return sigmoid(x @ w + b)


def network_update(x, t, p, lr):
    w, b, wt, bt = p
    h = sigmoid(x @ wt + bt)
    y = sigmoid(h @ w + b)
    delta_y = (y - t) * y * (1 - y)
    delta_h = np.outer(delta_y, w) * h * (1 - h)
    n = len(t)
    return (w - lr * (h.T @ delta_y) / n, b - lr * delta_y.mean(),
            wt - lr * (x.T @ delta_h) / n, bt - lr * delta_h.mean(axis=0))


def network_output(x, p):
    w, b, wt, bt = p
    return sigmoid(sigmoid(x @ wt + bt) @ w + b)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("model", choices=["neuron", "network"])
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--linearly-separable", action=argparse.BooleanOptionalAction, default=None)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--learning-rate", type=float, default=0.5)
    parser.add_argument("--epochs", type=int)
    args = parser.parse_args()
    network = args.model == "network"
    separable = args.linearly_separable if args.linearly_separable is not None else not network
    epochs = args.epochs or (2000 if network else 1000)
    name = "linearly-separable" if separable else "not-linearly-separable"

    rs = np.random.RandomState(args.seed)
    x_all, t_all = load(name, "train")
    x_test, t_test = load(name, "test")
    order = np.arange(len(t_all))
    rs.shuffle(order)
    x_all, t_all = x_all[order], t_all[order]
    x_val, t_val = x_all[:1000], t_all[:1000]
    train = Dataset(x_all[1000:], t_all[1000:], rs)
    w = rs.normal(0, 0.58, 2)
    if network:
        wt = rs.normal(0, 0.58, (2, 2))
        params, update, output = (w, 0.0, wt, np.zeros(2)), network_update, network_output
    else:
        params, update, output = (w, 0.0), neuron_update, neuron_output

    losses = []
    epoch = 0
    start = time.perf_counter()
    while epoch < epochs:
        x, t = train.get_next_batch(args.batch_size)
        params = update(x, t, params, args.learning_rate)
        if train.is_epoch_completed(args.batch_size):
            epoch += 1
            losses.append(float(np.mean((output(x_val, params) - t_val) ** 2) / 2))
    seconds = time.perf_counter() - start

    def accuracy(x, t):
        return float(np.mean((output(x, params) >= 0.5) == t))

    as_list = [v.tolist() if isinstance(v, np.ndarray) else v for v in params]
    print(json.dumps({
        "parameters": as_list,
        "accuracy": {"train": accuracy(train.x, train.t), "validation": accuracy(x_val, t_val),
                     "test": accuracy(x_test, t_test)},
        "finalValidationLoss": losses[-1],
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()

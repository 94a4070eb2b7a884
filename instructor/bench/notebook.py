"""NumPy mirror of the notebook's network runs, for `npm run bench` (timing and a cross-check).

Same data, same RandomState call order, same full-batch backprop as reference/mlp.ts, written the
way the notebook does it. Prints one JSON object.

    python3 bench/notebook.py deep      # 2-200-200-2-1, relu/tanh/relu/logistic, MSE, lr 0.05, 2000 epochs
    python3 bench/notebook.py hidden2   # 2-2-1, tanh/logistic, cross-entropy, lr 0.1, 10000 epochs
"""
import argparse
import json
import time

import numpy as np

EPS = 1e-12


def logistic(z, deriv=False):
    s = 1.0 / (1.0 + np.exp(-z))
    return s * (1 - s) if deriv else s


def tanh(z, deriv=False):
    return 1 - np.tanh(z) ** 2 if deriv else np.tanh(z)


def relu(z, deriv=False):
    return (z > 0).astype(float) if deriv else np.maximum(z, 0)


def cross_entropy(y_pred, y, deriv=False):
    p = np.clip(y_pred, EPS, 1 - EPS)
    if deriv:
        return (p - y) / (p * (1 - p))
    return float(np.mean(-y * np.log(p) - (1 - y) * np.log(1 - p)))


def mean_squared_error(y_pred, y, deriv=False):
    return 2 * (y_pred - y) if deriv else float(np.mean((y - y_pred) ** 2))


def sin_data():
    x1_0 = np.linspace(-5, 5, 10)
    x1_1 = np.linspace(-4.5, 4.8, 15)
    x = np.vstack([np.column_stack([x1_0, np.sin(x1_0)]), np.column_stack([x1_1, np.sin(x1_1) + 1])])
    y = np.concatenate([np.zeros(10), np.ones(15)]).reshape(-1, 1)
    return x, y


def forward(x, ws, bs, acts):
    zs, as_ = [], [x]
    for w, b, f in zip(ws, bs, acts):
        zs.append(as_[-1] @ w + b)
        as_.append(f(zs[-1]))
    return zs, as_[1:]


def backprop(x, y, ws, bs, acts, cost, lrate, epochs):
    m = x.shape[0]
    costs = []
    for _ in range(epochs):
        zs, as_ = forward(x, ws, bs, acts)
        costs.append(cost(as_[-1], y))
        delta = cost(as_[-1], y, deriv=True) * acts[-1](zs[-1], deriv=True)
        for l in range(len(ws) - 1, -1, -1):
            a_prev = x if l == 0 else as_[l - 1]
            grad_w = a_prev.T @ delta / m
            grad_b = delta.mean(axis=0, keepdims=True)
            if l > 0:
                delta = (delta @ ws[l].T) * acts[l - 1](zs[l - 1], deriv=True)
            ws[l] = ws[l] - lrate * grad_w
            bs[l] = bs[l] - lrate * grad_b
    return ws, bs, costs


PRESETS = {
    "hidden2": dict(layers=[2, 2, 1], acts=[tanh, logistic], cost=cross_entropy, lrate=0.1, epochs=10000, seed=4242),
    "deep": dict(layers=[2, 200, 200, 2, 1], acts=[relu, tanh, relu, logistic], cost=mean_squared_error,
                 lrate=0.05, epochs=2000, seed=42),
}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("preset", choices=PRESETS)
    p = PRESETS[parser.parse_args().preset]
    x, y = sin_data()
    rs = np.random.RandomState(p["seed"])
    ws = [rs.randn(a, b) * 0.1 for a, b in zip(p["layers"][:-1], p["layers"][1:])]
    bs = [np.zeros((1, b)) for b in p["layers"][1:]]
    start = time.perf_counter()
    ws, bs, costs = backprop(x, y, ws, bs, p["acts"], p["cost"], p["lrate"], p["epochs"])
    seconds = time.perf_counter() - start
    _, as_ = forward(x, ws, bs, p["acts"])
    print(json.dumps({
        "parameters": {"ws": [w.tolist() for w in ws], "bs": [b.tolist() for b in bs]},
        "finalCost": p["cost"](as_[-1], y),
        "misclassified": int(np.sum((as_[-1] >= 0.5) != y)),
        "costs": costs,
        "seconds": seconds,
    }))


if __name__ == "__main__":
    main()

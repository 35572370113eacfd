"""Native reference for the bench's MLP and CNN epochs: PyTorch on one thread.

Not in CI (torch is Debian's python3-torch, run by /usr/bin/python3): bench/torch-reference.ts
starts this once per bench run and skips the reference when torch is missing.

Protocol, one line each way: the bench writes `mlp WARMUP RUNS` or `cnn WARMUP RUNS`; this
answers `{"bench": "MLP epoch", "ms": [...]}` (the same line the notebooks print). Each command
builds a fresh model, as each browser round runs the notebook afresh, trains WARMUP untimed
epochs, then times RUNS epochs. Shapes, data sizes, batch and optimizer mirror
bench/notebooks/mlp.md and cnn.md (CrossEntropyLoss on logits = softmax + categorical
cross-entropy; Adam lr 0.001, eps 1e-7 as tfjs; no shuffling; the last batch holds 3 rows).
"""

import json
import sys
import time

try:
    import torch
    from torch import nn
except ImportError as error:  # the bench prints this and skips the reference
    print(json.dumps({"ready": False, "error": f"torch is not installed: {error}"}), flush=True)
    sys.exit(0)

torch.set_num_threads(1)
ROWS = 1347
BATCH = 64


def mlp():
    x = torch.rand(ROWS, 64)
    model = nn.Sequential(
        nn.Linear(64, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10)
    )
    return model, x


def cnn():
    x = torch.rand(ROWS, 1, 8, 8)  # NCHW: torch's layout for tfjs' [rows, 8, 8, 1]
    model = nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1),
        nn.ReLU(),
        nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1),
        nn.ReLU(),
        nn.Flatten(),
        nn.Linear(32 * 4 * 4, 10),
    )
    return model, x


TASKS = {"mlp": ("MLP epoch", mlp), "cnn": ("CNN epoch", cnn)}


def epoch(model, optimizer, loss_fn, x, y):
    for start in range(0, ROWS, BATCH):
        optimizer.zero_grad()
        loss = loss_fn(model(x[start : start + BATCH]), y[start : start + BATCH])
        loss.backward()
        optimizer.step()


def timed(task, warmup, runs):
    name, build = TASKS[task]
    torch.manual_seed(1)
    model, x = build()
    y = torch.randint(0, 10, (ROWS,))
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001, eps=1e-7)
    loss_fn = nn.CrossEntropyLoss()
    for _ in range(warmup):
        epoch(model, optimizer, loss_fn, x, y)
    ms = []
    for _ in range(runs):
        start = time.perf_counter()
        epoch(model, optimizer, loss_fn, x, y)
        ms.append((time.perf_counter() - start) * 1000)
    return {"bench": name, "ms": ms}


print(json.dumps({"ready": True, "torch": torch.__version__}), flush=True)
for line in sys.stdin:
    task, warmup, runs = line.split()
    print(json.dumps(timed(task, int(warmup), int(runs))), flush=True)

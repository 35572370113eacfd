#!/usr/bin/python3
"""Trains Playgrad's offline tool-calling model once (tool-lm): the tiny LM's transformer
(scripts/models/train-tiny-lm.py, imported, so the architecture has one home), trained on
synthetic chat transcripts (scripts/models/tool_lm_data.py) to call a calculator, a search
over the course notes, a capital-city lookup, a weather tool and a code runner, or to decline.
Writes public/models/tool-lm/ (config.json, vocab.json, weights.bin in the tiny LM's format)
and tests/fixtures/tool-lm-reference.json (the trainer's logits for a fixed prompt, its
greedy replies, and held-out cases the TypeScript provider is measured on).

Run from the repository root (Debian's python3-torch and python3-numpy, libopenblas0):
    nice -n 10 /usr/bin/python3 scripts/models/train-tool-lm.py
Not part of CI. It trains for TOOL_LM_MINUTES (40) on one CPU thread, or TOOL_LM_STEPS steps.

Tokens: the chat markers, a few pieces of the template and of tool-call JSON, the most
frequent words of the training transcripts (with their leading space), and every printable
ASCII character, so any text can be written. Text is split by greedy longest match
(src/lib/llm/offline-tokenizer.ts does the same). The loss counts only the assistant's turns.
"""
import collections
import importlib.util
import json
import math
import os
import random
import re
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tool_lm_data as data  # noqa: E402

spec = importlib.util.spec_from_file_location(
    "train_tiny_lm", os.path.join(os.path.dirname(os.path.abspath(__file__)), "train-tiny-lm.py"))
tiny = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tiny)

SEED = int(os.environ.get("TOOL_LM_SEED", "2026"))
CONFIG = dict(context=256, d_model=int(os.environ.get("TOOL_LM_D", "128")), n_heads=4,
              n_layers=int(os.environ.get("TOOL_LM_LAYERS", "3")), d_ff=4 * int(os.environ.get("TOOL_LM_D", "128")))
STEPS = int(os.environ.get("TOOL_LM_STEPS", "0")) or None
MINUTES = float(os.environ.get("TOOL_LM_MINUTES", "40"))
BATCH = 16
LR = 3e-3
WARMUP = 50
WORD_TOKENS = 400
TRAIN_CASES = 60000
HELD_OUT = int(os.environ.get("TOOL_LM_HELD_OUT", "200"))  # measured in Python for the README
FIXTURE_HELD_OUT = 60  # of those, the ones the TypeScript test decodes
OUT_DIR = os.environ.get("TOOL_LM_OUT", "public/models/tool-lm")
FIXTURE = os.environ.get("TOOL_LM_FIXTURE", "tests/fixtures/tool-lm-reference.json")
CORPUS = "public/corpus/moby-dick-excerpt.txt"


class Tokenizer:
    """Greedy longest match over the vocabulary; single characters always match."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.ids = {t: i for i, t in enumerate(vocab)}
        self.longest = max(len(t) for t in vocab)

    def encode(self, text):
        ids, i = [], 0
        while i < len(text):
            for n in range(min(self.longest, len(text) - i), 0, -1):
                token = self.ids.get(text[i:i + n])
                if token is not None:
                    ids.append(token)
                    i += n
                    break
            else:
                raise ValueError(f"no token for {text[i]!r}")
        return ids

    def decode(self, ids):
        return "".join(self.vocab[i] for i in ids)


def build_vocab(cases):
    counts = collections.Counter()
    for case in cases:
        for text, _ in data.segments(case):
            counts.update(re.findall(r" ?[A-Za-z_]{2,}", text))
    words = [w for w, _ in counts.most_common(WORD_TOKENS)]
    chars = [chr(c) for c in range(32, 127)] + ["\n"]
    return data.SPECIALS + data.TEMPLATE_PIECES + sorted(set(words) - set(chars)) + chars


def encode_case(tok, case):
    ids, mask = [], []
    for text, trained in data.segments(case):
        part = tok.encode(text)
        ids += part
        mask += [trained] * len(part)
    return ids, mask


def length_buckets(encoded, rng):
    """Batches of transcripts of about the same length: padding a short transcript to the
    longest of a random batch wasted ~40% of every step."""
    order = sorted(rng.permutation(len(encoded)), key=lambda i: len(encoded[i][0]))
    return [order[i:i + BATCH] for i in range(0, len(order) - BATCH + 1, BATCH)]


def make_batch(encoded, buckets, rng):
    picks = [encoded[i] for i in buckets[rng.integers(0, len(buckets))]]
    length = max(len(ids) for ids, _ in picks) - 1
    x = np.zeros((BATCH, length), dtype=np.int64)
    y = np.full((BATCH, length), -100, dtype=np.int64)
    for row, (ids, mask) in enumerate(picks):
        n = len(ids) - 1
        x[row, :n] = ids[:-1]
        target = np.array(ids[1:])
        target[~np.array(mask[1:])] = -100
        y[row, :n] = target
    return torch.from_numpy(x), torch.from_numpy(y)


@torch.no_grad()
def greedy(model, tok, prompt_ids, max_tokens=80):
    ids = list(prompt_ids)
    end = tok.ids[data.END]
    out = []
    for _ in range(max_tokens):
        if len(ids) >= CONFIG["context"]:
            break
        nxt = int(model(torch.tensor([ids]))[0, -1].argmax())
        if nxt == end:
            break
        out.append(nxt)
        ids.append(nxt)
    return tok.decode(out)


def parse_call(text):
    m = re.fullmatch(re.escape(data.CALL_OPEN) + r"(.*)" + re.escape(data.CALL_CLOSE), text, re.S)
    if not m:
        return None
    try:
        call = json.loads(m.group(1))
    except json.JSONDecodeError:
        return None
    return call if isinstance(call, dict) else None


def first_prompt(case):
    return data.segments(case)[0][0]


def answer_prompt(case):
    s = data.segments(case)
    return s[0][0] + s[1][0] + s[2][0]


@torch.no_grad()
def measure(model, tok, cases):
    """Greedy replies to held-out cases: tool choice (a call to the right tool, or none when
    none fits), exact arguments, and the final answer (given the right call and its result)."""
    name_ok = args_ok = answer_ok = calls = 0
    replies = []
    for case in cases:
        first = greedy(model, tok, tok.encode(first_prompt(case)))
        call = parse_call(first)
        want = case["call"]
        if want is None:
            name_ok += call is None and data.CALL_OPEN not in first
            answer = first
            answer_ok += answer.strip() == case["answer"]
        else:
            calls += 1
            name_ok += call is not None and call.get("name") == want["name"]
            args_ok += call is not None and call.get("arguments") == want["arguments"]
            answer = greedy(model, tok, tok.encode(answer_prompt(case)))
            answer_ok += answer_correct(case, answer)
        replies.append({"first": first, "answer": answer})
    n = len(cases)
    return dict(tool_choice=name_ok / n, exact_arguments=args_ok / max(calls, 1),
                final_answer=answer_ok / n, cases=n, calls=calls), replies


def answer_correct(case, answer):
    """A reply after a tool result is right when it carries the result (the whole passage for
    a search); a reply without a call is right when it is the expected text."""
    if case["call"] is None:
        return answer.strip() == case["answer"]
    return case["result"] in answer


def main():
    torch.manual_seed(SEED)
    torch.set_num_threads(1)
    with open(CORPUS) as f:
        sentences = data.corpus_sentences(f.read())
    train_gen = data.Generator(random.Random(SEED), data.Material(False, sentences))
    held_gen = data.Generator(random.Random(SEED + 1), data.Material(True, sentences))
    # In-distribution transcripts never trained on, besides those with held-out material.
    fresh_gen = data.Generator(random.Random(SEED + 2), data.Material(False, sentences))
    train_cases = [train_gen.transcript() for _ in range(TRAIN_CASES)]
    held = [held_gen.transcript() for _ in range(HELD_OUT // 2)] + \
           [fresh_gen.transcript() for _ in range(HELD_OUT // 2)]
    random.Random(SEED + 3).shuffle(held)
    vocab = build_vocab(train_cases)
    tok = Tokenizer(vocab)
    encoded = [encode_case(tok, c) for c in train_cases]
    too_long = sum(len(ids) > CONFIG["context"] for ids, _ in encoded)
    encoded = [e for e in encoded if len(e[0]) <= CONFIG["context"]]
    lengths = [len(ids) for ids, _ in encoded]
    print(f"vocabulary {len(vocab)}, {len(encoded)} training transcripts ({too_long} too long dropped), "
          f"tokens mean {np.mean(lengths):.0f} max {max(lengths)}", flush=True)

    model = tiny.TinyLM(len(vocab), **CONFIG)
    params = sum(p.numel() for p in model.parameters())
    print(f"{params} parameters", flush=True)
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.1},
                             {"params": no_decay, "weight_decay": 0.0}], lr=LR, betas=(0.9, 0.99))
    rng = np.random.default_rng(SEED)
    buckets = length_buckets(encoded, rng)
    start = time.time()
    step = 0
    while True:
        step += 1
        lr = LR * min(step / WARMUP, math.sqrt(WARMUP / step))
        for group in opt.param_groups:
            group["lr"] = lr
        x, y = make_batch(encoded, buckets, rng)
        loss = F.cross_entropy(model(x).flatten(0, 1), y.flatten(), ignore_index=-100)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        if step % 50 == 0 or step == STEPS:
            print(f"step {step} loss {loss.item():.3f} lr {lr:.5f} {time.time() - start:.0f}s", flush=True)
        out_of_time = STEPS is None and step % 50 == 0 and time.time() - start > MINUTES * 60
        if step == STEPS or out_of_time:
            break
    seconds = time.time() - start

    with torch.no_grad():
        for p in model.parameters():
            p.copy_(p.half().float())
    model.eval()
    quality, replies = measure(model, tok, held)
    by_kind = {}
    for case, reply in zip(held, replies):
        k = by_kind.setdefault(case["kind"], [0, 0])
        k[1] += 1
        k[0] += (answer_correct(case, reply["answer"]) if case["call"] else
                 reply["first"].strip() == case["answer"])
    print(f"held-out (float16 weights): {quality}; final answer by kind "
          f"{ {k: f'{a}/{n}' for k, (a, n) in by_kind.items()} }", flush=True)
    write_model(model, vocab, params, step, seconds, quality, len(encoded))
    write_fixture(model, tok, held[:FIXTURE_HELD_OUT], replies[:FIXTURE_HELD_OUT])


def write_model(model, vocab, params, steps, seconds, quality, cases):
    os.makedirs(OUT_DIR, exist_ok=True)
    tensors, blobs, offset = [], [], 0
    for name, t in tiny.tensor_list(model):
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
        "tokenizer": "greedy-longest-match",
        "chat_template": "playgrad-tool-lm/1",
        "corpus": f"{cases} synthetic tool-use transcripts (scripts/models/tool_lm_data.py, seed {SEED})",
        "training": {"seed": SEED, "steps": steps, "batch": BATCH, "lr": LR, "seconds": round(seconds),
                     "torch": torch.__version__, "train_loss": None, "val_loss": None,
                     "held_out": quality},
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
def write_fixture(model, tok, cases, replies):
    prompt = first_prompt(cases[0])
    ids = tok.encode(prompt)
    logits = model(torch.tensor([ids]))[0, -1]
    fixture = {
        "prompt": {"request": data.as_request(cases[0]), "text": prompt, "ids": ids,
                   "logits": [round(v, 5) for v in logits.tolist()]},
        "heldOut": [{"kind": c["kind"], **data.as_request(c), "call": c["call"], "result": c["result"],
                     "answer": c["answer"], "trainerReply": r}
                    for c, r in zip(cases, replies)],
    }
    os.makedirs(os.path.dirname(FIXTURE), exist_ok=True)
    with open(FIXTURE, "w") as f:
        json.dump(fixture, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {FIXTURE}")


if __name__ == "__main__":
    sys.exit(main())

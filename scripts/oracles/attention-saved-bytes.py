#!/usr/bin/env python3
"""Measures what PyTorch's autograd keeps for backward in eager attention, per implementation.

Writes src/test/resources/oracles/training/attention-saved-bytes.tsv, which AttentionKernelTest
compares with the engine's attention-core term. Each variant runs the attention core on BF16
q, k, v of shape [b, a, s, d] that require grad (as the outputs of the projections do) and sums,
with torch.autograd.graph.saved_tensors_hooks, the bytes of every distinct storage saved for
backward other than q's, k's and v's own (the engine counts those with the layer's linear terms)
and the 0-dim scale factor (a wrapped Python number, 8 bytes).

Variants, written after the code they stand for:
  eager-fp32-softmax  Hugging Face transformers' eager_attention_forward (models/llama/modeling_llama.py):
                      matmul(q, k^T) * scaling + causal mask; softmax(dim=-1, dtype=float32).to(q.dtype);
                      dropout with p = attention_dropout = 0.0; matmul(weights, v)
  eager-dropout       GPT-2 / Megatron-style core (Korthikanti et al. 2022, section 4.1): 16-bit
                      softmax, dropout p = 0.1, matmul(weights, v). The dropout is torch.native_dropout,
                      the fused kernel F.dropout runs on a GPU (is_fused_kernel_acceptable in
                      aten/src/ATen/native/Dropout.cpp), which keeps a bool mask; on the CPU F.dropout
                      multiplies by a noise tensor in the input's dtype instead
  eager-no-dropout    16-bit softmax without dropout
  loss-upcast         not attention: Hugging Face's ForCausalLMLoss on the head's BF16 logits of shape
                      [b, s, V] (logits.float(), then cross_entropy): the floating-point tensors it
                      saves besides the logits (the integer labels left out), written with a = 1, d = V

  /usr/bin/python3 scripts/oracles/attention-saved-bytes.py           # rewrite the file
  /usr/bin/python3 scripts/oracles/attention-saved-bytes.py --check   # exit 1 if the file would change

Needs PyTorch (Debian's python3-torch 1.13.1 made the committed file; any version with
saved_tensors_hooks, 1.10 or later, should give the same bytes). Runs on the CPU in a few seconds.
"""
import math
import os
import sys

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "src", "test", "resources", "oracles", "training",
                   "attention-saved-bytes.tsv")
CASES = [(1, 4, 64, 16), (2, 8, 128, 8), (1, 2, 256, 32)]  # (b, a, s, d)


def causal_mask(s, dtype):
    mask = torch.full((s, s), torch.finfo(dtype).min, dtype=dtype)
    return torch.triu(mask, diagonal=1)


def eager_fp32_softmax(q, k, v):
    scaling = q.shape[-1] ** -0.5
    weights = torch.matmul(q, k.transpose(2, 3)) * scaling
    weights = weights + causal_mask(q.shape[2], q.dtype)
    weights = F.softmax(weights, dim=-1, dtype=torch.float32).to(q.dtype)
    weights = F.dropout(weights, p=0.0, training=True)
    return torch.matmul(weights, v)


def eager_dropout(q, k, v):
    weights = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(q.shape[-1])
    weights = weights + causal_mask(q.shape[2], q.dtype)
    weights = F.softmax(weights, dim=-1)
    weights, _ = torch.native_dropout(weights, 0.1, True)
    return torch.matmul(weights, v)


def eager_no_dropout(q, k, v):
    weights = torch.matmul(q, k.transpose(2, 3)) / math.sqrt(q.shape[-1])
    weights = weights + causal_mask(q.shape[2], q.dtype)
    weights = F.softmax(weights, dim=-1)
    return torch.matmul(weights, v)


def loss_upcast(logits, labels):
    logits = logits.float()
    return F.cross_entropy(logits.view(-1, logits.shape[-1]), labels.view(-1))


def loss_saved_bytes(b, s, vocab):
    torch.manual_seed(0)
    logits = torch.randn(b, s, vocab, dtype=torch.bfloat16, requires_grad=True)
    labels = torch.randint(0, vocab, (b, s))
    seen = {}

    def pack(t):
        if t.storage().data_ptr() != logits.storage().data_ptr() and t.dim() > 0 and t.is_floating_point():
            seen[t.storage().data_ptr()] = t.storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        loss = loss_upcast(logits, labels)
    loss.backward()
    return sum(seen.values())


VARIANTS = [("eager-fp32-softmax", eager_fp32_softmax), ("eager-dropout", eager_dropout),
            ("eager-no-dropout", eager_no_dropout)]


def saved_bytes(fn, b, a, s, d):
    torch.manual_seed(0)
    q, k, v = (torch.randn(b, a, s, d, dtype=torch.bfloat16, requires_grad=True) for _ in range(3))
    inputs = {t.storage().data_ptr() for t in (q, k, v)}
    seen = {}

    def pack(t):
        ptr = t.storage().data_ptr()
        if ptr not in inputs and t.dim() > 0:
            seen[ptr] = t.storage().nbytes()
        return t

    with torch.autograd.graph.saved_tensors_hooks(pack, lambda t: t):
        out = fn(q, k, v)
    out.sum().backward()  # the graph is complete and usable
    return sum(seen.values())


def table():
    lines = ["# Bytes PyTorch " + torch.__version__.split("+")[0] + " saves for backward in the attention core,"
             + " besides q, k and v (scripts/oracles/attention-saved-bytes.py)",
             "variant\tb\ta\ts\td\tsaved_bytes"]
    for name, fn in VARIANTS:
        for b, a, s, d in CASES:
            lines.append(f"{name}\t{b}\t{a}\t{s}\t{d}\t{saved_bytes(fn, b, a, s, d)}")
    for b, s, vocab in [(1, 64, 1000), (2, 128, 512)]:
        lines.append(f"loss-upcast\t{b}\t1\t{s}\t{vocab}\t{loss_saved_bytes(b, s, vocab)}")
    return "\n".join(lines) + "\n"


def main():
    text = table()
    if "--check" in sys.argv:
        with open(OUT, encoding="utf-8") as f:
            same = f.read() == text
        print("unchanged" if same else "differs:\n" + text)
        sys.exit(0 if same else 1)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text)
    print(text, end="")


if __name__ == "__main__":
    main()

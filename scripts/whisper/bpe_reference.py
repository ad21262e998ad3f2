#!/usr/bin/env python3
"""Reference byte-level BPE encoder (tiktoken semantics) for cross-checking the Java tokenizer.

An independent, deliberately plain implementation: split text with the GPT-2 pre-tokenizer
pattern (Python `regex` module, Unicode \\s), then for each piece start from single bytes and
repeatedly merge the adjacent pair with the lowest rank (leftmost on ties) until no pair is a
token.

Usage:
  bpe_reference.py --ranks multilingual.tiktoken --texts texts.json --out ids.json

texts.json is a JSON list of strings; ids.json receives a JSON list of token-id lists.
"""
import argparse
import base64
import json

import regex

PIECES = regex.compile(
    r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+"""
)


def load_ranks(path):
    ranks = {}
    with open(path, "rb") as f:
        for line in f:
            if line.strip():
                token, rank = line.split()
                ranks[base64.b64decode(token)] = int(rank)
    return ranks


def bpe(piece, ranks):
    if piece in ranks:
        return [ranks[piece]]
    parts = [bytes([b]) for b in piece]
    while len(parts) > 1:
        best_rank, best_at = None, None
        for i in range(len(parts) - 1):
            rank = ranks.get(parts[i] + parts[i + 1])
            if rank is not None and (best_rank is None or rank < best_rank):
                best_rank, best_at = rank, i
        if best_rank is None:
            break
        parts[best_at : best_at + 2] = [parts[best_at] + parts[best_at + 1]]
    return [ranks[p] for p in parts]


def encode(text, ranks):
    ids = []
    for piece in PIECES.findall(text):
        ids.extend(bpe(piece.encode("utf-8"), ranks))
    return ids


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ranks", required=True)
    parser.add_argument("--texts", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    ranks = load_ranks(args.ranks)
    with open(args.texts, encoding="utf-8") as f:
        texts = json.load(f)
    with open(args.out, "w", encoding="utf-8") as f:
        json.dump([encode(t, ranks) for t in texts], f)


if __name__ == "__main__":
    main()

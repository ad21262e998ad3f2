#!/usr/bin/env python3
"""Random-weight stand-in for an ONNX export of a MarianMT (Helsinki-NLP opus-mt) model.

Real opus-mt weights cannot be downloaded on the build machines, so tests run the Java translator
against this model instead: the same files, input/output names, dtypes and dimension names that
Hugging Face optimum (`optimum-cli export onnx --task text2text-generation-with-past`) writes for
MarianMTModel, the same architecture (post-norm transformer, sinusoidal positions, scaled and
shared embeddings, SiLU feed-forward, final logits bias), and random weights from a fixed seed.
Its translations are deterministic nonsense.

Files written to --out (dimension names as optimum's; int64 ids and masks, float otherwise):
  encoder_model.onnx            input_ids, attention_mask [batch_size, encoder_sequence_length]
                                -> last_hidden_state [batch_size, encoder_sequence_length, d_model]
  decoder_model.onnx            input_ids [batch_size, decoder_sequence_length],
                                encoder_hidden_states, encoder_attention_mask
                                -> logits [batch_size, decoder_sequence_length, vocab],
                                present.{i}.decoder|encoder.key|value [batch, heads, seq, head_dim]
  decoder_with_past_model.onnx  input_ids [batch_size, 1], encoder_attention_mask,
                                past_key_values.{i}.decoder|encoder.key|value
                                -> logits, present.{i}.decoder.key|value (one position longer)
  source.spm target.spm vocab.json tokenizer_config.json (copied), config.json and
  generation_config.json (the real ones with the stand-in's dimensions), README.md, and last
  .complete (the arguments, then this script's SHA-256: a marker that the folder is whole)

Usage (Debian python3-onnx >= 1.12 and python3-numpy; opset 17, IR version 8):
  /usr/bin/python3 scripts/models/marian_standin.py --out DIR [--tokenizer-dir DIR]
      [--small] [--layers N] [--seed N] [--eos-bias X]

The default has the real opus-mt shapes (d_model 512, 6+6 layers, 8 heads, ffn 2048, ~650 MB);
--small writes d_model 64, 4 heads, ffn 128, 2+2 layers (~45 MB) with the real vocabulary.
Exits 2 on bad arguments or missing tokenizer files.
"""
import argparse
import hashlib
import json
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8
F32, I64 = TensorProto.FLOAT, TensorProto.INT64
MASKED = -1e9  # additive attention bias of masked positions: exp() underflows to exactly 0
TOKENIZER_FILES = ("source.spm", "target.spm", "vocab.json", "tokenizer_config.json")
# The repository's sibling folder shared/ (../shared from the repository root).
DEFAULT_TOKENIZER = Path(__file__).resolve().parents[3] / "shared/models/marian-tokenizer"
DEFAULT_TOKENIZER /= "opus-mt-en-mg"


@dataclass(frozen=True)
class Dims:
    d_model: int
    heads: int
    ffn: int
    encoder_layers: int
    decoder_layers: int
    vocab: int
    max_positions: int

    @property
    def head_dim(self):
        return self.d_model // self.heads


def make_weights(dims, seed, eos_id, eos_bias):
    """Random weights named as in the Hugging Face state dict; matrices stored [in, out]."""
    rng = np.random.default_rng(seed)
    w = {}

    def linear(prefix, n_in, n_out):
        # 1/sqrt(fan_in) keeps activations O(1) through the layers, so that the source sentence
        # visibly changes the output (with HF's init_std the stand-in would ignore its input).
        w[prefix + ".weight"] = rng.normal(0, n_in**-0.5, (n_in, n_out)).astype(np.float32)
        w[prefix + ".bias"] = rng.normal(0, 0.02, n_out).astype(np.float32)

    def layer_norm(prefix):
        w[prefix + ".weight"] = np.ones(dims.d_model, np.float32)
        w[prefix + ".bias"] = np.zeros(dims.d_model, np.float32)

    def attention(prefix):
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            linear(f"{prefix}.{proj}", dims.d_model, dims.d_model)

    d = dims.d_model
    w["model.shared.weight"] = rng.normal(0, d**-0.5, (dims.vocab, d)).astype(np.float32)
    for i in range(dims.encoder_layers):
        p = f"model.encoder.layers.{i}"
        attention(p + ".self_attn")
        layer_norm(p + ".self_attn_layer_norm")
        linear(p + ".fc1", d, dims.ffn)
        linear(p + ".fc2", dims.ffn, d)
        layer_norm(p + ".final_layer_norm")
    for i in range(dims.decoder_layers):
        p = f"model.decoder.layers.{i}"
        attention(p + ".self_attn")
        layer_norm(p + ".self_attn_layer_norm")
        attention(p + ".encoder_attn")
        layer_norm(p + ".encoder_attn_layer_norm")
        linear(p + ".fc1", d, dims.ffn)
        linear(p + ".fc2", dims.ffn, d)
        layer_norm(p + ".final_layer_norm")
    bias = np.zeros((1, dims.vocab), np.float32)
    # Real models end their sentences; a bias on </s> makes the stand-in end some hypotheses
    # before the length limit too, so that decoding exercises finished rows.
    bias[0, eos_id] = eos_bias
    w["final_logits_bias"] = bias
    w["model.embed_positions.weight"] = sinusoidal_positions(dims.max_positions, d)
    return w


def sinusoidal_positions(n_positions, dim):
    """MarianSinusoidalPositionalEmbedding: sines in the first half, cosines in the second."""
    pos = np.arange(n_positions, dtype=np.float64)[:, None]
    rates = np.power(10000.0, 2 * (np.arange(dim) // 2) / dim)[None, :]
    angles = pos / rates
    half = (dim + 1) // 2
    table = np.empty((n_positions, dim))
    table[:, :half] = np.sin(angles[:, 0::2])
    table[:, half:] = np.cos(angles[:, 1::2])
    return table.astype(np.float32)


class Graph:
    """Nodes and initializers of one ONNX graph; intermediate values get generated names."""

    def __init__(self, dims, weights):
        self.dims = dims
        self.weights = weights
        self.nodes = []
        self.initializers = {}
        self.count = 0

    def op(self, op_type, inputs, out=None, **attrs):
        self.count += 1
        out = out or f"{op_type.lower()}_{self.count}"
        self.nodes.append(helper.make_node(op_type, inputs, [out], f"n{self.count}", **attrs))
        return out

    def weight(self, name):
        if name not in self.initializers:
            self.initializers[name] = numpy_helper.from_array(self.weights[name], name)
        return name

    def const(self, name, values, dtype=np.int64):
        if name not in self.initializers:
            self.initializers[name] = numpy_helper.from_array(np.array(values, dtype), name)
        return name

    def linear(self, x, prefix):
        y = self.op("MatMul", [x, self.weight(prefix + ".weight")])
        return self.op("Add", [y, self.weight(prefix + ".bias")])

    def layer_norm(self, x, prefix):
        gamma, beta = self.weight(prefix + ".weight"), self.weight(prefix + ".bias")
        return self.op("LayerNormalization", [x, gamma, beta], axis=-1, epsilon=1e-5)

    def split_heads(self, x, out=None):
        shape = self.const("heads_shape", [0, 0, self.dims.heads, self.dims.head_dim])
        return self.op("Transpose", [self.op("Reshape", [x, shape])], out, perm=[0, 2, 1, 3])

    def attend(self, q, k, v, bias, prefix):
        """Scaled dot-product attention over heads ([B, H, T, hd]) and the output projection."""
        scores = self.op("MatMul", [q, self.op("Transpose", [k], perm=[0, 1, 3, 2])])
        if bias is not None:
            scores = self.op("Add", [scores, bias])
        context = self.op("MatMul", [self.op("Softmax", [scores], axis=-1), v])
        context = self.op("Transpose", [context], perm=[0, 2, 1, 3])
        merged = self.op("Reshape", [context, self.const("model_shape", [0, 0, self.dims.d_model])])
        return self.linear(merged, prefix + ".out_proj")

    def query(self, x, prefix):
        scaling = self.const("scaling", self.dims.head_dim**-0.5, np.float32)
        return self.split_heads(self.op("Mul", [self.linear(x, prefix + ".q_proj"), scaling]))

    def feed_forward(self, x, prefix):
        h = self.linear(x, prefix + ".fc1")
        h = self.op("Mul", [h, self.op("Sigmoid", [h])])  # swish, as config.json says
        return self.linear(h, prefix + ".fc2")

    def embed(self, ids, first_position):
        """Token embeddings * sqrt(d_model) plus the positions first_position.. (a [1] tensor)."""
        scale = self.const("embed_scale", self.dims.d_model**0.5, np.float32)
        x = self.op("Mul", [self.op("Gather", [self.weight("model.shared.weight"), ids]), scale])
        length = self.op("Shape", [ids], start=1, end=2)
        end = self.op("Add", [first_position, length])
        table, axis = self.weight("model.embed_positions.weight"), self.const("axis0", [0])
        pos = self.op("Slice", [table, first_position, end, axis])
        return self.op("Add", [x, pos])

    def padding_bias(self, mask):
        """[B, S] int64 mask of real tokens -> [B, 1, 1, S] additive bias."""
        real = self.op("Cast", [mask], to=F32)
        one = self.const("one", 1.0, np.float32)
        masked = self.const("masked", MASKED, np.float32)
        bias = self.op("Mul", [self.op("Sub", [one, real]), masked])
        return self.op("Unsqueeze", [bias, self.const("axes12", [1, 2])])

    def causal_bias(self, ids):
        """[T, T] additive bias hiding later positions from earlier ones."""
        length = self.op("Shape", [ids], start=1, end=2)
        square = self.op("Concat", [length, length], axis=0)
        ones = self.op("ConstantOfShape", [square], value=helper.make_tensor("v", F32, [1], [1]))
        above = self.op("Trilu", [ones, self.const("k1", 1)], upper=1)
        return self.op("Mul", [above, self.const("masked", MASKED, np.float32)])

    def logits(self, x):
        table = self.op("Transpose", [self.weight("model.shared.weight")], perm=[1, 0])
        scores = self.op("MatMul", [x, table])
        return self.op("Add", [scores, self.weight("final_logits_bias")], "logits")

    def model(self, name, inputs, outputs):
        graph = helper.make_graph(self.nodes, name, inputs, outputs, [*self.initializers.values()])
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="livesubs marian_standin.py")
        m.ir_version = IR_VERSION
        onnx.checker.check_model(m)
        return m


def tensor(name, elem_type, dims):
    return helper.make_tensor_value_info(name, elem_type, dims)


def encoder_model(dims, weights):
    g = Graph(dims, weights)
    x = g.embed("input_ids", g.const("zero", [0]))
    bias = g.padding_bias("attention_mask")
    for i in range(dims.encoder_layers):
        p = f"model.encoder.layers.{i}"
        k = g.split_heads(g.linear(x, p + ".self_attn.k_proj"))
        v = g.split_heads(g.linear(x, p + ".self_attn.v_proj"))
        attn = g.attend(g.query(x, p + ".self_attn"), k, v, bias, p + ".self_attn")
        x = g.layer_norm(g.op("Add", [x, attn]), p + ".self_attn_layer_norm")
        x = g.layer_norm(g.op("Add", [x, g.feed_forward(x, p)]), p + ".final_layer_norm")
    g.op("Identity", [x], "last_hidden_state")
    seq = ["batch_size", "encoder_sequence_length"]
    return g.model(
        "marian_encoder",
        [tensor("input_ids", I64, seq), tensor("attention_mask", I64, seq)],
        [tensor("last_hidden_state", F32, seq + [dims.d_model])],
    )


def decoder_model(dims, weights, with_past):
    """decoder_model.onnx (with_past False) or decoder_with_past_model.onnx (True)."""
    g = Graph(dims, weights)
    past_len = "past_decoder_sequence_length"
    self_kv = ["batch_size", dims.heads, past_len, dims.head_dim]
    cross_kv = ["batch_size", dims.heads, "encoder_sequence_length_out", dims.head_dim]
    present_kv = ["batch_size", dims.heads, past_len + " + 1", dims.head_dim]
    if with_past:
        first = g.op("Shape", ["past_key_values.0.decoder.key"], start=2, end=3)
        self_bias = None  # one new position attends to every cached one
    else:
        present_kv[2] = "decoder_sequence_length"
        first = g.const("zero", [0])
        self_bias = g.causal_bias("input_ids")
    x = g.embed("input_ids", first)
    cross_bias = g.padding_bias("encoder_attention_mask")
    inputs, outputs = [], []
    for i in range(dims.decoder_layers):
        p = f"model.decoder.layers.{i}"
        kv = [g.split_heads(g.linear(x, f"{p}.self_attn.{n}_proj")) for n in ("k", "v")]
        for j, kind in enumerate(("key", "value")):
            present = f"present.{i}.decoder.{kind}"
            if with_past:
                past = f"past_key_values.{i}.decoder.{kind}"
                inputs.append(tensor(past, F32, self_kv))
                kv[j] = g.op("Concat", [past, kv[j]], present, axis=2)
            else:
                kv[j] = g.op("Identity", [kv[j]], present)
            outputs.append(tensor(present, F32, present_kv))
        attn = g.attend(g.query(x, p + ".self_attn"), kv[0], kv[1], self_bias, p + ".self_attn")
        x = g.layer_norm(g.op("Add", [x, attn]), p + ".self_attn_layer_norm")

        cross = []
        for n, kind in (("k", "key"), ("v", "value")):
            if with_past:
                cross.append(f"past_key_values.{i}.encoder.{kind}")
                inputs.append(tensor(cross[-1], F32, cross_kv))
            else:
                proj = g.linear("encoder_hidden_states", f"{p}.encoder_attn.{n}_proj")
                cross.append(g.split_heads(proj, f"present.{i}.encoder.{kind}"))
                outputs.append(tensor(cross[-1], F32, cross_kv))
        attn = g.attend(g.query(x, p + ".encoder_attn"), *cross, cross_bias, p + ".encoder_attn")
        x = g.layer_norm(g.op("Add", [x, attn]), p + ".encoder_attn_layer_norm")
        x = g.layer_norm(g.op("Add", [x, g.feed_forward(x, p)]), p + ".final_layer_norm")
    g.logits(x)

    tgt_len = 1 if with_past else "decoder_sequence_length"
    src = ["batch_size", "encoder_sequence_length"]
    head = [tensor("input_ids", I64, ["batch_size", tgt_len])]
    if not with_past:
        head.append(tensor("encoder_hidden_states", F32, src + [dims.d_model]))
    head.append(tensor("encoder_attention_mask", I64, src))
    logits = tensor("logits", F32, ["batch_size", tgt_len, dims.vocab])
    name = "marian_decoder_with_past" if with_past else "marian_decoder"
    return g.model(name, head + inputs, [logits] + outputs)


def write_configs(out, config, dims, seed):
    config = dict(config)
    config.update(
        d_model=dims.d_model,
        encoder_attention_heads=dims.heads,
        decoder_attention_heads=dims.heads,
        encoder_ffn_dim=dims.ffn,
        decoder_ffn_dim=dims.ffn,
        encoder_layers=dims.encoder_layers,
        decoder_layers=dims.decoder_layers,
        num_hidden_layers=dims.encoder_layers,
        use_cache=True,
    )
    config["livesubs_standin"] = {"seed": seed, "weights": "random"}
    (out / "config.json").write_text(json.dumps(config, indent=2, sort_keys=True) + "\n")
    generation = {
        key: config[key]
        for key in ("bad_words_ids", "bos_token_id", "decoder_start_token_id", "eos_token_id",
                    "max_length", "num_beams", "pad_token_id")
        if key in config
    }
    (out / "generation_config.json").write_text(json.dumps(generation, indent=2) + "\n")
    (out / "README.md").write_text(
        f"# Random-weight MarianMT stand-in (seed {seed})\n\nWritten by scripts/models/"
        "marian_standin.py: the names and shapes of an optimum export of opus-mt, random weights.\n"
    )


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="model folder to (re)write")
    ap.add_argument("--tokenizer-dir", type=Path, default=DEFAULT_TOKENIZER,
                    help="folder with source.spm, target.spm, vocab.json, config.json")
    ap.add_argument("--small", action="store_true", help="d_model 64, 4 heads, 2+2 layers")
    ap.add_argument("--layers", type=int, help="encoder and decoder layers (default: config)")
    ap.add_argument("--seed", type=int, default=20240501)
    ap.add_argument("--eos-bias", type=float, default=4.5, help="logit bias of </s>")
    args = ap.parse_args(argv)
    if args.layers is not None and not 1 <= args.layers <= 24:
        ap.error(f"--layers must be 1..24, was {args.layers}")
    missing = [n for n in TOKENIZER_FILES + ("config.json",)
               if not (args.tokenizer_dir / n).is_file()]
    if missing:
        ap.error(f"{args.tokenizer_dir} lacks {', '.join(missing)}")
    return args


def main(argv):
    args = parse_args(argv)
    config = json.loads((args.tokenizer_dir / "config.json").read_text())
    vocab = json.loads((args.tokenizer_dir / "vocab.json").read_text())
    if len(vocab) != config["vocab_size"]:
        print(f"vocab.json has {len(vocab)} entries, config.json says {config['vocab_size']}",
              file=sys.stderr)
        return 2
    layers_e, layers_d = config["encoder_layers"], config["decoder_layers"]
    d, heads, ffn = config["d_model"], config["encoder_attention_heads"], config["encoder_ffn_dim"]
    if args.small:
        d, heads, ffn, layers_e, layers_d = 64, 4, 128, 2, 2
    if args.layers is not None:
        layers_e = layers_d = args.layers
    dims = Dims(d, heads, ffn, layers_e, layers_d, config["vocab_size"],
                config["max_position_embeddings"])
    weights = make_weights(dims, args.seed, config["eos_token_id"], args.eos_bias)

    args.out.mkdir(parents=True, exist_ok=True)
    marker = args.out / ".complete"
    marker.unlink(missing_ok=True)
    onnx.save(encoder_model(dims, weights), str(args.out / "encoder_model.onnx"))
    onnx.save(decoder_model(dims, weights, False), str(args.out / "decoder_model.onnx"))
    onnx.save(decoder_model(dims, weights, True), str(args.out / "decoder_with_past_model.onnx"))
    for name in TOKENIZER_FILES:
        shutil.copyfile(args.tokenizer_dir / name, args.out / name)
    write_configs(args.out, config, dims, args.seed)
    script_hash = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
    marker.write_text(" ".join(argv) + "\n" + script_hash + "\n")
    print(f"wrote {args.out}: d_model {d}, {heads} heads, ffn {ffn}, "
          f"{layers_e}+{layers_d} layers, vocab {dims.vocab}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

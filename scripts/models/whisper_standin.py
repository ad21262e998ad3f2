#!/usr/bin/env python3
"""Writes a random-weight stand-in Whisper model folder (ONNX, optimum / onnx-community layout).

The graphs have the real architecture of the chosen size (layers, heads, dims, vocabulary, input
and output names, key/value cache), so inference costs what the real model costs; only the weights
are random (deterministic for a seed). Needs python3-onnx (1.12: opset 17, IR 8), python3-numpy.

Writes to --out: encoder_model.onnx (input_features [batch, n_mels, 3000] -> last_hidden_state
[batch, 1500, d]); decoder_model_merged.onnx (--layout merged, default) or decoder_model.onnx +
decoder_with_past_model.onnx (--layout split); config.json and generation_config.json (Hugging
Face keys); multilingual.tiktoken and mel_filters.npz copied from --assets when present.
Decoder inputs: input_ids int64 [batch, seq], encoder_hidden_states (not with past),
past_key_values.{i}.{decoder,encoder}.{key,value} [batch, heads, past, head_dim] (with past),
use_cache_branch bool [1] (merged); outputs: logits [batch, seq, vocab],
present.{i}.decoder.{key,value} and present.{i}.encoder.{key,value} (not with past).

--logit-bias TOKEN=VALUE (repeatable; TOKEN an id or a special token such as <|nospeech|>) adds a
constant to that token's logit at every step, so tests can force outputs. Exits 2 on bad input.
"""
import argparse
import json
import shutil
import sys
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17
IR_VERSION = 8
N_AUDIO_FRAMES = 3000
AUDIO_CTX = 1500
TEXT_CTX = 448
N_MELS = 80
VOCAB = 51865
EOT = 50257  # multilingual vocabulary: 50257 BPE ranks, then the special tokens

# (d_model, encoder layers, decoder layers, heads), as in the released checkpoints.
ARCHS = {"tiny": (384, 4, 4, 6), "base": (512, 6, 6, 8), "small": (768, 12, 12, 12)}

LANGUAGES = (
    "en zh de es ru ko fr ja pt tr pl ca nl ar sv it id hi fi vi he uk el ms cs ro da hu ta no th "
    "ur hr bg lt la mi ml cy sk te fa lv bn sr az sl kn et mk br eu is hy ne mn bs kk sq sw gl mr "
    "pa si km sn yo so af oc ka be tg sd gu am yi lo uz fo ht ps tk nn mt sa lb my bo tl mg as tt "
    "haw ln ha ba jw su"
).split()
SPECIALS = ["endoftext", "startoftranscript", *LANGUAGES, "translate", "transcribe", "startoflm",
            "startofprev", "nospeech", "notimestamps"]
SPECIAL_IDS = {f"<|{name}|>": EOT + i for i, name in enumerate(SPECIALS)}
TIMESTAMP_BEGIN = EOT + len(SPECIALS)
# Whisper's non-speech symbol tokens in the multilingual vocabulary (token ids, as published in
# the Hugging Face generation configs), followed by the special tokens those configs suppress.
NON_SPEECH = [
    1, 2, 7, 8, 9, 10, 14, 25, 26, 27, 28, 29, 31, 58, 59, 60, 61, 62, 63, 90, 91, 92, 93, 359,
    503, 522, 542, 873, 893, 902, 918, 922, 931, 1350, 1853, 1982, 2460, 2627, 3246, 3253, 3268,
    3536, 3846, 3961, 4183, 4667, 6585, 6647, 7273, 9061, 9383, 10428, 10929, 11938, 12033, 12331,
    12562, 13793, 14157, 14635, 15265, 15618, 16553, 16604, 18362, 18956, 20075, 21675, 22520,
    26130, 26161, 26435, 28279, 29464, 31650, 32302, 32470, 36865, 42863, 47425, 49870, 50254]
SUPPRESSED_SPECIALS = ["<|startoftranscript|>", "<|translate|>", "<|transcribe|>",
                       "<|startoflm|>", "<|startofprev|>", "<|nospeech|>"]
ASSETS = ("multilingual.tiktoken", "mel_filters.npz")


class Graph:
    """Collects nodes and constants of one (sub)graph; weights are owned by the root graph."""

    def __init__(self, weights, prefix="", root=None):
        self.weights, self.prefix = weights, prefix
        self.root = root or self
        self.nodes, self.consts, self.used = [], [], set()
        self.count = 0

    def name(self, hint):
        self.count += 1
        return f"{self.prefix}{hint}_{self.count}"

    def w(self, key):
        self.root.used.add(key)
        return key

    def const(self, value, dtype=np.int64):
        name = self.name("const")
        self.consts.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def op(self, op_type, *inputs, out=None, **attrs):
        out = out or self.name(op_type)
        node = helper.make_node(op_type, list(inputs), [out], self.name(op_type), **attrs)
        self.nodes.append(node)
        return out

    def linear(self, x, key, bias=True):
        y = self.op("MatMul", x, self.w(f"{key}.weight"))
        return self.op("Add", y, self.w(f"{key}.bias")) if bias else y

    def layer_norm(self, x, key):
        return self.op("LayerNormalization", x, self.w(f"{key}.weight"), self.w(f"{key}.bias"),
                       axis=-1, epsilon=1e-5)

    def gelu(self, x):  # exact (erf) GELU, as Whisper uses; Gelu is no ONNX op before opset 20
        inner = self.op("Erf", self.op("Mul", x, self.const(2 ** -0.5, np.float32)))
        half = self.op("Mul", x, self.const(0.5, np.float32))
        return self.op("Mul", half, self.op("Add", inner, self.const(1.0, np.float32)))

    def split_heads(self, x, heads, head_dim):  # [B, T, D] -> [B, H, T, Dh]
        y = self.op("Reshape", x, self.const([0, 0, heads, head_dim]))
        return self.op("Transpose", y, perm=[0, 2, 1, 3])

    def attention(self, key, x, k, v, heads, mask=None):
        """Scaled dot-product attention of x's queries over keys k and values v [B, H, S, Dh]."""
        d = self.weights[f"{key}.q_proj.weight"].shape[0]
        q = self.split_heads(self.linear(x, f"{key}.q_proj"), heads, d // heads)
        scores = self.op("MatMul", q, self.op("Transpose", k, perm=[0, 1, 3, 2]))
        scores = self.op("Mul", scores, self.const((d // heads) ** -0.5, np.float32))
        if mask is not None:
            scores = self.op("Add", scores, mask)
        ctx = self.op("MatMul", self.op("Softmax", scores, axis=-1), v)
        ctx = self.op("Reshape", self.op("Transpose", ctx, perm=[0, 2, 1, 3]),
                      self.const([0, 0, d]))
        return self.linear(ctx, f"{key}.out_proj")

    def kv(self, x, key, heads):
        d = self.weights[f"{key}.k_proj.weight"].shape[0]
        k = self.split_heads(self.linear(x, f"{key}.k_proj", bias=False), heads, d // heads)
        v = self.split_heads(self.linear(x, f"{key}.v_proj"), heads, d // heads)
        return k, v

    def mlp(self, x, key):
        return self.linear(self.gelu(self.linear(x, f"{key}.fc1")), f"{key}.fc2")

    def subgraph(self, name, outputs):
        infos = [helper.make_tensor_value_info(o, TensorProto.FLOAT, None) for o in outputs]
        return helper.make_graph(self.nodes, name, [], infos, self.consts)


def make_weights(arch, seed):
    """All weights, drawn in a fixed order so both decoder layouts get identical values."""
    d, enc_layers, dec_layers, _ = ARCHS[arch]
    rng = np.random.default_rng(seed)
    w = {}

    def normal(key, shape, std=0.02):
        w[key] = rng.normal(0.0, std, shape).astype(np.float32)

    def norm(key):
        w[f"{key}.weight"] = (1.0 + rng.normal(0.0, 0.02, d)).astype(np.float32)
        w[f"{key}.bias"] = rng.normal(0.0, 0.02, d).astype(np.float32)

    def attn(key):
        for proj in ("q_proj", "k_proj", "v_proj", "out_proj"):
            normal(f"{key}.{proj}.weight", (d, d))  # stored [in, out] for MatMul
            if proj != "k_proj":  # Whisper's key projections have no bias
                normal(f"{key}.{proj}.bias", (d,))

    def block(key, parts):  # a transformer layer: norms and attentions in order, then the MLP
        for part in parts:
            (norm if part.endswith("layer_norm") else attn)(f"{key}.{part}")
        for name, n_in, n_out in (("fc1", d, 4 * d), ("fc2", 4 * d, d)):
            normal(f"{key}.{name}.weight", (n_in, n_out))
            normal(f"{key}.{name}.bias", (n_out,))

    for name, n_in in (("conv1", N_MELS), ("conv2", d)):
        normal(f"encoder.{name}.weight", (d, n_in, 3), std=(n_in * 3) ** -0.5)
        normal(f"encoder.{name}.bias", (d,))
    w["encoder.embed_positions"] = sinusoids(AUDIO_CTX, d)
    for i in range(enc_layers):
        block(f"encoder.layers.{i}", ("self_attn_layer_norm", "self_attn", "final_layer_norm"))
    norm("encoder.layer_norm")
    normal("decoder.embed_tokens", (VOCAB, d))
    normal("decoder.embed_positions", (TEXT_CTX, d), std=0.01)
    for i in range(dec_layers):
        block(f"decoder.layers.{i}", ("self_attn_layer_norm", "self_attn",
              "encoder_attn_layer_norm", "encoder_attn", "final_layer_norm"))
    norm("decoder.layer_norm")
    return w


def sinusoids(length, channels):  # Whisper's fixed encoder positions
    inv = np.exp(-np.log(10000.0) / (channels // 2 - 1) * np.arange(channels // 2))
    t = np.arange(length)[:, None] * inv[None, :]
    return np.concatenate([np.sin(t), np.cos(t)], axis=1).astype(np.float32)


def finish(g, name, inputs, outputs, path):
    """Adds the used weights as initializers, checks the model and writes it."""
    inits = [numpy_helper.from_array(g.weights[k], k) for k in sorted(g.used)] + g.consts
    graph = helper.make_graph(g.nodes, name, inputs, outputs, inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="livesubs whisper_standin.py")
    model.ir_version = IR_VERSION
    onnx.checker.check_model(model)
    onnx.save(model, str(path))


tensor = helper.make_tensor_value_info
past_name = "past_key_values.{}.{}.{}".format  # (layer, decoder|encoder, key|value)


def build_encoder(w, arch, path):
    d, layers, _, heads = ARCHS[arch]
    g = Graph(w)
    x = g.gelu(g.op("Conv", "input_features", g.w("encoder.conv1.weight"),
                    g.w("encoder.conv1.bias"), kernel_shape=[3], pads=[1, 1]))
    x = g.gelu(g.op("Conv", x, g.w("encoder.conv2.weight"), g.w("encoder.conv2.bias"),
                    kernel_shape=[3], pads=[1, 1], strides=[2]))
    x = g.op("Add", g.op("Transpose", x, perm=[0, 2, 1]), g.w("encoder.embed_positions"))
    for i in range(layers):
        key = f"encoder.layers.{i}"
        h = g.layer_norm(x, f"{key}.self_attn_layer_norm")
        k, v = g.kv(h, f"{key}.self_attn", heads)
        x = g.op("Add", x, g.attention(f"{key}.self_attn", h, k, v, heads))
        x = g.op("Add", x, g.mlp(g.layer_norm(x, f"{key}.final_layer_norm"), key))
    g.layer_norm(x, "encoder.layer_norm")
    g.nodes[-1].output[0] = "last_hidden_state"
    finish(g, "whisper_encoder",
           [tensor("input_features", TensorProto.FLOAT, ["batch_size", N_MELS, N_AUDIO_FRAMES])],
           [tensor("last_hidden_state", TensorProto.FLOAT, ["batch_size", AUDIO_CTX, d])], path)


def decoder_body(g, arch, with_past, bias, out_names):
    """Decoder nodes; writes logits and presents to out_names (logits first, then per layer
    decoder key, decoder value, encoder key, encoder value)."""
    _, _, layers, heads = ARCHS[arch]
    seq = g.op("Gather", g.op("Shape", "input_ids"), g.const(1))
    past = (g.op("Gather", g.op("Shape", past_name(0, "decoder", "key")), g.const(2))
            if with_past else g.const(0))
    total = g.op("Add", past, seq)
    positions = g.op("Range", past, total, g.const(1))
    x = g.op("Add", g.op("Gather", g.w("decoder.embed_tokens"), "input_ids"),
             g.op("Gather", g.w("decoder.embed_positions"), positions))
    # Query at absolute position p may attend to keys 0..p: mask keys after it.
    later = g.op("Greater", g.op("Range", g.const(0), total, g.const(1)),
                 g.op("Unsqueeze", positions, g.const([1])))
    mask = g.op("Where", later, g.const(-1e9, np.float32), g.const(0.0, np.float32))
    outs = iter(out_names[1:])
    for i in range(layers):
        key = f"decoder.layers.{i}"
        h = g.layer_norm(x, f"{key}.self_attn_layer_norm")
        k, v = g.kv(h, f"{key}.self_attn", heads)
        if with_past:
            k = g.op("Concat", past_name(i, "decoder", "key"), k, axis=2)
            v = g.op("Concat", past_name(i, "decoder", "value"), v, axis=2)
        k, v = g.op("Identity", k, out=next(outs)), g.op("Identity", v, out=next(outs))
        x = g.op("Add", x, g.attention(f"{key}.self_attn", h, k, v, heads, mask))
        h = g.layer_norm(x, f"{key}.encoder_attn_layer_norm")
        if with_past:
            ek, ev = past_name(i, "encoder", "key"), past_name(i, "encoder", "value")
        else:
            ek, ev = g.kv("encoder_hidden_states", f"{key}.encoder_attn", heads)
        if len(out_names) > 1 + 2 * layers:  # this graph also outputs the cross-attention cache
            ek, ev = g.op("Identity", ek, out=next(outs)), g.op("Identity", ev, out=next(outs))
        x = g.op("Add", x, g.attention(f"{key}.encoder_attn", h, ek, ev, heads))
        x = g.op("Add", x, g.mlp(g.layer_norm(x, f"{key}.final_layer_norm"), key))
    x = g.layer_norm(x, "decoder.layer_norm")
    projection = g.op("Transpose", g.w("decoder.embed_tokens"), perm=[1, 0])  # tied embedding
    logits = g.op("MatMul", x, projection)
    if bias is not None:
        logits = g.op("Add", logits, g.const(bias, np.float32))
    g.op("Identity", logits, out=out_names[0])


def present_names(arch, prefix="present", encoder=True):
    parts = ("decoder", "encoder") if encoder else ("decoder",)
    return [f"{prefix}.{i}.{p}.{k}" for i in range(ARCHS[arch][2]) for p in parts
            for k in ("key", "value")]


def decoder_io(arch, kind):
    """Graph inputs and outputs of a decoder file; kind is first, with_past or merged."""
    d, _, layers, heads = ARCHS[arch]
    kv_dims = {"decoder": ["batch_size", heads, "past_decoder_sequence_length", d // heads],
               "encoder": ["batch_size", heads, "encoder_sequence_length_out", d // heads]}
    inputs = [tensor("input_ids", TensorProto.INT64, ["batch_size", "decoder_sequence_length"])]
    if kind != "with_past":
        inputs.append(tensor("encoder_hidden_states", TensorProto.FLOAT,
                             ["batch_size", "encoder_sequence_length", d]))
    if kind != "first":
        inputs += [tensor(past_name(i, p, k), TensorProto.FLOAT, kv_dims[p])
                   for i in range(layers) for p in ("decoder", "encoder") for k in ("key", "value")]
    if kind == "merged":
        inputs.append(tensor("use_cache_branch", TensorProto.BOOL, [1]))
    outputs = [tensor("logits", TensorProto.FLOAT,
                      ["batch_size", "decoder_sequence_length", VOCAB])]
    for name in present_names(arch, encoder=kind != "with_past"):
        part = name.split(".")[2]
        dims = kv_dims[part] if part == "encoder" else kv_dims[part][:2] + [
            "past_decoder_sequence_length + decoder_sequence_length", d // heads]
        outputs.append(tensor(name, TensorProto.FLOAT, dims))
    return inputs, outputs


def build_split(w, arch, bias, out_dir):
    for kind, file in (("first", "decoder_model.onnx"),
                       ("with_past", "decoder_with_past_model.onnx")):
        g = Graph(w)
        names = ["logits", *present_names(arch, encoder=kind == "first")]
        decoder_body(g, arch, kind == "with_past", bias, names)
        finish(g, f"whisper_decoder_{kind}", *decoder_io(arch, kind), out_dir / file)


def build_merged(w, arch, bias, out_dir):
    root = Graph(w)
    branches = {}
    for flag, prefix in ((True, "with_past/"), (False, "no_past/")):
        g = Graph(w, prefix, root)
        names = [prefix + "logits", *present_names(arch, prefix + "present")]
        # The cached branch passes the cross-attention cache through (Identity), as optimum's.
        decoder_body(g, arch, flag, bias, names)
        branches[flag] = g.subgraph(prefix.rstrip("/"), names)
    outputs = ["logits", *present_names(arch)]
    root.nodes.append(helper.make_node("If", ["use_cache_branch"], outputs, "optional_cache",
                                       then_branch=branches[True], else_branch=branches[False]))
    finish(root, "whisper_decoder_merged", *decoder_io(arch, "merged"),
           out_dir / "decoder_model_merged.onnx")


def write_configs(arch, seed, layout, biases, out_dir):
    d, enc_layers, dec_layers, heads = ARCHS[arch]
    suppress = NON_SPEECH + [SPECIAL_IDS[s] for s in SUPPRESSED_SPECIALS]
    config = {
        "_name_or_path": f"livesubs/whisper-{arch}-standin",
        "architectures": ["WhisperForConditionalGeneration"], "model_type": "whisper",
        "d_model": d, "encoder_layers": enc_layers, "decoder_layers": dec_layers,
        "encoder_attention_heads": heads, "decoder_attention_heads": heads,
        "encoder_ffn_dim": 4 * d, "decoder_ffn_dim": 4 * d, "num_mel_bins": N_MELS,
        "max_source_positions": AUDIO_CTX, "max_target_positions": TEXT_CTX,
        "vocab_size": VOCAB, "activation_function": "gelu", "scale_embedding": False,
        "is_encoder_decoder": True, "use_cache": True, "torch_dtype": "float32",
        "bos_token_id": EOT, "eos_token_id": EOT, "pad_token_id": EOT,
        "decoder_start_token_id": SPECIAL_IDS["<|startoftranscript|>"],
        "suppress_tokens": suppress, "begin_suppress_tokens": [220, EOT],
        "livesubs_standin": {"arch": arch, "seed": seed, "layout": layout,
                             "logit_bias": {str(t): v for t, v in sorted(biases.items())}},
    }
    generation = {
        "decoder_start_token_id": SPECIAL_IDS["<|startoftranscript|>"], "bos_token_id": EOT,
        "eos_token_id": EOT, "pad_token_id": EOT, "max_length": TEXT_CTX, "is_multilingual": True,
        "lang_to_id": {f"<|{c}|>": SPECIAL_IDS[f"<|{c}|>"] for c in LANGUAGES},
        "task_to_id": {t: SPECIAL_IDS[f"<|{t}|>"] for t in ("transcribe", "translate")},
        "no_timestamps_token_id": SPECIAL_IDS["<|notimestamps|>"],
        "prev_sot_token_id": SPECIAL_IDS["<|startofprev|>"], "max_initial_timestamp_index": 50,
        "suppress_tokens": suppress, "begin_suppress_tokens": [220, EOT],
    }
    for name, data in (("config.json", config), ("generation_config.json", generation)):
        (out_dir / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def parse_bias(text):
    """TOKEN=VALUE, TOKEN an id, a special token or a timestamp token such as <|1.00|>."""
    token, _, value = (part.strip() for part in text.partition("="))
    try:
        if token in SPECIAL_IDS:
            token_id = SPECIAL_IDS[token]
        elif token.startswith("<|") and token.endswith("|>"):
            token_id = TIMESTAMP_BEGIN + int(round(float(token[2:-2]) / 0.02))
        else:
            token_id = int(token)
        bias = float(value)
    except ValueError:
        raise ValueError(f"--logit-bias '{text}': expected TOKEN=VALUE, a known token") from None
    if not 0 <= token_id < VOCAB or not np.isfinite(bias):
        raise ValueError(f"--logit-bias '{text}': token outside 0..{VOCAB - 1} or bias not finite")
    return token_id, bias


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--arch", choices=sorted(ARCHS), required=True)
    parser.add_argument("--out", required=True, type=Path, help="model folder to write")
    parser.add_argument("--layout", choices=("merged", "split"), default="merged")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--logit-bias", action="append", default=[], metavar="TOKEN=VALUE")
    default_assets = Path(__file__).resolve().parents[3] / "shared/models/whisper-tokenizer"
    parser.add_argument("--assets", type=Path, default=default_assets,
                        help="folder with multilingual.tiktoken and mel_filters.npz to copy")
    args = parser.parse_args(argv)
    try:
        biases = dict(parse_bias(b) for b in args.logit_bias)
    except ValueError as e:
        parser.error(str(e))
    bias = np.zeros(VOCAB, np.float32) if biases else None
    for token_id, value in biases.items():
        bias[token_id] = value
    args.out.mkdir(parents=True, exist_ok=True)
    weights = make_weights(args.arch, args.seed)
    build_encoder(weights, args.arch, args.out / "encoder_model.onnx")
    (build_merged if args.layout == "merged" else build_split)(weights, args.arch, bias, args.out)
    write_configs(args.arch, args.seed, args.layout, biases, args.out)
    for asset in ASSETS:
        if (args.assets / asset).is_file():
            shutil.copyfile(args.assets / asset, args.out / asset)
        else:
            print(f"whisper_standin: no {asset} in {args.assets}; not copied", file=sys.stderr)
    print(f"whisper_standin: wrote {args.arch} ({args.layout}) to {args.out}")


if __name__ == "__main__":
    main()

#!/usr/bin/env bash
# Composes a Vosk model's lookahead graph into a static decoding graph, offline.
#
#   scripts/vosk-static-graph.sh MODEL_DIR
#
# The small English Vosk model ships its decoding graph in two halves, graph/HCLr.fst (an
# olabel_lookahead FST) and graph/Gr.fst (an n-gram FST), which Vosk composes on the fly while it
# decodes: small on disk, but most of the decoding time goes into that composition. Vosk loads
# graph/HCLG.fst instead when the file exists (vosk-api src/model.cc). This script writes it:
#
#   HCLr ∘ Gr            fstcompose; HCLr's lookahead matcher selects the same lookahead compose
#                        filter that Vosk's on-the-fly composition uses
#   disambiguation → ε   the transition-id disambiguation symbols (graph/disambig_tid.int), which
#                        Vosk's on-the-fly composition removes from the input side as well
#   const FST            loads with a single read
#
# Gr.fst's word symbol table does not survive a round trip through OpenFst 1.7's binary format (it
# holds "</s>" twice), so it is written as graph/words.txt, which Vosk reads when the graph carries
# no symbols, and the composition runs on a symbol-free copy of Gr.
#
# Deterministic (same input files, same output bytes) and skipped when graph/HCLG.fst is up to date
# (a stamp records the script version and the inputs' sizes and times). Takes about a minute and
# 0.75 GB of memory on one core. Needs the OpenFst command-line tools and their base plugins (Debian:
# libfst-tools, libfst22-plugins-base; scripts/install-prereqs.sh installs them); without them it
# prints a warning and leaves the model as it is (Vosk then composes on the fly, several times
# slower). Exit status non-zero only when the tools exist and the composition fails.
set -euo pipefail

VERSION=1

if [[ $# -ne 1 ]]; then
  echo "usage: $0 MODEL_DIR" >&2
  exit 2
fi
graph="$1/graph"
hclr="$graph/HCLr.fst"
gr="$graph/Gr.fst"
disambig="$graph/disambig_tid.int"
out="$graph/HCLG.fst"
stamp="$graph/.HCLG.stamp"

if [[ ! -f "$hclr" || ! -f "$gr" || ! -f "$disambig" ]]; then
  if [[ -f "$out" ]]; then
    exit 0 # a model with a static graph of its own
  fi
  echo "vosk-static-graph: $graph has neither HCLG.fst nor HCLr.fst + Gr.fst + disambig_tid.int" >&2
  exit 1
fi

expected_stamp="$(printf 'version=%s\n' "$VERSION"; cd "$graph" && stat -c '%n %s %Y' HCLr.fst Gr.fst disambig_tid.int)"
if [[ -f "$out" && -f "$graph/words.txt" && -f "$stamp" \
  && "$(cat "$stamp")" == "$expected_stamp" ]]; then
  exit 0
fi

for tool in fstcompose fstrelabel fstconvert fstsymbols; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "vosk-static-graph: WARNING: $tool not found (Debian: libfst-tools, libfst22-plugins-base;" \
      "scripts/install-prereqs.sh installs them); $1 keeps its lookahead graph, which decodes" \
      "several times slower" >&2
    exit 0
  fi
done

# OpenFst finds the FST types of these files (olabel_lookahead, ngram) as plugins on the library
# path; Debian installs them outside the default one.
plugin="$(find /usr/lib /usr/local/lib /usr/lib64 -maxdepth 4 -name olabel_lookahead-fst.so \
  -print -quit 2>/dev/null || true)"
if [[ -z "$plugin" ]]; then
  echo "vosk-static-graph: WARNING: the OpenFst plugin olabel_lookahead-fst.so is missing" \
    "(Debian: libfst22-plugins-base); $1 keeps its lookahead graph" >&2
  exit 0
fi
export LD_LIBRARY_PATH="$(dirname "$plugin")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"

work="$(mktemp -d "$graph/.static-graph.XXXXXX")"
trap 'rm -rf "$work"' EXIT

echo "vosk-static-graph: composing $hclr and $gr into $out (about a minute)..." >&2
rm -f "$stamp"
# Symbol "</s>" appears twice in Gr's table: keep the first of identical lines.
fstsymbols --save_osymbols="$work/words.all" "$gr" /dev/null
awk '!seen[$0]++' "$work/words.all" >"$work/words.txt"
fstsymbols --clear_isymbols --clear_osymbols "$gr" "$work/Gr.fst"
awk 'NF { print $1, 0 }' "$disambig" >"$work/disambig.pairs"
fstcompose "$hclr" "$work/Gr.fst" \
  | fstrelabel --relabel_ipairs="$work/disambig.pairs" \
  | fstconvert --fst_type=const >"$work/HCLG.fst"

# Never leave a truncated graph where Vosk would load it: move complete files into place.
mv -f "$work/words.txt" "$graph/words.txt"
mv -f "$work/HCLG.fst" "$out"
printf '%s\n' "$expected_stamp" >"$stamp"
echo "vosk-static-graph: wrote $out ($(du -m "$out" | cut -f1) MB)" >&2

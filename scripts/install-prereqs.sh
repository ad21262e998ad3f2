#!/usr/bin/env bash
# Installs the operating-system packages livesubs needs, when they are missing.
#
# Idempotent and quiet: does nothing (and prints nothing) when everything is there. Uses apt-get
# (Debian/Ubuntu); runs it through sudo only when not root. Used by `./livesubs test`.
set -euo pipefail

# One entry per prerequisite: "package" (installed when dpkg does not know it) or
# "package:command" (installed when the command is missing). Add new ones here.
#
# BUILD_PREREQS are what the build itself uses; `install-prereqs.sh --build` (run by the launcher
# before it builds) installs only those. Without options: everything, for the tests and the demo.
BUILD_PREREQS=(
  "libfst-tools:fstcompose"        # composes Vosk's static decoding graph (scripts/vosk-static-graph.sh)
  "libfst22-plugins-base"          # its FST types olabel_lookahead and ngram (the model's graph files)
)
PREREQS=(
  "${BUILD_PREREQS[@]}"
  "docker-compose:docker-compose" # validates docker-compose.yml in the test suite
  "chromium:chromium"              # headless browser tests of the player page and WebVTT output
  "pocketsphinx-testdata"          # recorded English speech (LibriVox) for `livesubs demo`
  "apertium:apertium-wblank-mode"  # rule-based translation engine (io.livesubs.inference.mt.apertium)
  "apertium-eng-spa"               # its English<->Spanish pair: `livesubs eval-mt`, translated captions
  "python3-numpy"                  # reference log-mel features for the Whisper feature tests
  "python3-regex"                  # reference BPE pre-tokenizer for the Whisper tokenizer tests
  "python3-onnx"                   # writes the random-weight stand-in Whisper and Marian ONNX models
  "python3-sentencepiece"          # reference SentencePiece output for the Marian tokenizer tests
)
if [[ "${1:-}" == "--build" ]]; then
  PREREQS=("${BUILD_PREREQS[@]}")
fi

missing=()
for entry in "${PREREQS[@]}"; do
  package="${entry%%:*}"
  command_name=""
  [[ "$entry" == *:* ]] && command_name="${entry#*:}"
  if [[ -n "$command_name" ]]; then
    command -v "$command_name" >/dev/null 2>&1 && continue
  else
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" && continue
  fi
  missing+=("$package")
done

[[ ${#missing[@]} -eq 0 ]] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-prereqs: please install: ${missing[*]} (no apt-get on this machine)" >&2
  exit 1
fi

sudo_cmd=()
if [[ "$(id -u)" -ne 0 ]]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "install-prereqs: please install as root: ${missing[*]}" >&2
    exit 1
  fi
  sudo_cmd=(sudo)
fi

echo "installing prerequisites: ${missing[*]}..." >&2
log="$(mktemp -t livesubs-prereqs.XXXXXX)"
trap 'rm -f "$log"' EXIT
if ! { "${sudo_cmd[@]}" apt-get update -qq \
  && "${sudo_cmd[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-prereqs: could not install ${missing[*]}" >&2
  exit 1
fi

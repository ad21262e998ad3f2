#!/usr/bin/env python3
"""Reference log-mel spectrogram for Whisper, in NumPy only (float64 throughout).

Follows openai/whisper audio.py step by step so the Java implementation can be checked against an
independent computation: 16 kHz audio, periodic Hann window (400), hop 160, centred STFT with
reflect padding (torch.stft center=True), |STFT|^2 with the last frame dropped, mel filters from
mel_filters.npz, log10(max(mel, 1e-10)), floor at max - 8, then (x + 4) / 4.

Usage:
  log_mel_reference.py --wav CLIP.wav --filters mel_filters.npz --n-mels 80 --out OUT.npy
                       [--no-pad] [--max-seconds S]

Writes a float64 array of shape (n_mels, frames) with numpy.save. Exits 2 on bad input.
"""
import argparse
import sys
import wave

import numpy as np

SAMPLE_RATE = 16000
N_FFT = 400
HOP_LENGTH = 160
N_SAMPLES = 30 * SAMPLE_RATE


def read_wav(path):
    with wave.open(path, "rb") as w:
        if w.getsampwidth() != 2 or w.getnchannels() != 1 or w.getframerate() != SAMPLE_RATE:
            sys.exit(f"{path}: need 16 kHz mono 16-bit PCM")
        pcm = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2")
    return pcm.astype(np.float64) / 32768.0


def log_mel(audio, filters):
    padded = np.pad(audio, N_FFT // 2, mode="reflect")
    n_frames = 1 + (len(padded) - N_FFT) // HOP_LENGTH
    index = np.arange(N_FFT)[None, :] + HOP_LENGTH * np.arange(n_frames)[:, None]
    window = 0.5 - 0.5 * np.cos(2 * np.pi * np.arange(N_FFT) / N_FFT)
    spectrum = np.fft.rfft(padded[index] * window, axis=1)
    power = (np.abs(spectrum) ** 2)[:-1]
    mel = filters @ power.T
    log_spec = np.log10(np.maximum(mel, 1e-10))
    log_spec = np.maximum(log_spec, log_spec.max() - 8.0)
    return (log_spec + 4.0) / 4.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wav", required=True)
    parser.add_argument("--filters", required=True, help="mel_filters.npz")
    parser.add_argument("--n-mels", type=int, default=80, choices=(80, 128))
    parser.add_argument("--out", required=True)
    parser.add_argument("--no-pad", action="store_true", help="do not pad/trim to 30 s")
    parser.add_argument("--max-seconds", type=float, help="use only the first S seconds")
    args = parser.parse_args()

    audio = read_wav(args.wav)
    if args.max_seconds is not None:
        audio = audio[: int(round(args.max_seconds * SAMPLE_RATE))]
    if not args.no_pad:
        audio = np.pad(audio[:N_SAMPLES], (0, max(0, N_SAMPLES - len(audio))))
    with np.load(args.filters) as npz:
        filters = npz[f"mel_{args.n_mels}"].astype(np.float64)
    np.save(args.out, log_mel(audio, filters).astype(np.float64))


if __name__ == "__main__":
    main()

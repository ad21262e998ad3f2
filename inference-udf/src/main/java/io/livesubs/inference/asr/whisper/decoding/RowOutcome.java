package io.livesubs.inference.asr.whisper.decoding;

/**
 * What one row sampled, before the window's guards judge it. Package-private; arrays are owned by
 * the record and not shared.
 */
record RowOutcome(
    int[] tokens,
    float[] logprobs,
    double avgLogprob,
    double noSpeechProbability,
    String language,
    double languageProbability,
    FinishReason finish) {}

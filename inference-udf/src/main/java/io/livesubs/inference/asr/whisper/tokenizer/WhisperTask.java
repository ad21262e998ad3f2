package io.livesubs.inference.asr.whisper.tokenizer;

/** What a multilingual Whisper model is asked to do with the audio. */
public enum WhisperTask {
  /** Write down the speech in its own language. */
  TRANSCRIBE,
  /** Translate the speech into English. */
  TRANSLATE
}

package io.livesubs.inference.vad;

import java.util.Arrays;

/**
 * The recurrent state of one stream's Silero VAD: the model's hidden state ({@value
 * #RNN_STATE_SIZE} floats, laid out as {@code [2][1][128]}) and the last {@value #CONTEXT_SIZE}
 * samples of the previous window, which the model sees before the next window.
 *
 * <p>Immutable value: the arrays are copied in and out, so it can be kept in Flink keyed state and
 * restored bit-exactly. {@link #equals} compares the floats bit for bit.
 */
public final class VadState {
  /** Floats in the model's recurrent state ({@code 2 x 128}). */
  public static final int RNN_STATE_SIZE = 2 * 128;

  /** Samples of context carried from one window to the next. */
  public static final int CONTEXT_SIZE = 64;

  private static final VadState INITIAL =
      new VadState(new float[RNN_STATE_SIZE], new float[CONTEXT_SIZE]);

  private final float[] rnn;
  private final float[] context;

  private VadState(float[] rnn, float[] context) {
    this.rnn = rnn;
    this.context = context;
  }

  /** The state of a fresh stream: zeros. */
  public static VadState initial() {
    return INITIAL;
  }

  /**
   * A state from its parts (copied).
   *
   * @throws IllegalArgumentException if an array has the wrong length
   */
  public static VadState of(float[] rnnState, float[] context) {
    if (rnnState == null || rnnState.length != RNN_STATE_SIZE) {
      throw new IllegalArgumentException(
          "VAD rnn state must have " + RNN_STATE_SIZE + " floats, had " + len(rnnState));
    }
    if (context == null || context.length != CONTEXT_SIZE) {
      throw new IllegalArgumentException(
          "VAD context must have " + CONTEXT_SIZE + " floats, had " + len(context));
    }
    return new VadState(rnnState.clone(), context.clone());
  }

  /** Takes ownership of the arrays without copying; for {@link SileroVad} only. */
  static VadState wrap(float[] rnnState, float[] context) {
    return new VadState(rnnState, context);
  }

  /** A copy of the recurrent state ({@value #RNN_STATE_SIZE} floats). */
  public float[] rnnState() {
    return rnn.clone();
  }

  /** A copy of the context ({@value #CONTEXT_SIZE} samples). */
  public float[] context() {
    return context.clone();
  }

  /** Read-only view for {@link SileroVad}; callers must not modify it. */
  float[] rnnStateView() {
    return rnn;
  }

  /** Read-only view for {@link SileroVad}; callers must not modify it. */
  float[] contextView() {
    return context;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VadState other
        && Arrays.equals(rnn, other.rnn)
        && Arrays.equals(context, other.context);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(rnn) + Arrays.hashCode(context);
  }

  @Override
  public String toString() {
    return "VadState[initial=" + equals(INITIAL) + "]";
  }

  private static String len(float[] a) {
    return a == null ? "null" : Integer.toString(a.length);
  }
}

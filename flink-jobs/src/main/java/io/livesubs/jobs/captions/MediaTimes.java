package io.livesubs.jobs.captions;

/** Saturating arithmetic on media times, so that huge configured limits cannot overflow. */
final class MediaTimes {

  private MediaTimes() {}

  /** {@code a + b}, clamped to the {@code long} range. */
  static long add(long a, long b) {
    long sum = a + b;
    // Overflow happened iff both operands have the same sign and the sum's sign differs.
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
    return sum;
  }
}

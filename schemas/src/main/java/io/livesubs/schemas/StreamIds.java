package io.livesubs.schemas;

import java.util.regex.Pattern;

/**
 * The one rule for stream ids, shared by ingest, the job and the delivery service: 1 to 64
 * characters from {@code [A-Za-z0-9._-]}, starting with a letter or digit. Ids are used in file
 * names and URL paths, so the rule keeps out path separators, {@code ..} and whitespace.
 */
public final class StreamIds {

  /** Longest accepted stream id. */
  public static final int MAX_LENGTH = 64;

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private StreamIds() {}

  /** Returns whether {@code id} is a valid stream id. */
  public static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches() && !id.contains("..");
  }

  /**
   * Returns {@code id} if valid.
   *
   * @throws IllegalArgumentException naming what is wrong with the id
   */
  public static String validate(String id) {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("stream id is empty");
    }
    if (id.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "stream id is " + id.length() + " characters long, at most " + MAX_LENGTH + " allowed");
    }
    if (!isValid(id)) {
      throw new IllegalArgumentException(
          "stream id '"
              + id
              + "' is invalid: use letters, digits, '.', '_' and '-', starting with a letter or"
              + " digit, and no '..'");
    }
    return id;
  }
}

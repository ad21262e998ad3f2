package io.livesubs.sink.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One byte range of a resource, as asked for by a {@code Range} request header (RFC 9110 §14):
 * {@code bytes=first-last}, {@code bytes=first-} or the suffix {@code bytes=-count}. Only single
 * ranges are served; a header the server may ignore (another unit, several ranges, a malformed or
 * backwards range) asks for the whole resource, as RFC 9110 allows. Immutable.
 *
 * @param first first byte, inclusive
 * @param last last byte, inclusive
 */
record ByteRange(long first, long last) {

  private static final Pattern SINGLE = Pattern.compile("bytes=([0-9]{0,18})-([0-9]{0,18})");

  /** Number of bytes in the range. */
  long length() {
    return last - first + 1;
  }

  /** The {@code Content-Range} value of this range in a resource of {@code size} bytes. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * Parses a {@code Range} header for a resource of {@code size} bytes.
   *
   * @param header the header value, or {@code null}
   * @return the range to send, or empty to send the whole resource
   * @throws HttpError 416 when the range is well-formed but lies outside the resource
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null) {
      return Optional.empty();
    }
    Matcher m = SINGLE.matcher(header.trim());
    if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
      return Optional.empty();
    }
    if (m.group(1).isEmpty()) {
      long suffix = Long.parseLong(m.group(2));
      if (suffix == 0 || size == 0) {
        throw unsatisfiable(header, size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = Long.parseLong(m.group(1));
    long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
    if (last < first) {
      return Optional.empty();
    }
    if (first >= size) {
      throw unsatisfiable(header, size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }

  private static HttpError unsatisfiable(String header, long size) {
    return new HttpError(
        416, "range '" + header + "' is outside the resource of " + size + " bytes");
  }
}

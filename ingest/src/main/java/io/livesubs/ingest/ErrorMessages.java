package io.livesubs.ingest;

import java.util.ArrayList;
import java.util.List;

/** Builds one-line error messages for users from exception chains. Stateless. */
public final class ErrorMessages {

  private ErrorMessages() {}

  /**
   * The distinct messages along the cause chain of {@code t}, joined with {@code ": "} on one line
   * (wrappers like {@code ExecutionException} often repeat or hide the useful text).
   */
  public static String of(Throwable t) {
    List<String> parts = new ArrayList<>();
    Throwable c = t;
    for (int depth = 0; c != null && depth < 8; depth++, c = c.getCause()) {
      String m = c.getMessage();
      if (m == null || m.isBlank() || (c.getCause() != null && m.equals(c.getCause().toString()))) {
        continue; // blank, or a wrapper that only repeats its cause
      }
      m = m.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
      String current = m;
      if (parts.stream().noneMatch(p -> p.contains(current))) {
        parts.add(m);
      }
    }
    return parts.isEmpty() ? t.getClass().getSimpleName() : String.join(": ", parts);
  }
}

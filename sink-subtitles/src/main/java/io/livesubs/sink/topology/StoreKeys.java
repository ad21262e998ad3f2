package io.livesubs.sink.topology;

/**
 * Key layout of the state stores. Keys start with {@code streamId|language|} so that one timeline
 * is a contiguous key range; numbers are zero-padded to 19 digits so that the lexicographic order
 * of the serialized keys is the numeric order. Stream ids and language tags never contain {@code |}
 * (see {@code StreamIds} and {@code Languages}), so prefixes do not collide. Stateless and
 * thread-safe.
 */
public final class StoreKeys {

  private static final char SEPARATOR = '|';
  private static final String MAX_NUMBER = "9999999999999999999";

  private StoreKeys() {}

  /** Key of a timeline in the timelines store: {@code streamId|language}. */
  public static String timeline(String streamId, String language) {
    return streamId + SEPARATOR + language;
  }

  /** Lower bound (inclusive) of the timelines-store keys of one stream. */
  public static String streamFrom(String streamId) {
    return streamId + SEPARATOR;
  }

  /** Upper bound (inclusive) of the timelines-store keys of one stream. */
  public static String streamTo(String streamId) {
    // '~' sorts after every character a language tag may contain.
    return streamId + SEPARATOR + '~';
  }

  /** Key of a cue in the cues store: {@code streamId|language|cueSeq}. */
  public static String cue(String streamId, String language, long cueSeq) {
    return numbered(streamId, language, cueSeq);
  }

  /** Key of a change in the changes store: {@code streamId|language|changeSeq}. */
  public static String change(String streamId, String language, long changeSeq) {
    return numbered(streamId, language, changeSeq);
  }

  /** Upper bound (inclusive) of the numbered keys of one timeline. */
  public static String numberedTo(String streamId, String language) {
    return timeline(streamId, language) + SEPARATOR + MAX_NUMBER;
  }

  private static String numbered(String streamId, String language, long number) {
    if (number < 0) {
      throw new IllegalArgumentException("store key numbers must be >= 0, got " + number);
    }
    return timeline(streamId, language) + SEPARATOR + String.format("%019d", number);
  }
}

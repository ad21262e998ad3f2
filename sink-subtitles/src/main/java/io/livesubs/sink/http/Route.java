package io.livesubs.sink.http;

import io.livesubs.schemas.StreamIds;
import io.livesubs.sink.cue.Languages;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A parsed request path. Parsing is strict: the raw path may contain only unreserved URL characters
 * (so no percent-encoding, hence no encoded {@code ..} or {@code /}), no empty, {@code .} or {@code
 * ..} segments, and stream ids and languages must pass their validation; anything else is a 400.
 * Paths that match no route are a 404. Immutable.
 *
 * @param kind what is asked for
 * @param streamId stream id, for stream routes
 * @param language language, for timeline routes
 * @param name the raw file name: the segment number for {@link Kind#SEGMENT}, the asset name for
 *     {@link Kind#PLAYER_ASSET}
 */
record Route(Kind kind, String streamId, String language, String name) {

  /** Routes served. */
  enum Kind {
    PLAYER_PAGE,
    PLAYER_ASSET,
    INDEX,
    HEALTH,
    METRICS,
    STREAMS,
    STREAM,
    EVENTS,
    WEBVTT,
    SRT,
    PLAYLIST,
    SEGMENT,
    MEDIA
  }

  /** File name of a stream's media under {@code /streams/{id}/}. */
  static final String MEDIA_FILE = "media.wav";

  private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9._~/-]*");

  /**
   * Returns whether this route is answered from one stream's state, so by the instance owning the
   * stream (and may have to be forwarded). Media files are not stream state: every instance serves
   * its own media directory.
   */
  boolean perStream() {
    return streamId != null && kind != Kind.MEDIA;
  }

  /**
   * Parses a raw (still percent-encoded) request path.
   *
   * @throws HttpError 400 for malformed paths and invalid ids, 404 for unknown routes
   */
  static Route parse(String rawPath) {
    if (rawPath == null || rawPath.isEmpty() || rawPath.equals("/")) {
      return new Route(Kind.PLAYER_PAGE, null, null, null);
    }
    if (!rawPath.startsWith("/") || !SAFE_PATH.matcher(rawPath).matches()) {
      throw HttpError.badRequest(
          "malformed path: only letters, digits, '.', '_', '-', '~' and '/' are allowed");
    }
    String[] parts = rawPath.substring(1).split("/", -1);
    for (String part : parts) {
      if (part.isEmpty() || part.equals(".") || part.equals("..")) {
        throw HttpError.badRequest("malformed path: empty, '.' or '..' segment");
      }
    }
    switch (parts[0]) {
      case "api":
        return only(parts, 1, Kind.INDEX);
      case "player":
        if (parts.length == 2) {
          return new Route(Kind.PLAYER_ASSET, null, null, parts[1]);
        }
        throw HttpError.notFound("no such resource: " + rawPath);
      case "healthz":
        return only(parts, 1, Kind.HEALTH);
      case "metrics":
        return only(parts, 1, Kind.METRICS);
      case "streams":
        return streamRoute(parts);
      default:
        throw HttpError.notFound("no such resource: " + rawPath);
    }
  }

  private static Route only(String[] parts, int length, Kind kind) {
    if (parts.length != length) {
      throw HttpError.notFound("no such resource: /" + String.join("/", parts));
    }
    return new Route(kind, null, null, null);
  }

  private static Route streamRoute(String[] parts) {
    if (parts.length == 1) {
      return new Route(Kind.STREAMS, null, null, null);
    }
    String streamId = streamId(parts[1]);
    if (parts.length == 2) {
      return new Route(Kind.STREAM, streamId, null, null);
    }
    if (parts.length == 3) {
      String name = parts[2];
      if (name.equals("events")) {
        return new Route(Kind.EVENTS, streamId, null, null);
      }
      if (name.equals(MEDIA_FILE)) {
        return new Route(Kind.MEDIA, streamId, null, null);
      }
      if (name.endsWith(".vtt")) {
        return new Route(Kind.WEBVTT, streamId, language(strip(name, ".vtt")), null);
      }
      if (name.endsWith(".srt")) {
        return new Route(Kind.SRT, streamId, language(strip(name, ".srt")), null);
      }
    } else if (parts.length == 4) {
      String language = language(parts[2]);
      if (parts[3].equals("playlist.m3u8")) {
        return new Route(Kind.PLAYLIST, streamId, language, null);
      }
      if (parts[3].endsWith(".vtt")) {
        return new Route(Kind.SEGMENT, streamId, language, strip(parts[3], ".vtt"));
      }
    }
    throw HttpError.notFound("no such resource: /" + String.join("/", parts));
  }

  private static String strip(String name, String suffix) {
    return name.substring(0, name.length() - suffix.length());
  }

  static String streamId(String raw) {
    try {
      return StreamIds.validate(raw);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  static String language(String raw) {
    try {
      return Languages.validate(raw);
    } catch (IllegalArgumentException e) {
      throw HttpError.badRequest(e.getMessage());
    }
  }

  /**
   * Parses a segment number.
   *
   * @throws HttpError 400 when it is not a non-negative decimal number
   */
  static long segmentNumber(String raw) {
    if (!raw.matches("[0-9]{1,18}")) {
      throw HttpError.badRequest("segment number '" + raw + "' is not a non-negative number");
    }
    return Long.parseLong(raw);
  }

  /**
   * Parses a raw query string; the first value of a repeated name wins.
   *
   * @throws HttpError 400 when it cannot be decoded
   */
  static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      try {
        params.putIfAbsent(
            URLDecoder.decode(name, StandardCharsets.UTF_8),
            URLDecoder.decode(value, StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw HttpError.badRequest("malformed query string: " + e.getMessage());
      }
    }
    return params;
  }
}

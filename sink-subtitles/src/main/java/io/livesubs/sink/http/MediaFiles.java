package io.livesubs.sink.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Serves a stream's media, {@code <media dir>/<stream id>.wav}, for the player page's {@code
 * <audio>} element, with single byte ranges so the element can seek. The stream id has been
 * validated (no separators, no {@code ..}); the file's real path must still lie inside the
 * directory, so a link pointing elsewhere is not followed out. Without a media directory every
 * stream has no media (404). Stateless apart from the directory; thread-safe.
 */
final class MediaFiles {

  private final Path dir;

  /**
   * @param dir the media directory, or {@code null} for none
   * @throws IllegalArgumentException when {@code dir} is not an existing directory
   */
  MediaFiles(Path dir) {
    if (dir != null && !Files.isDirectory(dir)) {
      throw new IllegalArgumentException("media directory " + dir + " is not a directory");
    }
    try {
      this.dir = dir == null ? null : dir.toRealPath();
    } catch (IOException e) {
      throw new IllegalArgumentException("media directory " + dir + " is not readable: " + e, e);
    }
  }

  /** Answers {@code GET}/{@code HEAD /streams/{id}/media.wav}, honouring {@code Range}. */
  void serve(HttpExchange exchange, String streamId) throws IOException {
    Path file = find(streamId);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
      Optional<ByteRange> range;
      try {
        range = ByteRange.parse(exchange.getRequestHeaders().getFirst("Range"), size);
      } catch (HttpError e) {
        exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
        throw e;
      }
      long first = range.map(ByteRange::first).orElse(0L);
      long length = range.map(ByteRange::length).orElse(size);
      range.ifPresent(
          r -> exchange.getResponseHeaders().set("Content-Range", r.contentRange(size)));
      int status = range.isPresent() ? 206 : 200;
      exchange.getResponseHeaders().set("Content-Type", "audio/wav");
      // The file may be replaced by a new recording under the same name.
      exchange.getResponseHeaders().set("Cache-Control", HttpResponses.NO_CACHE);
      try (exchange) {
        if (exchange.getRequestMethod().equals("HEAD")) {
          exchange.getResponseHeaders().set("Content-Length", Long.toString(length));
          exchange.sendResponseHeaders(status, -1);
          return;
        }
        exchange.sendResponseHeaders(status, length == 0 ? -1 : length);
        if (length > 0) {
          try (OutputStream out = exchange.getResponseBody()) {
            copy(channel, first, length, Channels.newChannel(out));
          }
        }
      }
    }
  }

  private Path find(String streamId) throws IOException {
    HttpError missing = HttpError.notFound("stream '" + streamId + "' has no media");
    if (dir == null) {
      throw missing;
    }
    Path real;
    try {
      real = dir.resolve(streamId + ".wav").toRealPath();
    } catch (NoSuchFileException e) {
      throw missing;
    }
    if (!real.startsWith(dir) || !Files.isRegularFile(real)) {
      throw missing;
    }
    return real;
  }

  private static void copy(FileChannel in, long first, long length, WritableByteChannel out)
      throws IOException {
    long position = first;
    long end = first + length;
    while (position < end) {
      long sent = in.transferTo(position, end - position, out);
      if (sent <= 0) {
        // The file shrank while being sent; the client sees a short body and retries.
        throw new IOException("media file ended at byte " + position + " of " + end);
      }
      position += sent;
    }
  }
}

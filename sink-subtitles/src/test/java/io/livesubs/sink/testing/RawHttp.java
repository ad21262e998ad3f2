package io.livesubs.sink.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request line exactly as written (no client-side normalisation of {@code ..} or
 * percent-encoding) and returns the status code and raw response.
 */
public final class RawHttp {

  private RawHttp() {}

  /** Sends {@code method target HTTP/1.1} and returns the response. */
  public static Response request(int port, String method, String target) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.UTF_8);
      int status = Integer.parseInt(text.substring(9, 12));
      return new Response(status, text);
    }
  }

  /**
   * A raw response.
   *
   * @param status status code
   * @param text status line, headers and body
   */
  public record Response(int status, String text) {}
}

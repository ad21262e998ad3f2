package io.livesubs.app.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * The loopback interface all embedded servers listen on, and a way to find a free port on it.
 *
 * <p>A free port is needed only where a server must know its port before it starts (the KRaft
 * controller is named in the voter list it starts with). The port is free when returned but could
 * be taken before the server binds it; callers retry on a bind failure.
 */
public final class Loopback {

  /** Address every embedded server binds to and advertises. */
  public static final String HOST = "127.0.0.1";

  private Loopback() {}

  /**
   * Fails with a message naming {@code what} when {@code port} is taken on {@link #HOST}, so that a
   * server asked for a fixed port fails before starting rather than half-way. Port 0 passes.
   */
  public static void requireFree(int port, String what) {
    if (!isFree(port)) {
      throw new IllegalStateException(
          what + " port " + port + " on " + HOST + " is already in use");
    }
  }

  /** Whether {@code port} could be bound on {@link #HOST} just now; port 0 always can. */
  public static boolean isFree(int port) {
    if (port == 0) {
      return true;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(HOST, port), 1);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Returns a port that was free on {@link #HOST} at the time of the call. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot find a free port on " + HOST, e);
    }
  }
}

package io.livesubs.sink.query;

import java.net.URI;
import java.util.List;

/**
 * Says which instance of the service holds a stream's timelines, for answering or forwarding a
 * request. Thread-safe.
 */
public interface StreamLocator {

  /** A single instance: every stream is local. */
  StreamLocator LOCAL_ONLY =
      new StreamLocator() {
        @Override
        public Location locate(String streamId) {
          return Location.LOCAL;
        }

        @Override
        public List<URI> peers() {
          return List.of();
        }
      };

  /** Where the stream's timelines live now. */
  Location locate(String streamId);

  /** Base URLs ({@code http://host:port}) of the other instances. */
  List<URI> peers();

  /**
   * Where a stream lives.
   *
   * @param kind local, on another instance, or unknown for now (rebalancing)
   * @param owner base URL of the owning instance when {@code kind} is {@link Kind#REMOTE}
   */
  record Location(Kind kind, URI owner) {

    /** The stream is on this instance. */
    public static final Location LOCAL = new Location(Kind.LOCAL, null);

    /** Ownership is not known right now. */
    public static final Location UNAVAILABLE = new Location(Kind.UNAVAILABLE, null);

    /** The stream is on the instance at {@code owner}. */
    public static Location remote(URI owner) {
      return new Location(Kind.REMOTE, owner);
    }
  }

  /** Kinds of {@link Location}. */
  enum Kind {
    LOCAL,
    REMOTE,
    UNAVAILABLE
  }
}

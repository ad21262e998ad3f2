package io.livesubs.inference.models;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reference-counted, per-JVM sharing of expensive native resources (loaded models, ONNX sessions),
 * so that all Flink subtasks in one TaskManager JVM share one copy.
 *
 * <p>{@link #acquire} loads the resource on first use and hands out a {@link Lease}; the resource
 * is closed when the last lease is closed. Thread-safe: loading happens under the registry lock, so
 * concurrent first users of the same key wait for one load instead of loading twice.
 *
 * @param <K> the key (e.g. a normalised model path plus options); must have value equality
 * @param <V> the shared resource; must be safe for concurrent use by its leaseholders
 */
public final class SharedResourceRegistry<K, V extends AutoCloseable> {
  private static final Logger LOG = LoggerFactory.getLogger(SharedResourceRegistry.class);

  /** Loads the resource for a key; may throw anything, which is wrapped. */
  @FunctionalInterface
  public interface Loader<K, V> {
    /**
     * @param key the key being loaded
     * @return the loaded resource, never null
     * @throws Exception if loading fails
     */
    V load(K key) throws Exception;
  }

  private final String kind;
  private final Map<K, Entry<V>> entries = new HashMap<>();

  /**
   * @param kind what is shared, for log and error messages (e.g. "Vosk model")
   */
  public SharedResourceRegistry(String kind) {
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /**
   * Returns a lease on the resource for {@code key}, loading it if no lease is open.
   *
   * @throws ModelLoadException if the loader fails
   */
  public synchronized Lease<V> acquire(K key, Loader<K, V> loader) {
    Objects.requireNonNull(key, "key");
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      V value;
      try {
        value = Objects.requireNonNull(loader.load(key), "loader returned null");
      } catch (ModelLoadException e) {
        throw e;
      } catch (Exception e) {
        throw new ModelLoadException("Cannot load " + kind + " " + key + ": " + e.getMessage(), e);
      }
      LOG.info("Loaded {} {}", kind, key);
      entry = new Entry<>(value);
      entries.put(key, entry);
    }
    entry.refs++;
    return new Lease<>(entry.value, () -> release(key), kind + " " + key);
  }

  /** Number of open leases for {@code key} (0 when not loaded). */
  public synchronized int leases(K key) {
    Entry<V> entry = entries.get(key);
    return entry == null ? 0 : entry.refs;
  }

  private synchronized void release(K key) {
    Entry<V> entry = entries.get(key);
    if (entry == null) {
      return;
    }
    if (--entry.refs == 0) {
      entries.remove(key);
      try {
        entry.value.close();
        LOG.info("Closed {} {}", kind, key);
      } catch (Exception e) {
        LOG.warn("Closing {} {} failed", kind, key, e);
      }
    }
  }

  private static final class Entry<V> {
    final V value;
    int refs;

    Entry(V value) {
      this.value = value;
    }
  }

  /**
   * One holder's claim on a shared resource. {@link #close()} is idempotent; using {@link #get()}
   * after close fails. A lease may be closed from any thread.
   *
   * @param <V> the shared resource
   */
  public static final class Lease<V extends AutoCloseable> implements AutoCloseable {
    private final V value;
    private final Runnable release;
    private final String description;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Lease(V value, Runnable release, String description) {
      this.value = value;
      this.release = release;
      this.description = description;
    }

    /**
     * The shared resource.
     *
     * @throws IllegalStateException if this lease is closed
     */
    public V get() {
      if (closed.get()) {
        throw new IllegalStateException("Lease on " + description + " is closed");
      }
      return value;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        release.run();
      }
    }
  }
}

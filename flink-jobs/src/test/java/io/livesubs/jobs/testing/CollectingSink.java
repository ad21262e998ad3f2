package io.livesubs.jobs.testing;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

/**
 * A sink for mini-cluster tests that keeps what it receives in this JVM, under a name so that
 * concurrent tests do not mix their records.
 *
 * @param <T> record type
 */
public final class CollectingSink<T> implements Sink<T> {

  private static final long serialVersionUID = 1L;
  private static final ConcurrentHashMap<String, ConcurrentLinkedQueue<Object>> RECEIVED =
      new ConcurrentHashMap<>();

  private final String name;

  /** A sink collecting under {@code name}, emptied now. */
  public CollectingSink(String name) {
    this.name = name;
    RECEIVED.put(name, new ConcurrentLinkedQueue<>());
  }

  /** Everything received so far. */
  @SuppressWarnings("unchecked")
  public List<T> received() {
    return (List<T>) List.copyOf(RECEIVED.get(name));
  }

  @Override
  public SinkWriter<T> createWriter(WriterInitContext context) {
    ConcurrentLinkedQueue<Object> target = RECEIVED.get(name);
    return new SinkWriter<>() {
      @Override
      public void write(T element, Context ctx) {
        target.add(element);
      }

      @Override
      public void flush(boolean endOfInput) {}

      @Override
      public void close() {}
    };
  }
}

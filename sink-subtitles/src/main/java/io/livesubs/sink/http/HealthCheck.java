package io.livesubs.sink.http;

/**
 * Reports whether the service can answer: for the full service, whether Kafka Streams is running or
 * rebalancing. Implementations are thread-safe and return quickly.
 */
@FunctionalInterface
public interface HealthCheck {

  /** Always up; for tests and tools without Kafka Streams. */
  HealthCheck ALWAYS_UP = () -> new Health(true, "UP");

  /** Returns the current health. */
  Health check();

  /**
   * Health at one moment.
   *
   * @param up whether requests can be answered
   * @param state a short description, e.g. the Kafka Streams state
   */
  record Health(boolean up, String state) {}
}

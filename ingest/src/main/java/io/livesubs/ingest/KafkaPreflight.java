package io.livesubs.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;

/**
 * Checks that a Kafka cluster answers before producing to it, so an unreachable broker is reported
 * as such within a bounded time (a producer alone would only time out on its first send, with a
 * message about topic metadata). Stateless.
 */
final class KafkaPreflight {

  private KafkaPreflight() {}

  /**
   * Asks the cluster for its nodes.
   *
   * @param clientProperties extra client settings; those that apply to an admin client (security,
   *     for instance) are used
   * @throws IngestException naming the address if no broker answers within {@code timeout}
   */
  static void checkReachable(
      String bootstrapServers, Map<String, Object> clientProperties, Duration timeout) {
    Map<String, Object> props = new HashMap<>();
    clientProperties.forEach(
        (k, v) -> {
          if (AdminClientConfig.configNames().contains(k)) {
            props.put(k, v);
          }
        });
    int ms = (int) timeout.toMillis();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, ms);
    props.put(AdminClientConfig.CLIENT_ID_CONFIG, "livesubs-ingest-preflight");
    String failure = "cannot reach Kafka at " + bootstrapServers;
    Admin admin;
    try {
      admin = Admin.create(props);
    } catch (KafkaException e) {
      throw new IngestException(failure + ": " + ErrorMessages.of(e), e);
    }
    try {
      admin
          .describeCluster(new DescribeClusterOptions().timeoutMs(ms))
          .nodes()
          .get(ms + 2000L, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw noAnswer(failure, timeout, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
        throw noAnswer(failure, timeout, e);
      }
      throw new IngestException(failure + ": " + ErrorMessages.of(e.getCause()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IngestException(failure + ": interrupted", e);
    } finally {
      admin.close(Duration.ofSeconds(1));
    }
  }

  private static IngestException noAnswer(String failure, Duration timeout, Exception e) {
    return new IngestException(
        failure + ": no broker answered within " + timeout.toSeconds() + " s", e);
  }
}

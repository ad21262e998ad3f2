package io.livesubs.app.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The server properties of a single-node KRaft cluster (combined broker and controller, node id 1)
 * listening on 127.0.0.1.
 *
 * <p>Everything that Kafka replicates is set to one replica, because there is only one node.
 * Transactions may stay open for up to an hour, well above the 15 minutes that Flink's exactly-once
 * Kafka sink asks for by default.
 */
final class BrokerProperties {

  /** Node id of the single combined broker/controller. */
  static final int NODE_ID = 1;

  static final String BROKER_LISTENER = "PLAINTEXT";
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  /** The longest transaction a producer may ask for; Flink's exactly-once sink needs ≥ 15 min. */
  static final Duration TRANSACTION_MAX_TIMEOUT = Duration.ofHours(1);

  private BrokerProperties() {}

  /**
   * Builds the server properties.
   *
   * @param brokerPort port of the client listener
   * @param controllerPort port of the controller listener
   * @param logDir where the broker keeps partitions and the metadata log
   * @param overrides extra server properties; they win over the defaults here
   */
  static Properties of(
      int brokerPort, int controllerPort, Path logDir, Map<String, String> overrides) {
    Properties props = new Properties();
    props.put("process.roles", "broker,controller");
    props.put("node.id", Integer.toString(NODE_ID));
    props.put("controller.quorum.voters", NODE_ID + "@" + Loopback.HOST + ":" + controllerPort);
    props.put(
        "listeners",
        BROKER_LISTENER
            + "://"
            + Loopback.HOST
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + Loopback.HOST
            + ":"
            + controllerPort);
    props.put("advertised.listeners", BROKER_LISTENER + "://" + Loopback.HOST + ":" + brokerPort);
    props.put(
        "listener.security.protocol.map",
        BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    props.put("controller.listener.names", CONTROLLER_LISTENER);
    props.put("inter.broker.listener.name", BROKER_LISTENER);
    props.put("log.dirs", logDir.toAbsolutePath().toString());

    // One node: every internal topic has exactly one replica.
    props.put("offsets.topic.replication.factor", "1");
    props.put("transaction.state.log.replication.factor", "1");
    props.put("transaction.state.log.min.isr", "1");
    props.put("share.coordinator.state.topic.replication.factor", "1");
    props.put("share.coordinator.state.topic.min.isr", "1");
    props.put("default.replication.factor", "1");
    props.put("min.insync.replicas", "1");
    // Fewer internal partitions: the first consumer group / transaction starts in milliseconds.
    props.put("offsets.topic.num.partitions", "4");
    props.put("transaction.state.log.num.partitions", "4");

    props.put("group.initial.rebalance.delay.ms", "0");
    props.put("transaction.max.timeout.ms", Long.toString(TRANSACTION_MAX_TIMEOUT.toMillis()));
    // Topics are created explicitly (LivesubsTopics); a typo in a topic name should fail loudly.
    props.put("auto.create.topics.enable", "false");
    // The log cleaner's dedupe buffer lives on the heap (128 MiB by default): too much for a
    // broker that shares its JVM with Flink and the tests.
    props.put("log.cleaner.dedupe.buffer.size", Integer.toString(16 * 1024 * 1024));
    props.putAll(overrides);
    return props;
  }
}

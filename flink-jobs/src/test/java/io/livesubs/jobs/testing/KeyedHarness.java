package io.livesubs.jobs.testing;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.metrics.Metric;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

/**
 * A keyed process function in Flink's keyed operator test harness (real state backend, real
 * snapshots), with its metrics readable by name.
 *
 * @param <I> input type
 * @param <O> output type
 */
public final class KeyedHarness<I, O> implements AutoCloseable {

  private final KeyedOneInputStreamOperatorTestHarness<String, I, O> harness;
  private final RecordingTaskMetricGroup metrics = new RecordingTaskMetricGroup();
  private long checkpointId;

  private KeyedHarness(
      KeyedProcessFunction<String, I, O> function,
      KeySelector<I, String> key,
      TypeInformation<O> outputType,
      OperatorSubtaskState restore)
      throws Exception {
    harness =
        new KeyedOneInputStreamOperatorTestHarness<>(
            new KeyedProcessOperator<>(function),
            key,
            Types.STRING,
            new MockEnvironmentBuilder().setMetricGroup(metrics).build());
    // Output goes through the type's serializer, as it would between tasks.
    harness.setup(outputType.createSerializer(new SerializerConfigImpl()));
    if (restore != null) {
      harness.initializeState(restore);
    }
    harness.open();
  }

  /**
   * An open harness around {@code function} emitting {@code outputType}, restored from {@code
   * state} unless it is null.
   */
  public static <I, O> KeyedHarness<I, O> open(
      KeyedProcessFunction<String, I, O> function,
      KeySelector<I, String> key,
      TypeInformation<O> outputType,
      OperatorSubtaskState state)
      throws Exception {
    return new KeyedHarness<>(function, key, outputType, state);
  }

  /** Processes {@code element}. */
  public void send(I element) throws Exception {
    harness.processElement(element, 0L);
  }

  /** Processes every element in order. */
  public void sendAll(List<I> elements) throws Exception {
    for (I element : elements) {
      send(element);
    }
  }

  /** Everything emitted so far. */
  public List<O> output() {
    return harness.extractOutputValues();
  }

  /** Number of keyed state entries of all keys. */
  public int stateEntries() {
    return harness.numKeyedStateEntries();
  }

  /** A snapshot of the operator state, as a checkpoint would take it. */
  public OperatorSubtaskState snapshot() throws Exception {
    checkpointId++;
    return harness.snapshot(checkpointId, checkpointId);
  }

  /** The operator metric {@code name}. */
  public Metric metric(String name) {
    Metric metric = metrics.operator.get(name);
    if (metric == null) {
      throw new AssertionError("no metric " + name);
    }
    return metric;
  }

  @Override
  public void close() throws Exception {
    harness.close();
  }
}

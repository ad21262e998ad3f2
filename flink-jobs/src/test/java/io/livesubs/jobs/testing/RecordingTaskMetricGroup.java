package io.livesubs.jobs.testing;

import java.util.Map;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;

/** A task metric group whose operator metrics can be read back by name. */
public final class RecordingTaskMetricGroup
    extends UnregisteredMetricGroups.UnregisteredTaskMetricGroup {

  /** The operator group every operator of the task registers its metrics in. */
  public final InterceptingOperatorMetricGroup operator = new InterceptingOperatorMetricGroup();

  @Override
  public InternalOperatorMetricGroup getOrAddOperator(
      OperatorID operatorId, String name, Map<String, String> additionalVariables) {
    return operator;
  }
}

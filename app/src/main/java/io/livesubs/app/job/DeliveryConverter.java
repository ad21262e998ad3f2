package io.livesubs.app.job;

import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads {@code --delivery} for {@code livesubs} commands by delegating to the job's {@link
 * io.livesubs.jobs.cli.DeliveryConverter} (same values, same messages). Kept so that commands
 * naming it in {@code converter = ...} need not change; new code should name the job's class
 * directly. Stateless and thread-safe.
 */
public final class DeliveryConverter implements ITypeConverter<DeliveryGuarantee> {

  private static final io.livesubs.jobs.cli.DeliveryConverter JOB =
      new io.livesubs.jobs.cli.DeliveryConverter();

  @Override
  public DeliveryGuarantee convert(String value) {
    return JOB.convert(value);
  }
}

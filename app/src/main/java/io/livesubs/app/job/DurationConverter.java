package io.livesubs.app.job;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a duration option for {@code livesubs} commands by delegating to the job's {@link
 * io.livesubs.jobs.cli.DurationConverter} (same forms, same messages). Kept so that commands naming
 * it in {@code converter = ...} need not change; new code should name the job's class directly.
 * Stateless and thread-safe.
 */
public final class DurationConverter implements ITypeConverter<Duration> {

  @Override
  public Duration convert(String value) {
    return io.livesubs.jobs.cli.DurationConverter.parse(value);
  }
}

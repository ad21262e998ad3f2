package io.livesubs.jobs.cli;

import java.util.Locale;
import org.apache.flink.connector.base.DeliveryGuarantee;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads {@code --delivery}: {@code exactly-once} or {@code at-least-once} (case-insensitive; an
 * underscore works as well as the dash). Stateless and thread-safe.
 */
public final class DeliveryConverter implements ITypeConverter<DeliveryGuarantee> {

  @Override
  public DeliveryGuarantee convert(String value) {
    String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (text) {
      case "exactly-once" -> DeliveryGuarantee.EXACTLY_ONCE;
      case "at-least-once" -> DeliveryGuarantee.AT_LEAST_ONCE;
      default ->
          throw new TypeConversionException(
              "'" + value + "' is not a delivery guarantee: use exactly-once or at-least-once");
    };
  }
}

package io.livesubs.schemas.registry;

import java.io.IOException;

/**
 * A schema registry request that failed: either the registry answered with an error (HTTP status
 * and Confluent {@code error_code} are kept) or it could not be reached at all ({@link
 * #NO_RESPONSE} in both fields).
 */
public class SchemaRegistryException extends IOException {

  private static final long serialVersionUID = 1L;

  /** Status and error code used when no HTTP response was received. */
  public static final int NO_RESPONSE = -1;

  /** Confluent error code: the subject does not exist. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Confluent error code: the subject has no such version. */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Confluent error code: no such schema (by id, or within a subject). */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent error code: the subject has no subject-level compatibility configured. */
  public static final int SUBJECT_COMPATIBILITY_NOT_CONFIGURED = 40408;

  /** Confluent error code: the schema is incompatible with earlier versions of the subject. */
  public static final int INCOMPATIBLE_SCHEMA = 409;

  /** Confluent error code: the schema is not a valid Avro schema. */
  public static final int INVALID_SCHEMA = 42201;

  /** Confluent error code: the version is neither a positive number nor {@code latest}. */
  public static final int INVALID_VERSION = 42202;

  /** Confluent error code: the compatibility level is unknown. */
  public static final int INVALID_COMPATIBILITY_LEVEL = 42203;

  private final int httpStatus;
  private final int errorCode;

  /** An error answered by the registry. */
  public SchemaRegistryException(String message, int httpStatus, int errorCode) {
    super(message);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
  }

  /** A registry that did not answer: status and error code are {@link #NO_RESPONSE}. */
  public SchemaRegistryException(String message, Throwable cause) {
    super(message, cause);
    this.httpStatus = NO_RESPONSE;
    this.errorCode = NO_RESPONSE;
  }

  /** HTTP status of the registry's answer, or {@link #NO_RESPONSE}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Confluent {@code error_code} of the registry's answer, or {@link #NO_RESPONSE}. */
  public int errorCode() {
    return errorCode;
  }
}

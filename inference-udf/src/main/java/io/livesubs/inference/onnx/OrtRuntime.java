package io.livesubs.inference.onnx;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import io.livesubs.inference.models.ModelLoadException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

/**
 * The single place that loads ONNX Runtime: one {@link OrtEnvironment} per JVM (created lazily,
 * warnings-level logging) and {@link OrtSession.SessionOptions} built from an {@link
 * OrtSessionConfig}.
 *
 * <p>Thread-safe. The environment is never closed: it lives as long as the JVM, which is what ONNX
 * Runtime expects (and why the native library belongs in Flink's {@code lib/}).
 */
public final class OrtRuntime {
  private static final String LOG_ID = "livesubs";

  private OrtRuntime() {}

  /** The JVM-wide environment (loads the native library on first call). */
  public static OrtEnvironment environment() {
    return Holder.ENV;
  }

  /** Execution providers compiled into the ONNX Runtime build on the classpath. */
  public static EnumSet<OrtProvider> availableProviders() {
    environment();
    return OrtEnvironment.getAvailableProviders();
  }

  /** Whether the CUDA provider is in this build (says nothing about a GPU being present). */
  public static boolean cudaAvailable() {
    return availableProviders().contains(OrtProvider.CUDA);
  }

  /**
   * Session options for {@code config}; the caller closes them after creating its session.
   *
   * @throws IllegalStateException if CUDA is requested but this ONNX Runtime build lacks it
   * @throws ModelLoadException if ONNX Runtime rejects the options (e.g. no CUDA driver)
   */
  public static OrtSession.SessionOptions sessionOptions(OrtSessionConfig config) {
    if (config.device().kind() == ExecutionDevice.Kind.CUDA && !cudaAvailable()) {
      throw new IllegalStateException(
          "Execution device "
              + config.device()
              + " requested, but the ONNX Runtime on the classpath has no CUDA provider"
              + " (available: "
              + availableProviders()
              + "). Use com.microsoft.onnxruntime:onnxruntime_gpu instead of onnxruntime.");
    }
    OrtSession.SessionOptions options = new OrtSession.SessionOptions();
    try {
      options.setIntraOpNumThreads(config.intraOpThreads());
      options.setInterOpNumThreads(config.interOpThreads());
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      if (config.device().kind() == ExecutionDevice.Kind.CUDA) {
        options.addCUDA(config.device().deviceId());
      }
      return options;
    } catch (OrtException e) {
      options.close();
      throw new ModelLoadException(
          "ONNX Runtime rejected session options for " + config.device() + ": " + e.getMessage(),
          e);
    }
  }

  /**
   * Opens a session on {@code modelFile}. The caller owns and closes the session.
   *
   * @throws ModelLoadException if the file is missing or ONNX Runtime cannot load it
   * @throws IllegalStateException if CUDA is requested but unavailable in this build
   */
  public static OrtSession openSession(Path modelFile, OrtSessionConfig config) {
    if (!Files.isRegularFile(modelFile)) {
      throw new ModelLoadException("ONNX model file does not exist: " + modelFile);
    }
    try (OrtSession.SessionOptions options = sessionOptions(config)) {
      return environment().createSession(modelFile.toString(), options);
    } catch (OrtException e) {
      throw new ModelLoadException(
          "ONNX Runtime cannot load "
              + modelFile
              + " on "
              + config.device()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  /** Lazy, thread-safe initialisation of the environment on first use. */
  private static final class Holder {
    static final OrtEnvironment ENV =
        OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_WARNING, LOG_ID);
  }
}

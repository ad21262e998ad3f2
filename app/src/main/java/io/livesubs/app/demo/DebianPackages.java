package io.livesubs.app.demo;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Installs a Debian package with {@code apt-get}, as root or through non-interactive {@code sudo}
 * (never prompting for a password), refreshing the package lists once if the first attempt fails.
 * Blocks the calling thread for at most a few minutes. Stateless and thread-safe.
 */
final class DebianPackages {

  private static final long TIMEOUT_MINUTES = 5;

  private DebianPackages() {}

  /**
   * Installs {@code name}.
   *
   * @throws IOException saying why it could not be installed (no apt-get, no root and no
   *     password-less sudo, or apt-get's last line of output)
   */
  static void install(String name) throws IOException {
    if (!onPath("apt-get")) {
      throw new IOException("apt-get is not available on this machine");
    }
    List<String> prefix = new ArrayList<>();
    if (!"root".equals(System.getProperty("user.name"))) {
      if (!onPath("sudo")) {
        throw new IOException("not running as root and sudo is not available");
      }
      prefix.addAll(List.of("sudo", "-n"));
    }
    List<String> install = new ArrayList<>(prefix);
    install.addAll(List.of("apt-get", "install", "-y", "-qq", "--no-install-recommends", name));
    if (run(install) == null) {
      return;
    }
    List<String> update = new ArrayList<>(prefix);
    update.addAll(List.of("apt-get", "update", "-qq"));
    String updateFailure = run(update);
    if (updateFailure != null) {
      throw new IOException("apt-get update failed: " + updateFailure);
    }
    String failure = run(install);
    if (failure != null) {
      throw new IOException("apt-get install " + name + " failed: " + failure);
    }
  }

  /** Runs {@code command}; returns null on success, else the last line of its output. */
  private static String run(List<String> command) throws IOException {
    Path log = Files.createTempFile("livesubs-apt-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
      Process process = builder.start();
      if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        process.destroyForcibly();
        return "did not finish within " + TIMEOUT_MINUTES + " minutes";
      }
      if (process.exitValue() == 0) {
        return null;
      }
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return lines.isEmpty()
          ? "exit code " + process.exitValue()
          : lines.get(lines.size() - 1).strip();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + String.join(" ", command), e);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static boolean onPath(String command) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}

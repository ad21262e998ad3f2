package io.livesubs.app.delivery;

import io.livesubs.sink.cli.SubtitlesMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subtitle service ({@link SubtitlesMain}) in a child JVM on this test's class path, so that a
 * test can kill it the way an operating system does: {@link #kill} sends SIGKILL, leaving no chance
 * to commit offsets, flush stores or leave the consumer group. Owns the process; {@link #close}
 * kills it if still running and is idempotent.
 */
final class ServiceProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("Serving subtitles at (http://\\S+) ");

  private final Process process;
  private final URI url;
  private final Deque<String> output;

  private ServiceProcess(Process process, URI url, Deque<String> output) {
    this.process = process;
    this.url = url;
    this.output = output;
  }

  /** Starts {@code livesubs serve} with these options and waits until it serves HTTP. */
  static ServiceProcess start(List<String> options, Duration timeout) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(SubtitlesMain.class.getName());
    command.addAll(options);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Deque<String> output = new ArrayDeque<>();
    CompletableFuture<URI> serving = new CompletableFuture<>();
    Thread reader = new Thread(() -> read(process, output, serving), "subtitle-service-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServiceProcess(
          process, serving.get(timeout.toMillis(), TimeUnit.MILLISECONDS), output);
    } catch (TimeoutException | ExecutionException e) {
      process.destroyForcibly();
      throw new IOException("the service did not start; its output:\n" + tail(output), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while starting the service", e);
    }
  }

  /** The service's base URL. */
  URI url() {
    return url;
  }

  /** Kills the process with SIGKILL and waits for it to be gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the killed service process is still running");
    }
  }

  /** The last lines the process printed, for failure messages. */
  String recentOutput() {
    return tail(output);
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }

  private static void read(Process process, Deque<String> output, CompletableFuture<URI> serving) {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        synchronized (output) {
          output.addLast(line);
          if (output.size() > 60) {
            output.removeFirst();
          }
        }
        Matcher m = SERVING.matcher(line);
        if (m.find()) {
          serving.complete(URI.create(m.group(1)));
        }
      }
    } catch (IOException e) {
      // The stream closes when the process dies.
    }
    serving.completeExceptionally(new IOException("the service exited"));
  }

  private static String tail(Deque<String> output) {
    synchronized (output) {
      return String.join("\n", new ArrayList<>(output));
    }
  }
}

package io.livesubs.sink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class ServeCommandTest {

  private record Run(int exitCode, String err) {}

  private static Run run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ServeCommand());
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    int code = cli.execute(args);
    return new Run(code, err.toString());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--http-port=70000|HTTP port must be in 0..65535, got 70000",
        "--http-port=abc|'abc' is not an int",
        "--segment-duration-ms=10|segment target duration must be at least 1000 ms",
        "--playlist-window=0|playlist window must be at least 1 segment",
        "--mpegts-offset=-5|MPEG-TS offset out of range",
        "--cors-origin=ftp://x|CORS origin must be * or scheme://host[:port]",
        "--max-sse-clients-per-stream=0|max SSE clients per stream must be at least 1",
        "--advertised-url=http://nohostport|advertised URL must look like http://host:port",
        "--schema-registry=nope|schema registry URL 'nope' is not an http(s) URL",
        "--schema-registry-url=nope|schema registry URL 'nope' is not an http(s) URL",
        "--application-id=a/b|application id must be 1-200 of [A-Za-z0-9._-]",
        "--media-dir=/no/such/livesubs-media|media directory /no/such/livesubs-media is not a"
            + " directory",
        "--no-such-option|Unknown option: '--no-such-option'"
      })
  void badArgumentsExitWith2AndAOneLineMessage(String arg, String message) {
    Run run = run(arg);
    assertEquals(2, run.exitCode(), run.err());
    assertTrue(run.err().contains(message), run.err());
  }

  @Test
  void defaultsMatchTheDocumentedOnes() {
    ServeCommand command = new ServeCommand();
    new CommandLine(command).parseArgs();
    assertEquals(8080, command.httpPort);
    assertEquals(6000, command.segmentDurationMs);
    assertEquals(10, command.playlistWindow);
    assertEquals(900_000, command.mpegTsOffset);
    assertEquals(java.util.List.of("*"), command.corsOrigins);
    assertEquals("localhost:9092", command.bootstrapServers);
    assertEquals("http://localhost:8085", command.registryUrl, "the stack's registry, not Flink");
    command.configure();
  }

  @Test
  void theRegistryIsSetByItsNameOrTheOldOne() {
    for (String name : new String[] {"--schema-registry", "--schema-registry-url"}) {
      ServeCommand command = new ServeCommand();
      new CommandLine(command).parseArgs(name, "http://registry:8081");
      assertEquals("http://registry:8081", command.registryUrl, name);
    }
  }
}

package io.livesubs.app.models;

import io.livesubs.ingest.cli.CliInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code livesubs models list}: the models installed in a models directory, one line each: {@code
 * NAME<TAB>KIND<TAB>DETAIL}. A new instance per execution; not thread-safe.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List installed models (Whisper folders are checked: files, layout, config).")
public final class ListCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "Models directory (default: every existing directory the engines search).")
  private Path dir;

  @Override
  public Integer call() throws Exception {
    List<Path> roots;
    if (dir != null) {
      if (!Files.isDirectory(dir)) {
        throw new CliInputException("models directory not found: " + dir);
      }
      roots = List.of(dir);
    } else {
      roots = ModelsDirectory.existingRoots();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (roots.isEmpty()) {
      out.println("models: no models directory yet (pull or stand-in creates one)");
    }
    for (Path root : roots) {
      List<InstalledModels.Entry> entries = InstalledModels.scan(root);
      out.println("# " + root.toAbsolutePath().normalize() + " (" + entries.size() + " models)");
      for (InstalledModels.Entry e : entries) {
        out.println(e.name() + "\t" + e.kind() + "\t" + e.detail());
      }
    }
    out.flush();
    return 0;
  }
}

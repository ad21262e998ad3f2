package io.livesubs.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads the files of a manifest model into a folder, safely:
 *
 * <ul>
 *   <li>a file already in place that matches its manifest entry is skipped (one that does not is
 *       fetched again);
 *   <li>bytes go to {@code <file>.part}; an interrupted download resumes from there with an HTTP
 *       range request (a server that ignores ranges gets a fresh download);
 *   <li>the finished {@code .part} is checked against the manifest's size and SHA-256, deleted on a
 *       mismatch ({@link ModelVerificationException}), and otherwise renamed into place atomically,
 *       so a model folder never holds a partial or wrong file under its real name.
 * </ul>
 *
 * Thread-safe if its log writer is; one pull per folder at a time.
 */
public final class ModelDownloader {
  /** What happened to one file. */
  public enum Outcome {
    /** Fetched (or finished fetching) now. */
    DOWNLOADED,
    /** Already present and matching the manifest; not fetched. */
    ALREADY_PRESENT
  }

  /**
   * One file's result.
   *
   * @param file the manifest entry
   * @param target where it is now
   * @param outcome downloaded or already present
   * @param digest its size and SHA-256
   */
  public record FileResult(ManifestFile file, Path target, Outcome outcome, FileDigest digest) {}

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

  private final HttpClient client;
  private final PrintWriter log;

  /**
   * @param client the HTTP client (should follow redirects: Hugging Face redirects to its CDN)
   * @param log where progress lines go
   */
  public ModelDownloader(HttpClient client, PrintWriter log) {
    this.client = Objects.requireNonNull(client, "client");
    this.log = Objects.requireNonNull(log, "log");
  }

  /** An HTTP client that follows redirects (not from https to http) with a 30 s connect timeout. */
  public static HttpClient defaultClient() {
    return HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(CONNECT_TIMEOUT)
        .build();
  }

  /**
   * Downloads every file of {@code model} into {@code dir} (created if missing).
   *
   * @param mirror a base URL replacing every source's, or null
   * @throws IllegalArgumentException if the manifest has no such model
   * @throws ModelVerificationException if a download does not match the manifest (deleted)
   * @throws IOException if a download fails (HTTP error, network, disk); the {@code .part} stays
   *     for the next attempt to resume
   */
  public List<FileResult> pull(ModelManifest manifest, String model, Path dir, URI mirror)
      throws IOException {
    List<ManifestFile> files = manifest.files(model);
    Files.createDirectories(dir);
    List<FileResult> results = new ArrayList<>();
    for (ManifestFile file : files) {
      results.add(fetch(file, manifest.url(file, mirror), dir));
    }
    return results;
  }

  private FileResult fetch(ManifestFile file, URI url, Path dir) throws IOException {
    Path target = dir.resolve(file.path());
    if (Files.isRegularFile(target)) {
      FileDigest present = FileDigest.of(target);
      Optional<String> mismatch = present.mismatch(file);
      if (mismatch.isEmpty()) {
        log.printf(
            "pull: %s already present (%s)%n",
            file.path(),
            file.verifiable() ? "verified" : "not verifiable: no checksum in manifest");
        log.flush();
        return new FileResult(file, target, Outcome.ALREADY_PRESENT, present);
      }
      log.printf(
          "pull: %s is present but has %s; fetching it again%n", file.path(), mismatch.get());
    }
    Files.createDirectories(target.getParent());
    Path part = target.resolveSibling(target.getFileName() + ".part");
    long start = System.nanoTime();
    download(url, part);
    FileDigest digest = FileDigest.of(part);
    Optional<String> mismatch = digest.mismatch(file);
    if (mismatch.isPresent()) {
      Files.deleteIfExists(part);
      throw new ModelVerificationException(
          "download of " + file.path() + " from " + url + " has " + mismatch.get() + "; deleted");
    }
    Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    log.printf(
        Locale.ROOT,
        "pull: %s %.1f MB in %.1f s, %s%n",
        file.path(),
        digest.size() / 1e6,
        (System.nanoTime() - start) / 1e9,
        file.verifiable()
            ? "verified"
            : "not verifiable (no checksum in manifest), sha256 " + digest.sha256());
    log.flush();
    return new FileResult(file, target, Outcome.DOWNLOADED, digest);
  }

  private void download(URI url, Path part) throws IOException {
    long have = Files.isRegularFile(part) ? Files.size(part) : 0;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(url)
            .timeout(RESPONSE_TIMEOUT)
            .header("User-Agent", "livesubs-models-pull");
    if (have > 0) {
      request.header("Range", "bytes=" + have + "-");
    }
    HttpResponse<InputStream> response;
    try {
      response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while fetching " + url, e);
    }
    try (InputStream body = response.body()) {
      int status = response.statusCode();
      if (status == 416 && have > 0) {
        return; // the .part already holds the whole file; verification decides
      }
      boolean resumed = status == 206 && have > 0;
      if (status != 200 && !resumed) {
        throw new IOException("GET " + url + " answered HTTP " + status);
      }
      log.printf(
          Locale.ROOT,
          "pull: fetching %s%s%n",
          url,
          resumed ? String.format(Locale.ROOT, " (resuming at %.1f MB)", have / 1e6) : "");
      log.flush();
      StandardOpenOption mode =
          resumed ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING;
      try (OutputStream out =
          Files.newOutputStream(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE, mode)) {
        body.transferTo(out);
      }
    }
  }
}

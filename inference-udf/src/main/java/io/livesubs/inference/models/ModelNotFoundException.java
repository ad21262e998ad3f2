package io.livesubs.inference.models;

import java.nio.file.Path;
import java.util.List;

/**
 * A model could not be found in any of the places {@link ModelLocator} searched. The message lists
 * every place, in search order, and how to point the locator at the model.
 */
public class ModelNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient List<Path> searched;

  /**
   * @param what a human description of the model, e.g. "Vosk model 'vosk-model-en-us'"
   * @param searched the candidate paths that were checked, in order
   * @param hint how to provide the model
   */
  public ModelNotFoundException(String what, List<Path> searched, String hint) {
    super(message(what, searched, hint));
    this.searched = List.copyOf(searched);
  }

  /** The candidate paths that were checked, in search order. */
  public List<Path> searched() {
    return searched;
  }

  private static String message(String what, List<Path> searched, String hint) {
    StringBuilder sb = new StringBuilder(what).append(" not found. Looked in:");
    for (Path p : searched) {
      sb.append("\n  - ").append(p);
    }
    return sb.append("\n").append(hint).toString();
  }
}

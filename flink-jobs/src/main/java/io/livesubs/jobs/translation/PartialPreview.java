package io.livesubs.jobs.translation;

/**
 * The partial preview a stream shows in its target languages, kept by {@link TranslationPlanner}
 * while {@code translation.partials} is on. Public and a record only because Flink keeps it in
 * keyed state as a POJO; treat the array as read-only. Immutable by convention.
 *
 * @param text the source partial text last sent for translation
 * @param targets the languages the preview is shown in
 */
public record PartialPreview(String text, String[] targets) {}

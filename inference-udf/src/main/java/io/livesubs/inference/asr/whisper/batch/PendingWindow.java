package io.livesubs.inference.asr.whisper.batch;

import io.livesubs.inference.asr.whisper.decoding.WindowResult;
import java.util.concurrent.CompletableFuture;

/** A queued window with the future its caller waits on. Package-private. */
record PendingWindow(
    WindowRequest request, CompletableFuture<WindowResult> future, long submittedNanos) {}

package io.livesubs.ingest;

import io.livesubs.ingest.audio.PcmFormat;
import io.livesubs.ingest.fault.Emission;
import io.livesubs.ingest.fault.FaultConfig;
import io.livesubs.ingest.fault.FaultInjector;
import io.livesubs.ingest.fault.FaultReport;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.StreamIds;
import io.livesubs.schemas.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Produces one live stream's audio to Kafka: the library a platform embeds. Feed it 16 kHz mono s16
 * audio as it arrives ({@link #acceptPcm16} or {@link #accept}); it cuts the audio into {@link
 * AudioChunk}s ({@link AudioChunker}: contiguous seq, exact media offsets, capture time = stream
 * start + media offset) and sends each, keyed by the stream id, as soon as it is complete. {@link
 * #endOfStream()} sends the last partial chunk and the end-of-stream marker.
 *
 * <p>Kafka settings (see {@link KafkaChunkSink}): idempotent producer, {@code acks=all}, bounded
 * blocking and delivery timeouts, so an unreachable broker or registry fails with an {@link
 * IngestException} in bounded time instead of hanging. Sends are asynchronous: a delivery failure
 * surfaces on a later call or on {@link #flush()}.
 *
 * <p>Threading: every method is synchronized, so the producer may be called from several threads,
 * but the audio is chunked in call order; feed one stream from one thread (or order the calls
 * yourself). Ownership: a producer built with {@link Builder#bootstrapServers} owns its Kafka
 * client and closes it; one built on a shared {@link Builder#sink} never closes the sink. {@link
 * #close()} is idempotent and does not end the stream: call {@link #endOfStream()} first.
 */
public final class AudioChunkProducer implements AutoCloseable {

  /** Shortest chunk duration accepted, in milliseconds. */
  public static final int MIN_CHUNK_MS = 20;

  /** Longest chunk duration accepted, in milliseconds. */
  public static final int MAX_CHUNK_MS = 2000;

  /** Default chunk duration, in milliseconds. */
  public static final int DEFAULT_CHUNK_MS = 200;

  private final AudioChunker chunker;
  private final FaultInjector faults;
  private final ChunkSink sink;
  private final boolean ownsSink;
  private long recordsSent;
  private boolean closed;

  private AudioChunkProducer(Builder b, ChunkSink sink, boolean ownsSink) {
    this.chunker =
        new AudioChunker(
            b.streamId, PcmFormat.samplesForMs(b.chunkMs), b.streamStartEpochMs, b.languageHint);
    this.faults = b.faults.isActive() ? new FaultInjector(b.faults, b.chunkMs, b.streamId) : null;
    this.sink = sink;
    this.ownsSink = ownsSink;
  }

  /** Starts a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The stream id, also the Kafka key of every record. */
  public String streamId() {
    return chunker.streamId();
  }

  /**
   * Feeds {@code len} bytes of 16 kHz mono signed 16-bit little-endian audio; a sample may be split
   * across calls.
   *
   * @throws IngestException if sending failed
   */
  public synchronized void acceptPcm16(byte[] le, int off, int len) {
    checkOpen();
    send(chunker.acceptPcm16(le, off, len));
  }

  /** Feeds 16 kHz mono samples; see {@link #acceptPcm16}. */
  public synchronized void accept(short[] samples) {
    accept(samples, 0, samples.length);
  }

  /** Feeds {@code len} 16 kHz mono samples from {@code off}; see {@link #acceptPcm16}. */
  public synchronized void accept(short[] samples, int off, int len) {
    checkOpen();
    send(chunker.accept(samples, off, len));
  }

  /**
   * Ends the stream: sends the last partial chunk and an end-of-stream chunk (empty payload, {@code
   * endOfStream = true}). Further audio is refused.
   */
  public synchronized void endOfStream() {
    checkOpen();
    send(chunker.finish());
  }

  /** Whether {@link #endOfStream()} was called. */
  public synchronized boolean isEnded() {
    return chunker.isFinished();
  }

  /**
   * Blocks until everything sent so far is delivered (with a shared sink: everything the sink was
   * given).
   *
   * @throws IngestException if a record could not be delivered
   */
  public synchronized void flush() {
    checkOpen();
    sink.flush();
  }

  /** Counters so far, including the fault report when faults are injected. */
  public synchronized ProducerStats stats() {
    FaultReport report = faults == null ? null : faults.report();
    return new ProducerStats(
        streamId(), chunker.chunksEmitted(), chunker.samplesEmitted(), recordsSent, report);
  }

  /**
   * Sends any chunks held back for fault injection, then releases the Kafka client if this producer
   * owns it (waiting a bounded time for pending deliveries). Idempotent. Audio not yet making up a
   * chunk is discarded unless {@link #endOfStream()} was called.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (faults != null) {
        sendEmissions(faults.drain());
      }
    } finally {
      if (ownsSink) {
        sink.close();
      }
    }
  }

  private void send(List<AudioChunk> chunks) {
    for (AudioChunk chunk : chunks) {
      if (faults == null) {
        sink.send(chunk);
        recordsSent++;
      } else {
        sendEmissions(faults.offer(chunk));
      }
    }
  }

  private void sendEmissions(List<Emission> emissions) {
    for (Emission e : emissions) {
      if (e instanceof Emission.Valid valid) {
        sink.send(valid.chunk());
      } else if (e instanceof Emission.Corrupt corrupt) {
        sink.sendRaw(corrupt.key(), corrupt.value());
      }
      recordsSent++;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("producer of stream " + streamId() + " is closed");
    }
  }

  /**
   * Configures an {@link AudioChunkProducer}. Give either {@link #bootstrapServers} and {@link
   * #schemaRegistryUrl} (the producer makes and owns its Kafka client) or a shared {@link #sink}.
   */
  public static final class Builder {
    private String bootstrapServers;
    private String schemaRegistryUrl;
    private ChunkSink sharedSink;
    private String streamId;
    private int chunkMs = DEFAULT_CHUNK_MS;
    private String languageHint;
    private String topic = Topics.AUDIO;
    private long streamStartEpochMs = Long.MIN_VALUE;
    private FaultConfig faults = FaultConfig.none();
    private final Map<String, Object> producerProperties = new HashMap<>();

    private Builder() {}

    /** Kafka bootstrap servers, e.g. {@code localhost:9092}. */
    public Builder bootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
      return this;
    }

    /** Schema registry base URL, e.g. {@code http://localhost:8085}. */
    public Builder schemaRegistryUrl(String schemaRegistryUrl) {
      this.schemaRegistryUrl = schemaRegistryUrl;
      return this;
    }

    /** Sends through this shared sink instead of a Kafka client of its own; not closed. */
    public Builder sink(ChunkSink sink) {
      this.sharedSink = Objects.requireNonNull(sink, "sink");
      return this;
    }

    /** The stream id (required), see {@link StreamIds}. */
    public Builder streamId(String streamId) {
      this.streamId = streamId;
      return this;
    }

    /** Audio per chunk, {@value #MIN_CHUNK_MS} to {@value #MAX_CHUNK_MS} ms (default 200). */
    public Builder chunkMs(int chunkMs) {
      this.chunkMs = chunkMs;
      return this;
    }

    /** BCP-47 language of the speech, or null (default) when unknown. */
    public Builder languageHint(String languageHint) {
      this.languageHint = languageHint;
      return this;
    }

    /** Target topic (default {@link Topics#AUDIO}). */
    public Builder topic(String topic) {
      this.topic = topic;
      return this;
    }

    /** Wall-clock time of the first sample, epoch ms (default: when {@link #build()} runs). */
    public Builder streamStartEpochMs(long streamStartEpochMs) {
      this.streamStartEpochMs = streamStartEpochMs;
      return this;
    }

    /** Faults to inject, for load and robustness tests (default none). */
    public Builder faults(FaultConfig faults) {
      this.faults = Objects.requireNonNull(faults, "faults");
      return this;
    }

    /** One extra Kafka producer setting (e.g. security); ignored with a shared sink. */
    public Builder producerProperty(String key, Object value) {
      producerProperties.put(Objects.requireNonNull(key, "key"), value);
      return this;
    }

    /** Extra Kafka producer settings; ignored with a shared sink. */
    public Builder producerProperties(Map<String, ?> properties) {
      producerProperties.putAll(properties);
      return this;
    }

    /**
     * Validates the settings and creates the producer; with its own Kafka client, checks that the
     * broker and the registry answer (bounded time).
     *
     * @throws IllegalArgumentException naming an invalid or missing setting
     * @throws IngestException if Kafka or the schema registry cannot be reached
     */
    public AudioChunkProducer build() {
      StreamIds.validate(streamId);
      if (chunkMs < MIN_CHUNK_MS || chunkMs > MAX_CHUNK_MS) {
        throw new IllegalArgumentException(
            "chunk duration must be "
                + MIN_CHUNK_MS
                + " to "
                + MAX_CHUNK_MS
                + " ms, was "
                + chunkMs);
      }
      if (languageHint != null) {
        LanguageTags.validate(languageHint);
      }
      if (streamStartEpochMs == Long.MIN_VALUE) {
        streamStartEpochMs = System.currentTimeMillis();
      }
      if (sharedSink != null) {
        if (bootstrapServers != null || schemaRegistryUrl != null) {
          throw new IllegalArgumentException(
              "give either a shared sink or bootstrap servers and a registry URL, not both");
        }
        return new AudioChunkProducer(this, sharedSink, false);
      }
      KafkaChunkSink kafka =
          KafkaChunkSink.builder()
              .bootstrapServers(bootstrapServers)
              .schemaRegistryUrl(schemaRegistryUrl)
              .topic(topic)
              .producerProperties(producerProperties)
              .build();
      return new AudioChunkProducer(this, kafka, true);
    }
  }
}

package io.livesubs.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.livesubs.jobs.ordering.OrderedAudio;
import io.livesubs.jobs.source.AudioRecordDeserializer;
import io.livesubs.jobs.source.ChunkLimits;
import io.livesubs.jobs.source.DecodedAudio;
import io.livesubs.jobs.source.PcmChunk;
import io.livesubs.jobs.testing.CollectingSink;
import io.livesubs.jobs.testing.ExpectedOrder;
import io.livesubs.jobs.testing.TestStreams;
import io.livesubs.schemas.AudioChunk;
import io.livesubs.schemas.DeadLetter;
import io.livesubs.schemas.SubtitleCue;
import io.livesubs.schemas.registry.CachedSchemaRegistryClient;
import io.livesubs.schemas.registry.DevSchemaRegistry;
import io.livesubs.schemas.serde.AvroSerializer;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.groups.OperatorMetricGroup;
import org.apache.flink.runtime.testutils.InMemoryReporter;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The front half of the job (decode, validate, dead letters, order) on a Flink mini cluster at
 * parallelism 2, fed Confluent-framed Avro records through the real deserializer and a real
 * in-process schema registry: three streams shuffled within the watermark bound, with duplicates, a
 * dropped chunk, an invalid chunk and a garbled record.
 */
class FrontHalfITCase {

  private static final String TOPIC = "livesubs.audio";
  private static final long BOUND_MS = 2_000;
  private static final InMemoryReporter REPORTER = InMemoryReporter.createWithRetainedMetrics();

  @RegisterExtension
  static final MiniClusterExtension CLUSTER =
      new MiniClusterExtension(
          new MiniClusterResourceConfiguration.Builder()
              .setNumberTaskManagers(1)
              .setNumberSlotsPerTaskManager(2)
              .setConfiguration(REPORTER.addToConfiguration(new Configuration()))
              .build());

  private static DevSchemaRegistry registry;

  @BeforeAll
  static void startRegistry() throws Exception {
    registry = new DevSchemaRegistry().start();
  }

  @AfterAll
  static void stopRegistry() {
    registry.close();
  }

  @Test
  void streamsComeOutInOrderWithExactGapsAndBadRecordsGoToDeadLetters() throws Exception {
    List<PcmChunk> a = TestStreams.stream("stream-a", 40, true);
    List<PcmChunk> b = TestStreams.stream("stream-b", 40, true);
    List<PcmChunk> c = TestStreams.stream("stream-c", 40, true);
    AvroSerializer<AudioChunk> serializer =
        new AvroSerializer<>(CachedSchemaRegistryClient.forUrl(registry.url()), AudioChunk.class);

    List<PcmChunk> sent = new ArrayList<>();
    sent.addAll(a.stream().filter(x -> x.seq() != 12).toList()); // a: 12 never arrives
    sent.addAll(b);
    sent.addAll(c);
    sent.sort(Comparator.comparingLong(PcmChunk::captureTimeMs));
    List<PcmChunk> arrival = TestStreams.shuffledWithinBound(sent, BOUND_MS, 0.1, new Random(11));
    int duplicates = arrival.size() - sent.size();

    List<RawRecord> records = new ArrayList<>();
    for (PcmChunk chunk : arrival) {
      AudioChunk avro = TestStreams.toAvro(chunk);
      if (chunk.streamId().equals("stream-b") && chunk.seq() == 20) {
        avro.setSampleRate(44_100); // b: 20 is invalid, so it becomes a gap too
      }
      records.add(RawRecord.of(chunk.streamId(), serializer.serialize(TOPIC, avro), records));
    }
    records.add(records.size() / 2, RawRecord.of("stream-c", new byte[] {0, 0, 0, 1}, records));
    long rejectedDuplicatesOfB20 =
        arrival.stream().filter(x -> x.streamId().equals("stream-b") && x.seq() == 20).count();

    CollectingSink<DeadLetter> deadLetters = new CollectingSink<>("front-half-dlq");
    LivesubsJobConfig config =
        LivesubsJobConfig.builder()
            .bootstrapServers("unused:9092")
            .schemaRegistryUrl(registry.url())
            .build();
    LivesubsJob job =
        new LivesubsJob(
            config,
            new DataGeneratorSource<>(
                new DecodingGenerator(registry.url(), records),
                records.size(),
                TypeInformation.of(DecodedAudio.class)),
            deadLetters,
            new DiscardingSink<SubtitleCue>());

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    List<OrderedAudio> output = new ArrayList<>();
    CloseableIterator<OrderedAudio> results = job.orderedAudio(env).collectAsync();
    JobClient client = env.executeAsync("front half");
    try (results) {
      results.forEachRemaining(output::add);
    }
    client.getJobExecutionResult().get();

    assertEquals(ExpectedOrder.of(a, Set.of(12L)), ExpectedOrder.actual(output, "stream-a"));
    assertEquals(ExpectedOrder.of(b, Set.of(20L)), ExpectedOrder.actual(output, "stream-b"));
    assertEquals(ExpectedOrder.of(c, Set.of()), ExpectedOrder.actual(output, "stream-c"));

    List<DeadLetter> letters = deadLetters.received();
    assertEquals(1 + rejectedDuplicatesOfB20, letters.size(), letters.toString());
    assertTrue(letters.stream().anyMatch(l -> l.getReasonCode().equals("DECODE_FAILED")));
    assertTrue(
        letters.stream()
            .filter(l -> l.getReasonCode().equals("BAD_SAMPLE_RATE"))
            .allMatch(l -> "stream-b".equals(l.getStreamId()) && l.getReason().contains("44100")));

    Map<String, Long> counts = sumCounters(client, "order chunks by seq");
    assertEquals(2, counts.get("gaps"));
    assertEquals(2, counts.get("missingChunks"));
    assertEquals(duplicates - (rejectedDuplicatesOfB20 - 1), counts.get("duplicates"));
    assertEquals(0, counts.get("lateChunks"));
    assertEquals(3, counts.get("streamsEnded"));
    assertEquals(letters.size(), sumCounters(client, "route dead letters").get("deadLetters"));
  }

  private static Map<String, Long> sumCounters(JobClient client, String operator) {
    Map<String, Long> sums = new java.util.HashMap<>();
    for (OperatorMetricGroup group :
        REPORTER.findOperatorMetricGroups(client.getJobID(), operator)) {
      for (Map.Entry<String, Metric> e : REPORTER.getMetricsByGroup(group).entrySet()) {
        if (e.getValue() instanceof Counter counter) {
          sums.merge(e.getKey(), counter.getCount(), Long::sum);
        }
      }
    }
    return sums;
  }

  /** One Kafka record of the audio topic: partition by stream, offsets in arrival order. */
  record RawRecord(int partition, long offset, byte[] key, byte[] value) implements Serializable {
    static RawRecord of(String streamId, byte[] value, List<RawRecord> before) {
      return new RawRecord(
          Math.floorMod(streamId.hashCode(), 4),
          before.size(),
          streamId.getBytes(StandardCharsets.UTF_8),
          value);
    }
  }

  /** Feeds the records through the job's real deserializer, as the Kafka source would. */
  static final class DecodingGenerator implements GeneratorFunction<Long, DecodedAudio> {
    private static final long serialVersionUID = 1L;
    private final AudioRecordDeserializer deserializer;
    private final List<RawRecord> records;

    DecodingGenerator(String registryUrl, List<RawRecord> records) {
      this.deserializer = new AudioRecordDeserializer(registryUrl, ChunkLimits.defaults());
      this.records = List.copyOf(records);
    }

    @Override
    public DecodedAudio map(Long index) throws Exception {
      RawRecord r = records.get(index.intValue());
      return deserializer.decode(
          new ConsumerRecord<>(TOPIC, r.partition(), r.offset(), r.key(), r.value()));
    }
  }
}

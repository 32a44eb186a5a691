package org.nightjar.app.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.models.ScoringPipeline;
import org.nightjar.models.StageListener;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.testing.SampleAlerts;

/**
 * The batch buffer as a restart leaves it: Kafka Streams restores the store first and initialises
 * the processor after, so what was restored must be scored with the next batch, exactly once.
 */
class BatchScoreProcessorTest {
  private final AlertCodec codec = AlertCodec.withDefaults();
  private MockProcessorContext<byte[], Outcome> context;
  private KeyValueStore<Long, Outcome> buffer;

  @BeforeEach
  void setUp() {
    context = new MockProcessorContext<>();
    context.setCurrentSystemTimeMs(0L);
    buffer = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(BatchScoreProcessor.STORE), Serdes.Long(),
        OutcomeSerdes.decodedEnvelope()).withLoggingDisabled().build();
    buffer.init(context.getStateStoreContext(), buffer);
    context.addStateStore(buffer);
  }

  @Test
  void shouldScoreWhatTheStoreHeldAtInitWithTheNextBatch() throws Exception {
    List<Path> ztf = SampleAlerts.ztf();
    // Two alerts restored from the changelog before the processor is initialised.
    buffer.put(0L, decoded(ztf.get(0), 0));
    buffer.put(1L, decoded(ztf.get(1), 1));

    BatchScoreProcessor processor = processor();
    processor.init(context);
    Outcome arriving = decoded(ztf.get(2), 2);
    processor.process(new Record<>(new byte[0], arriving, 0L));
    drain();

    List<Long> scored = scoredAlertIds();
    assertEquals(List.of(alertId(ztf.get(0)), alertId(ztf.get(1)), alertId(ztf.get(2))), scored,
        "the restored alerts first, in arrival order, then the new one");
    assertTrue(isEmpty(buffer), "a closed batch leaves nothing in the store");
  }

  @Test
  void shouldNotScoreABatchAgainAfterARestartThatFollowsIt() throws Exception {
    List<Path> ztf = SampleAlerts.ztf();
    BatchScoreProcessor first = processor();
    first.init(context);
    first.process(new Record<>(new byte[0], decoded(ztf.get(0), 0), 0L));
    drain();
    assertEquals(1, scoredAlertIds().size());

    context.resetForwards();
    BatchScoreProcessor second = processor();
    second.init(context);
    drain();
    assertEquals(List.of(), scoredAlertIds(), "the store was emptied with the batch: nothing to score twice");
  }

  @Test
  void shouldAskForACommitAfterEachBatchOnlyWhenConfigured() throws Exception {
    Path alert = SampleAlerts.ztf().get(0);
    for (boolean commitAfterBatch : new boolean[] {false, true}) {
      context.resetCommit();
      BatchScoreProcessor processor = processor(commitAfterBatch);
      processor.init(context);
      processor.process(new Record<>(new byte[0], decoded(alert, 0), 0L));
      assertFalse(context.committed(), "nothing is asked while the batch is open");
      drain();
      assertEquals(commitAfterBatch, context.committed(), "commit.after.batch=" + commitAfterBatch);
    }
  }

  private BatchScoreProcessor processor() {
    return processor(false);
  }

  private BatchScoreProcessor processor(boolean commitAfterBatch) {
    ScoringPipeline pipeline = new ScoringPipeline(List.of(), Optional.empty(), StageListener.NONE, Clock.systemUTC());
    return new BatchScoreProcessor(AlertDecoder.of(codec), pipeline, Optional.empty(), ScoringMetrics.inMemory(), 8,
        Duration.ofMillis(100), commitAfterBatch, Optional.empty(), Clock.systemUTC());
  }

  /** Two drain checks with no arrival between them: the second closes the batch. */
  private void drain() {
    for (int i = 0; i < 2; i++) {
      context.scheduledPunctuators().forEach(p -> p.getPunctuator().punctuate(0L));
    }
  }

  private Outcome decoded(Path file, long offset) throws Exception {
    byte[] payload = Files.readAllBytes(file);
    return new Outcome.Decoded(new AlertEnvelope(payload, new SourceRef("ztf-alerts", 0, offset, 0L)), alertId(file));
  }

  private long alertId(Path file) throws Exception {
    return codec.decode(Files.readAllBytes(file)).alertId();
  }

  private List<Long> scoredAlertIds() {
    List<Long> ids = new ArrayList<>();
    context.forwarded().forEach(f -> {
      Outcome o = f.record().value();
      assertTrue(o instanceof Outcome.Scored, "forwarded " + o);
      ids.add(((Outcome.Scored) o).scores().getAlertId());
    });
    return ids;
  }

  private static boolean isEmpty(KeyValueStore<Long, Outcome> store) {
    try (KeyValueIterator<Long, Outcome> it = store.all()) {
      return !it.hasNext();
    }
  }
}

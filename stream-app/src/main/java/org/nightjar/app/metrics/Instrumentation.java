package org.nightjar.app.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import org.nightjar.app.Components;
import org.nightjar.app.NightjarStreams;

/** Binds the JVM, Kafka Streams and model-info meters beside Nightjar's own. */
public final class Instrumentation {
  private Instrumentation() {}

  @SuppressWarnings("resource")
  public static void bind(MeterRegistry registry, NightjarStreams streams, Components components) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new KafkaStreamsMetrics(streams.kafkaStreams()).bindTo(registry);
    Tags model = components.bundle()
        .map(b -> Tags.of("bundle", b.getName(), "version", b.getVersion()))
        .orElse(Tags.of("bundle", "none", "version", "none"))
        .and("stages", String.join(",", components.stages()))
        .and("backend", components.embedding().map(e -> e.backend().label()).orElse("none"))
        .and("network_copies", Integer.toString(components.embedding().map(e -> e.copies()).orElse(0)));
    Gauge.builder("nightjar.model.info", () -> 1.0).description("The model bundle in use (labels)").tags(model).register(registry);
    Gauge.builder("nightjar.stream.up", () -> streams.isRunning() ? 1.0 : 0.0)
        .description("1 when the Kafka Streams instance is RUNNING").register(registry);
  }
}

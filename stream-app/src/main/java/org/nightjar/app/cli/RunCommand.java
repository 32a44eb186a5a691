package org.nightjar.app.cli;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.nightjar.app.Components;
import org.nightjar.app.NightjarStreams;
import org.nightjar.app.config.AppConfig;
import org.nightjar.app.config.KafkaProperties;
import org.nightjar.app.config.StaticMembership;
import org.nightjar.app.metrics.Instrumentation;
import org.nightjar.app.metrics.MetricsServer;
import org.nightjar.app.metrics.ScoringMetrics;
import org.nightjar.app.security.KafkaAccessCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Production: attach to an existing Kafka cluster and score until stopped. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Attach to a Kafka cluster (kafka.bootstrap.servers) and score the input topics until stopped.",
        "Output topics (<prefix>.scored, <prefix>.dlq, <prefix>.<tag>) must exist; see ops/topics.sh.",
        "Exits with 77 when the cluster refuses the credentials, the TLS handshake or the ACLs."})
public final class RunCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);
  private static final Duration ACCESS_CHECK_TIMEOUT = Duration.ofSeconds(30);

  @Mixin ConfigOptions configOptions;

  @Override
  public Integer call() throws Exception {
    AppConfig config = configOptions.load(Map.of());
    LOG.info("configuration: input={} prefix={} application.id={} instance={} guarantee={} batch={}/{}ms kafka={}",
        config.inputTopics(), config.outputPrefix(), config.applicationId(),
        StaticMembership.instanceId(config).orElse("(dynamic membership)"), config.processingGuarantee(),
        config.batchMaxSize(), config.batchMaxWait().toMillis(), KafkaProperties.masked(config.kafka()));
    // Before the bundle loads: refused credentials should stop the app in seconds, not minutes.
    KafkaAccessCheck.verify(KafkaProperties.clients(config), ACCESS_CHECK_TIMEOUT);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ScoringMetrics metrics = new ScoringMetrics(registry);
    CountDownLatch stopped = new CountDownLatch(1);
    try (Components components = Components.from(config);
        NightjarStreams streams = new NightjarStreams(components.topology(metrics).build(), KafkaProperties.streams(config))) {
      Instrumentation.bind(registry, streams, components);
      MetricsServer server = config.metricsPort() > 0
          ? MetricsServer.start(config.metricsHost(), config.metricsPort(), registry, streams::isAlive, streams::isRunning) : null;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        LOG.info("shutting down");
        streams.close();
        if (server != null) {
          server.close();
        }
        stopped.countDown();
      }, "nightjar-shutdown"));
      streams.startAndAwaitRunning(Duration.ofMinutes(5));
      LOG.info("scoring {} -> {}.*{}", config.inputTopics(), config.outputPrefix(),
          server == null ? "" : " (metrics on :" + server.port() + "/metrics)");
      while (!stopped.await(200, TimeUnit.MILLISECONDS)) {
        if (streams.accessDenied().isPresent()) {
          throw streams.accessDenied().get();
        }
      }
    }
    return 0;
  }
}

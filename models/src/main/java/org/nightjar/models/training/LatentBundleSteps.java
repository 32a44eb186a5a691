package org.nightjar.models.training;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import org.nightjar.models.anomaly.AnomalyCalibration;
import org.nightjar.models.anomaly.AnomalyScorer;
import org.nightjar.models.anomaly.ReferenceSet;
import org.nightjar.models.artifact.ArtifactModels;
import org.nightjar.models.autoencoder.AutoencoderModel;
import org.nightjar.models.bundle.BundleException;
import org.nightjar.models.bundle.BundleManifest;
import org.nightjar.models.bundle.ModelBundle;
import org.nightjar.models.bundle.ModelBundleWriter;

/**
 * Adds the latent components to a bundle that has an autoencoder: embeds the given alerts with
 * it, then builds the reference set and its calibration ({@link Step#INDEX}) and the clusters and
 * artifact regression ({@link Step#ARTIFACT}), and writes the bundle with every other component
 * kept. Behind {@code train index}, {@code train artifact} and {@code train bundle}.
 */
public final class LatentBundleSteps {

  /** A step that can run alone on an existing bundle. */
  public enum Step { INDEX, ARTIFACT }

  /** Manifest section of the reference set and calibration. */
  public static final String INDEX_FACTS = ReferenceSet.COMPONENT;
  /** Manifest section of the clusters and artifact regression. */
  public static final String ARTIFACT_FACTS = ArtifactModels.REGRESSION;

  private LatentBundleSteps() {}

  /**
   * @param progress told how many of {@code files} have been embedded
   * @return the manifest written to {@code out}
   */
  public static BundleManifest run(ModelBundle base, List<Path> files, Set<Step> steps, int k, long seed,
      double descriptorWeight, String version, Path out, IntConsumer progress, PrintStream log) throws BundleException, IOException {
    if (!base.hasComponent(AutoencoderModel.COMPONENT)) {
      throw new BundleException("bundle " + base + " has no autoencoder to embed alerts with; train one first");
    }
    if (!steps.contains(Step.INDEX) && !base.hasComponent(ReferenceSet.COMPONENT)) {
      throw new BundleException("bundle " + base + " has no reference set for the artifact step; run train index first");
    }
    BundleHoldout holdout = BundleHoldout.of(base.manifest());
    LatentSamples.Result embedded = LatentSamples.embed(files, base, holdout, progress);
    long heldOut = embedded.samples().stream().filter(LatentSample::heldOut).count();
    log.printf("embedded %d of %d files (%d undecodable, %d without stamps); %d held out (%s)%n",
        embedded.samples().size(), embedded.files(), embedded.undecodable(), embedded.withoutStamps(), heldOut,
        holdout.describe());
    LatentTrainer trainer = new LatentTrainer(k, seed, descriptorWeight);
    ModelBundleWriter writer = ModelBundleWriter.from(base, version);
    ReferenceSet references;
    if (steps.contains(Step.INDEX)) {
      int dimension = embedded.samples().isEmpty() ? 1 : embedded.samples().get(0).vector().length;
      String aeSha = base.manifest().component(AutoencoderModel.COMPONENT).sha256();
      references = trainer.references(embedded.samples(), dimension, aeSha);
      AnomalyCalibration calibration = trainer.calibration(references);
      references.addTo(writer);
      calibration.addTo(writer);
      Map<String, Object> facts = trainer.indexFacts(references, calibration, holdout);
      facts.put("alertFiles", embedded.files());
      facts.put("heldOutAlertIds", embedded.samples().stream().filter(LatentSample::heldOut)
          .map(s -> s.survey() + ":" + s.alertId()).sorted().toList());
      writer.trainingData(INDEX_FACTS, facts);
      references.surveys().forEach((survey, refs) -> log.printf("%s: %d references, calibration p50 %.4f p99 %.4f%n",
          survey, refs.size(), calibration.of(survey).orElseThrow().quantile(0.5), calibration.of(survey).orElseThrow().quantile(0.99)));
    } else {
      references = ReferenceSet.load(base);
    }
    if (steps.contains(Step.ARTIFACT)) {
      LatentTrainer.ArtifactTraining artifact = trainer.artifact(embedded.samples(), references);
      artifact.models().addTo(writer, artifact.facts());
      Map<String, Object> facts = new LinkedHashMap<>();
      facts.put("heldOutRule", holdout.describe());
      facts.put("features", "ln reconstruction error, ln distance to the centroid, ln kNN score and distance-weighted bogusness of the "
          + AnomalyScorer.NEIGHBOURHOOD + " nearest references (leave-one-object-out), stamp descriptors, difference statistics of the whole stamps, cluster one-hot");
      artifact.facts().forEach((survey, f) -> facts.put(survey.name(), f));
      writer.trainingData(ARTIFACT_FACTS, facts);
      artifact.facts().forEach((survey, f) -> log.printf("%s: K=%s (silhouettes %s), sizes %s; regression on %s labelled references, %s artifacts (%s)%n",
          survey, f.get("k"), f.get("silhouettes"), f.get("sizes"), f.get("labelledReferences"), f.get("artifacts"), f.get("label")));
    }
    return writer.write(out);
  }

  public static Set<Step> all() {
    return EnumSet.allOf(Step.class);
  }
}

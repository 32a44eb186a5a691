package org.nightjar.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nightjar.models.stargal.AlteredAlerts;
import org.nightjar.models.stargal.LabelledStampCheck;
import org.nightjar.models.stargal.StarGalaxyEvaluation;
import org.nightjar.models.stargal.StarGalaxyFigure;
import org.nightjar.models.stargal.StarGalaxyModel;
import org.nightjar.models.stargal.StarGalaxyModelJson;
import org.nightjar.models.stargal.StarGalaxySamples;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Survey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evaluates stored XD star/galaxy priors, each on the alerts of its own survey that its hold-out
 * rule kept from training. ZTF: ROC AUC against PS1 labels (sgscore1 &gt; 0.8 star, &lt; 0.2
 * galaxy) within 1 and 5 arcsec, for the raw primary feature, raw sharpnr, the deconvolved primary
 * feature and P(star). Rubin: ROC AUC of P(star) against the pipeline's {@code extendedness} (&lt;
 * 0.5 point-like), which the prior never reads. Each with class counts, the numbers of training
 * and held-out objects, and a bootstrap interval; optionally figures and an HTML page, and the raw
 * concentration on independently labelled stamps.
 */
@Command(name = "xd", mixinStandardHelpOptions = true,
    description = {"Evaluate the XD star/galaxy priors on held-out alerts: ZTF against PS1 sgscore1 labels,",
        "Rubin against the pipeline's extendedness (not a prior input). Prints ROC AUCs with bootstrap intervals;",
        "with --out also writes stargal.png (ZTF), stargal-rubin.png (Rubin) and stargal.html."})
public final class EvaluateXdCommand implements Callable<Integer> {

  private static final int ROUNDS = 2000;
  private static final long BOOTSTRAP_SEED = 7;

  @Option(names = "--alerts", required = true, arity = "1..*", paramLabel = "DIR",
      description = "Folders of alert packets (.avro); each prior is evaluated on its own survey's alerts.")
  List<Path> alerts;

  @Option(names = "--prior", required = true, paramLabel = "FILE_OR_DIR",
      description = "A model bundle (every survey's prior), a folder with xd-prior*.json, or one such file.")
  Path prior;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for the figures and stargal.html.")
  Path out;

  @Option(names = "--exclude", paramLabel = "FILE", description = "Alert ids to leave out (CSV with a candid column, or one per line).")
  Path exclude;

  @Option(names = "--labelled", paramLabel = "DIR",
      description = "Folder with labels.csv (file,label) and star/galaxy stamps: also check the ZTF raw concentration there.")
  Path labelled;

  /** One survey's evaluation: its model, samples and label rows. */
  private record SurveyResult(Survey survey, StarGalaxyModel model, StarGalaxySamples samples,
      List<StarGalaxyEvaluation> evaluations) {}

  @Override
  public Integer call() throws IOException {
    PrintStream log = System.err;
    PrintStream outStream = System.out;
    Map<Survey, StarGalaxyModel> models = StarGalaxyModelJson.readAll(prior);
    AlteredAlerts altered = exclude == null ? AlteredAlerts.placeholdersOnly() : AlteredAlerts.fromFile(exclude);
    int fileCount = 0;
    for (Path folder : alerts) {
      fileCount += AlertFiles.list(folder).size();
    }
    List<SurveyResult> results = new ArrayList<>();
    for (Map.Entry<Survey, StarGalaxyModel> m : models.entrySet()) {
      Survey survey = m.getKey();
      StarGalaxyModel model = m.getValue();
      StarGalaxySamples samples;
      try (Progress progress = new Progress("reading alerts for the " + survey + " prior", fileCount)) {
        samples = StarGalaxySamples.load(alerts, survey, model.features(), altered, model.holdout(),
            (d, t) -> progress.stepTo(d));
      }
      List<StarGalaxySamples.Entry> heldOut = samples.heldOut();
      outStream.printf("%s prior: K=%d, features %s, star threshold %.2f, %s%n", survey,
          model.prior().mixture().components(), names(model), model.starThreshold(), model.holdout().rule());
      outStream.printf("%s alerts: %d files, %d of other surveys, %d excluded as altered, %d without measurable "
          + "features, %d usable: training %d alerts of %d objects, held out %d alerts of %d objects%n", survey,
          samples.files(), samples.otherSurveys(), samples.altered(), samples.unmeasurable(), samples.entries().size(),
          samples.entries().size() - heldOut.size(), objects(samples.entries(), false), heldOut.size(),
          objects(samples.entries(), true));
      List<StarGalaxyEvaluation> evaluations = new ArrayList<>();
      if (heldOut.isEmpty()) {
        outStream.printf("%s: no held-out alerts here, nothing to evaluate%n", survey);
      } else if (survey == Survey.RUBIN) {
        evaluations.add(StarGalaxyEvaluation.of(model, heldOut, StarGalaxySamples.Entry::pointLike,
            "held-out objects, extendedness < 0.5 point-like"));
        List<StarGalaxySamples.Entry> training = samples.entries().stream().filter(e -> !e.heldOut()).toList();
        evaluations.add(StarGalaxyEvaluation.of(model, training, StarGalaxySamples.Entry::pointLike,
            "training objects (in-sample), same label"));
        printRubin(outStream, evaluations);
      } else {
        evaluations.add(StarGalaxyEvaluation.of(model, heldOut, StarGalaxySamples.Entry::starWithin1,
            "PS1 counterpart within 1 arcsec"));
        evaluations.add(StarGalaxyEvaluation.of(model, heldOut, StarGalaxySamples.Entry::starWithin5,
            "PS1 counterpart within 5 arcsec"));
        printZtf(outStream, model, evaluations);
      }
      results.add(new SurveyResult(survey, model, samples, evaluations));
    }
    LabelledStampCheck.Result check = null;
    if (labelled != null && models.containsKey(Survey.ZTF)) {
      check = LabelledStampCheck.run(labelled,
          LabelledStampCheck.smallStamp(models.get(Survey.ZTF).features().settings().concentration()));
      outStream.printf("labelled stamps (%s): %d stars, %d galaxies, %d not measurable; raw concentration AUC %.3f%n",
          labelled.getFileName(), check.stars(), check.galaxies(), check.unmeasured(), check.auc());
    }
    if (out != null) {
      Files.createDirectories(out);
      for (SurveyResult r : results) {
        if (r.evaluations().isEmpty()) {
          continue;
        }
        Path png = out.resolve(figureName(r.survey()));
        String primary = r.model().features().features().get(0).featureName();
        if (r.survey() == Survey.RUBIN) {
          StarGalaxyFigure.write(r.evaluations().get(0).points(), primary,
              "XD star/galaxy prior on held-out Rubin alerts (extendedness labels)", StarGalaxyFigure.Axes.rubin(), png);
        } else {
          StarGalaxyFigure.write(r.evaluations().get(1).points(), primary,
              "XD star/galaxy prior on held-out ZTF alerts (PS1 labels within 5 arcsec)", png);
        }
        outStream.printf("wrote %s%n", png);
      }
      Files.writeString(out.resolve("stargal.html"), html(results, check), StandardCharsets.UTF_8);
      outStream.printf("wrote %s%n", out.resolve("stargal.html"));
    }
    log.flush();
    return 0;
  }

  private static void printZtf(PrintStream o, StarGalaxyModel model, List<StarGalaxyEvaluation> evaluations) {
    String primary = model.features().features().get(0).featureName();
    o.printf("%-32s %6s %8s %12s %18s %10s %8s %17s%n", "labels (held-out alerts)", "stars", "galaxies",
        "raw " + abbreviate(primary), "raw sharpnr (n)", "posterior", "P(star)", "P(star) 95% CI");
    for (StarGalaxyEvaluation e : evaluations) {
      double[] ci = e.pStarAucInterval(ROUNDS, BOOTSTRAP_SEED);
      o.printf("%-32s %6d %8d %12.3f %11.3f (%4d) %10.3f %8.3f    [%.3f, %.3f]%n", e.labelRule(), e.stars(),
          e.galaxies(), e.rawPrimaryAuc(), e.rawSharpnrAuc(), e.sharpnrMeasured(), e.posteriorPrimaryAuc(), e.pStarAuc(),
          ci[0], ci[1]);
    }
    o.println("(ROC AUC for 'star'; raw columns threshold one measured feature, lower = star; sharpnr as"
        + " -|sharpnr - point-source value| on the n alerts where it is measured; posterior = deconvolved primary feature;"
        + " CI = " + ROUNDS + " bootstrap resamples)");
  }

  private static void printRubin(PrintStream o, List<StarGalaxyEvaluation> evaluations) {
    o.printf("%-46s %6s %8s %16s %8s %17s%n", "Rubin labels", "point", "extended", "raw |primary| (n)", "P(star)",
        "P(star) 95% CI");
    for (StarGalaxyEvaluation e : evaluations) {
      double[] ci = e.pStarAucInterval(ROUNDS, BOOTSTRAP_SEED);
      o.printf("%-46s %6d %8d %9.3f (%4d) %8.3f    [%.3f, %.3f]%n", e.labelRule(), e.stars(), e.galaxies(),
          e.rawAbsPrimaryAuc(), e.primaryMeasured(), e.pStarAuc(), ci[0], ci[1]);
    }
    o.println("(ROC AUC for 'point-like' against Rubin's extendedness, which the prior does not read; raw |primary| ="
        + " -|ln trace ratio - point-source value| on the n alerts where it is measured; one alert per object here;"
        + " CI = " + ROUNDS + " bootstrap resamples of the alerts)");
  }

  private static String figureName(Survey survey) {
    return survey == Survey.ZTF ? "stargal.png" : "stargal-" + survey.name().toLowerCase(java.util.Locale.ROOT) + ".png";
  }

  private static List<String> names(StarGalaxyModel model) {
    return model.features().features().stream().map(f -> f.featureName()).toList();
  }

  private static long objects(List<StarGalaxySamples.Entry> entries, boolean heldOut) {
    return entries.stream().filter(e -> e.heldOut() == heldOut).map(StarGalaxySamples.Entry::objectId).distinct().count();
  }

  private static String abbreviate(String name) {
    return name.length() > 8 ? name.substring(0, 8) : name;
  }

  private static String html(List<SurveyResult> results, LabelledStampCheck.Result check) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Nightjar XD star/galaxy evaluation</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}"
            + "th{background:#eee}</style></head><body>\n")
        .append("<h1>XD star/galaxy priors: held-out evaluation</h1>\n");
    for (SurveyResult r : results) {
      StarGalaxyModel model = r.model();
      StarGalaxySamples samples = r.samples();
      b.append("<h2>").append(r.survey()).append("</h2>\n<p>Prior: K = ").append(model.prior().mixture().components())
          .append(", features ").append(escape(names(model).toString())).append(", star threshold ")
          .append(model.starThreshold()).append(". Hold-out rule: ").append(escape(model.holdout().rule()))
          .append(".</p>\n<p>Alerts: ").append(samples.files()).append(" files, ").append(samples.otherSurveys())
          .append(" of other surveys, ").append(samples.altered()).append(" excluded as altered, ")
          .append(samples.unmeasurable()).append(" without measurable features; training ")
          .append(objects(samples.entries(), false)).append(" objects, held out ").append(samples.heldOut().size())
          .append(" alerts of ").append(objects(samples.entries(), true)).append(" objects.</p>\n");
      if (r.evaluations().isEmpty()) {
        b.append("<p>No held-out alerts of this survey were given.</p>\n");
        continue;
      }
      if (r.survey() == Survey.RUBIN) {
        b.append("<p>Label: Rubin's <code>extendedness</code> (&lt; 0.5 point-like), which the prior does not read."
            + "</p>\n<table><tr><th>alerts</th><th>point</th><th>extended</th><th>raw |primary| (n)</th>"
            + "<th>P(star)</th><th>P(star) 95% CI</th></tr>\n");
        for (StarGalaxyEvaluation e : r.evaluations()) {
          double[] ci = e.pStarAucInterval(ROUNDS, BOOTSTRAP_SEED);
          b.append(String.format("<tr><td>%s</td><td>%d</td><td>%d</td><td>%.3f (%d)</td><td>%.3f</td>"
              + "<td>[%.3f, %.3f]</td></tr>%n", escape(e.labelRule()), e.stars(), e.galaxies(), e.rawAbsPrimaryAuc(),
              e.primaryMeasured(), e.pStarAuc(), ci[0], ci[1]));
        }
      } else {
        b.append("<table><tr><th>labels</th><th>stars</th><th>galaxies</th><th>raw primary</th>"
            + "<th>raw sharpnr (n)</th><th>posterior primary</th><th>P(star)</th><th>P(star) 95% CI</th></tr>\n");
        for (StarGalaxyEvaluation e : r.evaluations()) {
          double[] ci = e.pStarAucInterval(ROUNDS, BOOTSTRAP_SEED);
          b.append(String.format("<tr><td>%s</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.3f (%d)</td><td>%.3f</td>"
              + "<td>%.3f</td><td>[%.3f, %.3f]</td></tr>%n", escape(e.labelRule()), e.stars(), e.galaxies(),
              e.rawPrimaryAuc(), e.rawSharpnrAuc(), e.sharpnrMeasured(), e.posteriorPrimaryAuc(), e.pStarAuc(), ci[0],
              ci[1]));
        }
      }
      b.append("</table>\n");
      if (r.survey() == Survey.ZTF && check != null) {
        b.append(String.format("<p>Independent labelled stamps: %d stars, %d galaxies, %d not measurable; raw "
            + "concentration AUC %.3f.</p>%n", check.stars(), check.galaxies(), check.unmeasured(), check.auc()));
      }
      String png = figureName(r.survey());
      b.append("<p><img src=\"").append(png).append("\" alt=\"raw and posterior primary feature of ")
          .append(r.survey()).append(" point-like and extended sources\"></p>\n");
    }
    b.append("</body></html>\n");
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

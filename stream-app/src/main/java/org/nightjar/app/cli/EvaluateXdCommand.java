package org.nightjar.app.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.nightjar.models.stargal.AlteredAlerts;
import org.nightjar.models.stargal.LabelledStampCheck;
import org.nightjar.models.stargal.StarGalaxyEvaluation;
import org.nightjar.models.stargal.StarGalaxyFigure;
import org.nightjar.models.stargal.StarGalaxyModel;
import org.nightjar.models.stargal.StarGalaxyModelJson;
import org.nightjar.models.stargal.StarGalaxySamples;
import org.nightjar.schemas.AlertFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Evaluates a stored XD star/galaxy prior on the alerts its hold-out rule kept from training:
 * ROC AUC against PS1 labels (sgscore1 &gt; 0.8 star, &lt; 0.2 galaxy) within 1 and 5 arcsec, for
 * the raw primary feature, raw sharpnr, the deconvolved primary feature and P(star), with class
 * counts and a bootstrap interval; optionally a figure and an HTML page, and the raw concentration
 * on independently labelled stamps.
 */
@Command(name = "xd", mixinStandardHelpOptions = true,
    description = {"Evaluate an XD star/galaxy prior on held-out alerts against PS1 sgscore1 labels.",
        "Prints ROC AUCs; with --out also writes stargal.png and stargal.html."})
public final class EvaluateXdCommand implements Callable<Integer> {

  @Option(names = "--alerts", required = true, paramLabel = "DIR", description = "Folder of alert packets (.avro).")
  Path alerts;

  @Option(names = "--prior", required = true, paramLabel = "FILE_OR_DIR",
      description = "xd-prior.json, or a folder (bundle) holding it.")
  Path prior;

  @Option(names = "--out", paramLabel = "DIR", description = "Folder for stargal.png and stargal.html.")
  Path out;

  @Option(names = "--exclude", paramLabel = "FILE", description = "Alert ids to leave out (CSV with a candid column, or one per line).")
  Path exclude;

  @Option(names = "--labelled", paramLabel = "DIR",
      description = "Folder with labels.csv (file,label) and star/galaxy stamps: also check the raw concentration there.")
  Path labelled;

  @Override
  public Integer call() throws IOException {
    PrintStream log = System.err;
    PrintStream outStream = System.out;
    StarGalaxyModel model = StarGalaxyModelJson.read(prior);
    AlteredAlerts altered = exclude == null ? AlteredAlerts.placeholdersOnly() : AlteredAlerts.fromFile(exclude);
    StarGalaxySamples samples;
    try (Progress progress = new Progress("reading alerts", AlertFiles.list(alerts).size())) {
      samples = StarGalaxySamples.load(alerts, model.features(), altered, model.holdout(), (d, t) -> progress.stepTo(d));
    }
    List<StarGalaxySamples.Entry> heldOut = samples.heldOut();
    outStream.printf("prior: K=%d, features %s, star threshold %.2f, %s%n", model.prior().mixture().components(),
        model.features().features().stream().map(f -> f.featureName()).toList(), model.starThreshold(),
        model.holdout().rule());
    outStream.printf("alerts: %d files, %d excluded as altered, %d without measurable features, %d usable, "
        + "%d held out%n", samples.files(), samples.altered(), samples.unmeasurable(), samples.entries().size(),
        heldOut.size());
    List<StarGalaxyEvaluation> evaluations = new ArrayList<>();
    evaluations.add(StarGalaxyEvaluation.of(model, heldOut, StarGalaxySamples.Entry::starWithin1,
        "PS1 counterpart within 1 arcsec"));
    evaluations.add(StarGalaxyEvaluation.of(model, heldOut, StarGalaxySamples.Entry::starWithin5,
        "PS1 counterpart within 5 arcsec"));
    String primary = model.features().features().get(0).featureName();
    outStream.printf("%-32s %6s %8s %12s %18s %10s %8s %17s%n", "labels (held-out alerts)", "stars", "galaxies",
        "raw " + abbreviate(primary), "raw sharpnr (n)", "posterior", "P(star)", "P(star) 95% CI");
    for (StarGalaxyEvaluation e : evaluations) {
      double[] ci = e.pStarAucInterval(2000, 7);
      outStream.printf("%-32s %6d %8d %12.3f %11.3f (%4d) %10.3f %8.3f    [%.3f, %.3f]%n", e.labelRule(), e.stars(),
          e.galaxies(), e.rawPrimaryAuc(), e.rawSharpnrAuc(), e.sharpnrMeasured(), e.posteriorPrimaryAuc(), e.pStarAuc(),
          ci[0], ci[1]);
    }
    outStream.println("(ROC AUC for 'star'; raw columns threshold one measured feature, lower = star; sharpnr as"
        + " -|sharpnr - point-source value| on the n alerts where it is measured; posterior = deconvolved primary feature;"
        + " CI = 2000 bootstrap resamples)");
    LabelledStampCheck.Result check = null;
    if (labelled != null) {
      check = LabelledStampCheck.run(labelled, LabelledStampCheck.smallStamp(model.features().settings().concentration()));
      outStream.printf("labelled stamps (%s): %d stars, %d galaxies, %d not measurable; raw concentration AUC %.3f%n",
          labelled.getFileName(), check.stars(), check.galaxies(), check.unmeasured(), check.auc());
    }
    if (out != null) {
      Files.createDirectories(out);
      StarGalaxyFigure.write(evaluations.get(1).points(), primary,
          "XD star/galaxy prior on held-out ZTF alerts (PS1 labels within 5 arcsec)", out.resolve("stargal.png"));
      Files.writeString(out.resolve("stargal.html"), html(model, samples, evaluations, check), StandardCharsets.UTF_8);
      outStream.printf("wrote %s and %s%n", out.resolve("stargal.png"), out.resolve("stargal.html"));
    }
    log.flush();
    return 0;
  }

  private static String abbreviate(String name) {
    return name.length() > 8 ? name.substring(0, 8) : name;
  }

  private static String html(StarGalaxyModel model, StarGalaxySamples samples, List<StarGalaxyEvaluation> evaluations,
      LabelledStampCheck.Result check) {
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Nightjar XD star/galaxy evaluation</title>")
        .append("<style>body{font-family:sans-serif;margin:2em}td,th{padding:4px 10px;text-align:right}"
            + "th{background:#eee}</style></head><body>\n")
        .append("<h1>XD star/galaxy prior: held-out evaluation</h1>\n<p>Prior: K = ")
        .append(model.prior().mixture().components()).append(", features ")
        .append(escape(model.features().features().stream().map(f -> f.featureName()).toList().toString()))
        .append(", star threshold ").append(model.starThreshold()).append(". Hold-out rule: ")
        .append(escape(model.holdout().rule())).append(".</p>\n<p>Alerts: ").append(samples.files())
        .append(" files, ").append(samples.altered()).append(" excluded as altered, ").append(samples.unmeasurable())
        .append(" without measurable features, ").append(samples.heldOut().size()).append(" held out.</p>\n")
        .append("<table><tr><th>labels</th><th>stars</th><th>galaxies</th><th>raw primary</th><th>raw sharpnr (n)</th>"
            + "<th>posterior primary</th><th>P(star)</th><th>P(star) 95% CI</th></tr>\n");
    for (StarGalaxyEvaluation e : evaluations) {
      double[] ci = e.pStarAucInterval(2000, 7);
      b.append(String.format("<tr><td>%s</td><td>%d</td><td>%d</td><td>%.3f</td><td>%.3f (%d)</td><td>%.3f</td>"
          + "<td>%.3f</td><td>[%.3f, %.3f]</td></tr>%n", escape(e.labelRule()), e.stars(), e.galaxies(), e.rawPrimaryAuc(),
          e.rawSharpnrAuc(), e.sharpnrMeasured(), e.posteriorPrimaryAuc(), e.pStarAuc(), ci[0], ci[1]));
    }
    b.append("</table>\n");
    if (check != null) {
      b.append(String.format("<p>Independent labelled stamps: %d stars, %d galaxies, %d not measurable; raw "
          + "concentration AUC %.3f.</p>%n", check.stars(), check.galaxies(), check.unmeasured(), check.auc()));
    }
    b.append("<p><img src=\"stargal.png\" alt=\"raw and posterior concentration of PS1 stars and galaxies\"></p>\n")
        .append("</body></html>\n");
    return b.toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

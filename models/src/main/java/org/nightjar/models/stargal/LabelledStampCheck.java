package org.nightjar.models.stargal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nightjar.models.xd.RocAuc;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;
import org.nightjar.schemas.fits.CutoutDecoder;

/**
 * An independent check of the aperture concentration on labelled stamps: a folder with
 * {@code labels.csv} (columns {@code file}, {@code label} = star | galaxy) and the gzip FITS stamps
 * it names, such as 20 x 20 ZTF science-image cutouts labelled by Legacy Survey morphology. The
 * measurement uses the same radii as the model but a background annulus that fits the small
 * stamp (6-9.5 px). Only the raw feature is checked: these stamps are single exposures with
 * another PSF than the templates the prior was fitted on.
 *
 * <p>Thread-safe (stateless).
 */
public final class LabelledStampCheck {

  /** Counts and the ROC AUC of -concentration for "star". */
  public record Result(int stars, int galaxies, int unmeasured, double auc) {}

  private LabelledStampCheck() {}

  /** The concentration measurement for 20 x 20 stamps with the given aperture radii. */
  public static TemplateConcentration smallStamp(TemplateConcentration model) {
    return new TemplateConcentration(model.innerRadius(), model.outerRadius(), 6.0, 9.5, model.searchRadius(), 20,
        model.minSignalToNoise(), model.sigmaFloor());
  }

  public static Result run(Path folder, TemplateConcentration measurement) throws IOException {
    List<String> lines = Files.readAllLines(folder.resolve("labels.csv"), StandardCharsets.UTF_8);
    List<String> header = List.of(lines.get(0).split(","));
    int fileCol = header.indexOf("file");
    int labelCol = header.indexOf("label");
    if (fileCol < 0 || labelCol < 0) {
      throw new IOException("labels.csv needs 'file' and 'label' columns, has " + header);
    }
    CutoutDecoder decoder = new CutoutDecoder(1 << 20, 1, 256);
    List<Boolean> labels = new ArrayList<>();
    List<Double> scores = new ArrayList<>();
    int unmeasured = 0;
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",");
      boolean star = "star".equals(v[labelCol]);
      Optional<TemplateConcentration.Measurement> m;
      try {
        Cutout c = decoder.decode(Files.readAllBytes(folder.resolve(v[fileCol])));
        m = measurement.measure(c);
      } catch (AlertDecodeException e) {
        m = Optional.empty();
      }
      if (m.isEmpty()) {
        unmeasured++;
        continue;
      }
      labels.add(star);
      scores.add(-m.get().value());
    }
    boolean[] y = new boolean[labels.size()];
    double[] s = new double[y.length];
    int stars = 0;
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
      s[i] = scores.get(i);
      stars += y[i] ? 1 : 0;
    }
    double auc = stars > 0 && stars < y.length ? RocAuc.of(s, y) : Double.NaN;
    return new Result(stars, y.length - stars, unmeasured, auc);
  }
}

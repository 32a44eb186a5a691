package org.nightjar.models.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.nightjar.models.preprocess.CutoutPreprocessor;
import org.nightjar.models.preprocess.PreparedStack;
import org.nightjar.schemas.Alert;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.AlertFiles;
import org.nightjar.schemas.Cutout;

/**
 * Writes the stamp strips of alerts into the report's {@value #FOLDER} folder, once per alert and
 * view, reading each packet again (the report keeps scores, not packets, in memory), and answers
 * their file names relative to the page.
 *
 * <p>Not thread-safe: one report writes its strips from one thread.
 */
final class StampStrips {

  static final String FOLDER = "stamps";

  /** How a strip shows the stamps, and how large. */
  enum View {
    /** What the network sees, at full gallery size. */
    MODEL("model", 128),
    /** The full stamps on a linear min-max scale. */
    LINEAR("linear", 128),
    /** What the network sees, at neighbour size. */
    MODEL_SMALL("model-small", 64);

    private final String suffix;
    private final int stampPixels;

    View(String suffix, int stampPixels) {
      this.suffix = suffix;
      this.stampPixels = stampPixels;
    }
  }

  private final Path folder;
  private final AlertCodec codec;
  private final CutoutPreprocessor preprocessor;
  private final PacketFiles packets;
  private final Map<String, Optional<String>> written = new HashMap<>();

  StampStrips(Path reportFolder, AlertCodec codec, CutoutPreprocessor preprocessor, PacketFiles packets)
      throws IOException {
    this.folder = Files.createDirectories(reportFolder.resolve(FOLDER));
    this.codec = codec;
    this.preprocessor = preprocessor;
    this.packets = packets;
  }

  /**
   * The strip of an alert in one view, relative to the page; empty when its packet is not among
   * the known files or lacks one of the three stamps.
   */
  Optional<String> strip(long alertId, View view) throws IOException {
    String name = alertId + "-" + view.suffix + ".png";
    Optional<String> known = written.get(name);
    if (known != null) {
      return known;
    }
    Optional<String> made = draw(alertId, view, name);
    written.put(name, made);
    return made;
  }

  private Optional<String> draw(long alertId, View view, String name) throws IOException {
    Optional<Path> file = packets.file(alertId);
    if (file.isEmpty()) {
      return Optional.empty();
    }
    Cutout[] stamps = new Cutout[CutoutPreprocessor.CHANNELS.size()];
    try {
      Alert alert = codec.decode(AlertFiles.read(file.get()));
      for (int c = 0; c < stamps.length; c++) {
        Optional<Cutout> stamp = alert.cutout(CutoutPreprocessor.CHANNELS.get(c));
        if (stamp.isEmpty()) {
          return Optional.empty();
        }
        stamps[c] = stamp.get();
      }
    } catch (AlertDecodeException e) {
      return Optional.empty();
    }
    var image = switch (view) {
      case MODEL, MODEL_SMALL -> {
        PreparedStack stack = preprocessor.prepare(stamps[0], stamps[1], stamps[2]);
        yield StampImages.model(stack, StampImages.scaleFor(stack.size(), view.stampPixels));
      }
      case LINEAR -> StampImages.linear(stamps, StampImages.scaleFor(stamps[0].width(), view.stampPixels));
    };
    ImageIO.write(image, "png", folder.resolve(name).toFile());
    return Optional.of(FOLDER + "/" + name);
  }
}

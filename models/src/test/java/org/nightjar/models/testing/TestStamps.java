package org.nightjar.models.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.nightjar.schemas.AlertCodec;
import org.nightjar.schemas.AlertDecodeException;
import org.nightjar.schemas.Cutout;

/** Real ZTF stamps from the test resources (see the README beside them). */
public final class TestStamps {

  public static final String ORDINARY = "1034526141515010021";
  public static final String WITH_NAN = "1034529784115010007";
  public static final String EDGE = "2481126382415015000";

  private TestStamps() {}

  public static Cutout read(String candid, String kind) {
    String name = "/org/nightjar/models/preprocess/" + candid + "_" + kind + ".fits.gz";
    try (InputStream in = TestStamps.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return AlertCodec.withDefaults().cutoutDecoder().decode(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (AlertDecodeException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Science, template, difference of one alert. */
  public static Cutout[] triplet(String candid) {
    return new Cutout[] {read(candid, "science"), read(candid, "template"), read(candid, "difference")};
  }
}

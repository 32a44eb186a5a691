package org.nightjar.models.bundle;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** Reads and writes {@code manifest.json}. Thread-safe (the mapper is configured once). */
final class ManifestJson {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ManifestJson() {}

  static byte[] write(BundleManifest manifest) throws BundleException {
    try {
      return MAPPER.writeValueAsBytes(manifest);
    } catch (IOException e) {
      throw new BundleException("cannot serialise the bundle manifest: " + e.getMessage(), e);
    }
  }

  static BundleManifest read(byte[] json, String where) throws BundleException {
    try {
      return MAPPER.readValue(json, BundleManifest.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new BundleException("invalid manifest.json in " + where + ": " + e.getMessage(), e);
    }
  }
}

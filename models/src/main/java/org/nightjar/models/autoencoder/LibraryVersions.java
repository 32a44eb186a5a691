package org.nightjar.models.autoencoder;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of the libraries that write a bundle, read from their jars' Maven metadata. */
final class LibraryVersions {

  private LibraryVersions() {}

  static Map<String, String> current() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put("java", System.getProperty("java.version"));
    versions.put("nd4j-api", mavenVersion("org.nd4j", "nd4j-api"));
    versions.put("nd4j-backend", BackendInfo.current().label());
    versions.put("nd4j-native", mavenVersion("org.nd4j", "nd4j-native"));
    return versions;
  }

  private static String mavenVersion(String group, String artifact) {
    String path = "META-INF/maven/" + group + "/" + artifact + "/pom.properties";
    try (InputStream in = LibraryVersions.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}

package dev.capsem.core.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The builder's own version, an input of every build step (a new builder rebuilds). */
final class BuilderVersion {

  /** {@code capsem-java <version>}, from the resource the build filters. */
  static final String VALUE = "capsem-java " + read();

  private BuilderVersion() {}

  private static String read() {
    try (InputStream in = BuilderVersion.class.getResourceAsStream("builder.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read builder.properties", e);
    }
  }
}

package dev.capsem.core.internal.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The builder's own version, an input of every build step (a new builder rebuilds) and the version
 * a release's provenance states.
 */
public final class BuilderVersion {

  /** The component name provenance gives this builder. */
  public static final String NAME = "capsem-java";

  private static final String VERSION = read();

  /** {@code capsem-java <version>}, from the resource the build filters. */
  static final String VALUE = NAME + " " + VERSION;

  private BuilderVersion() {}

  /** The bare version ({@code 0.1.0-SNAPSHOT}), or {@code unknown}. */
  public static String version() {
    return VERSION;
  }

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

package dev.capsem.core.internal.settings;

import java.util.List;

/** Where VM assets are cached and looked for, and where they are downloaded from. */
public record AssetLocations(String assetsDir, List<String> imageRoots, String downloadBaseUrl) {

  public AssetLocations {
    imageRoots = List.copyOf(imageRoots);
  }
}

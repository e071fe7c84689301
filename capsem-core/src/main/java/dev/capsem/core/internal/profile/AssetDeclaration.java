package dev.capsem.core.internal.profile;

/** One VM asset a profile boots: where to fetch it and what its bytes must be. */
public record AssetDeclaration(
    String url, String hash, String signatureUrl, long size, String contentType) {

  /** The file name the asset is stored under: the last segment of its URL. */
  public String fileName() {
    return fileNameOf(url);
  }

  /** The last segment of {@code url}'s path, before any query or fragment. */
  public static String fileNameOf(String url) {
    String path = url;
    int cut = path.indexOf('?');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    cut = path.indexOf('#');
    if (cut >= 0) {
      path = path.substring(0, cut);
    }
    return path.substring(path.lastIndexOf('/') + 1);
  }
}

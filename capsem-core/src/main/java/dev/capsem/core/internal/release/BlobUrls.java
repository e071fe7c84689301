package dev.capsem.core.internal.release;

import dev.capsem.core.internal.image.ReleaseProfile;
import dev.capsem.core.internal.io.Sha256;
import dev.capsem.core.internal.manifest.PayloadUrls;
import dev.capsem.core.internal.oci.RegistryUrls;
import dev.capsem.core.ports.OciReference;
import dev.capsem.core.ports.Signer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A release's URLs at the registry it is pushed to. A blob URL depends only on the registry, the
 * repository and the file's sha256, so the release profile and the catalog can name the blobs
 * before anything is pushed (and before they are signed); the deploy stage then pushes exactly
 * those bytes.
 */
final class BlobUrls {

  private final OciReference target;

  /**
   * @param registry {@code REGISTRY/REPO:TAG}, already checked by {@link PublishRules}
   */
  BlobUrls(String registry) {
    this.target = OciReference.parse(registry);
  }

  /** The blob URL of a file. */
  String of(Path file) throws IOException {
    return RegistryUrls.blobUrl(target, "sha256:" + Sha256.hexOfFile(file));
  }

  /** Each asset's blob and its signature's (both must exist: the assets are signed first). */
  ReleaseProfile.AssetUrls assets(Path assetsDir) {
    return new ReleaseProfile.AssetUrls() {
      @Override
      public String url(String arch, String name) {
        return unchecked(assetsDir.resolve(arch).resolve(name));
      }

      @Override
      public String signatureUrl(String arch, String name) {
        return unchecked(Signer.defaultSignatureFile(assetsDir.resolve(arch).resolve(name)));
      }
    };
  }

  /** The release profile's blob and its signature's (signed before the catalog is made). */
  PayloadUrls payloads() {
    return new PayloadUrls() {
      @Override
      public String url(Path payload) throws IOException {
        return of(payload);
      }

      @Override
      public String signatureUrl(Path payload) throws IOException {
        return of(Signer.defaultSignatureFile(payload));
      }
    };
  }

  /** The blob URL of every file of the release folder, for checking it before it is pushed. */
  Map<String, Path> staged(Map<String, Path> files) throws IOException {
    Map<String, Path> urls = new LinkedHashMap<>();
    for (Path file : files.values()) {
      urls.put(of(file), file);
    }
    return urls;
  }

  private String unchecked(Path file) {
    try {
      return of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot hash " + file, e);
    }
  }
}

package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.ObjectNode;
import java.util.Objects;

/**
 * One checked location of a catalog revision, in upstream's {@code ManifestUrlCheck} shape. Unset
 * fields are {@code null} and left out of the report.
 *
 * @param kind {@code profile_payload}, {@code profile_signature}, {@code vm_asset} or {@code
 *     vm_asset_signature}
 * @param url the normalised URL
 * @param scheme its scheme
 * @param ok whether this location passed
 * @param arch {@code arm64} or {@code x86_64} for VM assets
 * @param assetKind {@code kernel}, {@code initrd} or {@code rootfs} for VM assets
 * @param downloadPath where the verified file was kept (download mode; ours: only when kept)
 * @param failure upstream's failure word ({@code missing}, {@code hash_mismatch}, ...)
 * @param message the details of a failure, or minisign's text
 */
public record UrlCheck(
    String kind,
    String url,
    String scheme,
    boolean ok,
    String arch,
    String assetKind,
    String downloadPath,
    Integer statusCode,
    Long contentLength,
    String contentType,
    Long expectedSize,
    Long actualSize,
    String expectedHash,
    String actualHash,
    String failure,
    String message) {

  public UrlCheck {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(scheme, "scheme");
  }

  /** The same check without a download path, for a file that was not kept. */
  public UrlCheck withoutDownloadPath() {
    return new UrlCheck(
        kind,
        url,
        scheme,
        ok,
        arch,
        assetKind,
        null,
        statusCode,
        contentLength,
        contentType,
        expectedSize,
        actualSize,
        expectedHash,
        actualHash,
        failure,
        message);
  }

  /** Upstream's key order, {@code null}s left out. */
  public ObjectNode toJson() {
    ObjectNode.Builder out =
        ObjectNode.builder().put("kind", kind).put("url", url).put("scheme", scheme).put("ok", ok);
    putIfSet(out, "arch", arch);
    putIfSet(out, "asset_kind", assetKind);
    putIfSet(out, "download_path", downloadPath);
    if (statusCode != null) {
      out.put("status_code", statusCode);
    }
    if (contentLength != null) {
      out.put("content_length", contentLength);
    }
    putIfSet(out, "content_type", contentType);
    if (expectedSize != null) {
      out.put("expected_size", expectedSize);
    }
    if (actualSize != null) {
      out.put("actual_size", actualSize);
    }
    putIfSet(out, "expected_hash", expectedHash);
    putIfSet(out, "actual_hash", actualHash);
    putIfSet(out, "failure", failure);
    putIfSet(out, "message", message);
    return out.build();
  }

  private static void putIfSet(ObjectNode.Builder out, String key, String value) {
    if (value != null) {
      out.put(key, value);
    }
  }

  /** Collects the fields of one check; every setter returns the builder. */
  static final class Builder {
    private final String kind;
    private final String url;
    private final String scheme;
    private String arch;
    private String assetKind;
    private String downloadPath;
    private Integer statusCode;
    private Long contentLength;
    private String contentType;
    private Long expectedSize;
    private Long actualSize;
    private String expectedHash;
    private String actualHash;

    Builder(String kind, String url, String scheme) {
      this.kind = kind;
      this.url = url;
      this.scheme = scheme;
    }

    Builder asset(String arch, String assetKind) {
      this.arch = arch;
      this.assetKind = assetKind;
      return this;
    }

    Builder downloadPath(String value) {
      downloadPath = value;
      return this;
    }

    Builder statusCode(Integer value) {
      statusCode = value;
      return this;
    }

    Builder contentLength(Long value) {
      contentLength = value;
      return this;
    }

    Builder contentType(String value) {
      contentType = value;
      return this;
    }

    Builder expectedSize(Long value) {
      expectedSize = value;
      return this;
    }

    Builder actualSize(Long value) {
      actualSize = value;
      return this;
    }

    Builder expectedHash(String value) {
      expectedHash = value;
      return this;
    }

    Builder actualHash(String value) {
      actualHash = value;
      return this;
    }

    UrlCheck ok() {
      return build(true, null, null);
    }

    UrlCheck failed(String failure, String message) {
      return build(false, failure, message);
    }

    UrlCheck build(boolean ok, String failure, String message) {
      return new UrlCheck(
          kind,
          url,
          scheme,
          ok,
          arch,
          assetKind,
          downloadPath,
          statusCode,
          contentLength,
          contentType,
          expectedSize,
          actualSize,
          expectedHash,
          actualHash,
          failure,
          message);
    }
  }
}

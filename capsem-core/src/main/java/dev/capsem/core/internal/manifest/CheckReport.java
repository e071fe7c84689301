package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The report of {@code manifest check} ({@code capsem.manifest-check.v1}).
 *
 * @param mode {@code fast} or {@code download}
 * @param manifestPath the catalog as the user named it
 * @param downloadDir the download folder (download mode), else {@code null}
 * @param profiles one entry per revision, in catalog order
 * @param history the {@code --previous} comparison (ours), or {@code null}
 * @param catalogSignature the catalog's own signature, checked with {@code --pubkey} (ours), or
 *     {@code null}
 */
public record CheckReport(
    String mode,
    String manifestPath,
    String downloadDir,
    List<RevisionReport> profiles,
    HistoryCheck history,
    CatalogSignature catalogSignature) {

  public static final String SCHEMA = "capsem.manifest-check.v1";

  public CheckReport {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(manifestPath, "manifestPath");
    profiles = List.copyOf(profiles);
  }

  /** Every check passed and, when compared, the history holds and the catalog is signed. */
  public boolean ok() {
    return profiles.stream().allMatch(RevisionReport::ok)
        && (history == null || history.ok())
        && (catalogSignature == null || catalogSignature.ok());
  }

  public ObjectNode toJson() {
    ObjectNode.Builder out =
        ObjectNode.builder()
            .put("schema", SCHEMA)
            .put("ok", ok())
            .put("mode", mode)
            .put("manifest_path", manifestPath);
    if (downloadDir != null) {
      out.put("download_dir", downloadDir);
    }
    if (catalogSignature != null) {
      out.put("catalog_signature", catalogSignature.toJson());
    }
    out.put("profiles", ArrayNode.of(profiles.stream().map(RevisionReport::toJson).toList()));
    if (history != null) {
      out.put("previous", history.toJson());
    }
    return out.build();
  }

  /** Upstream's text summary for standard output. */
  public List<String> summary() {
    int total = 0;
    int failed = 0;
    for (RevisionReport profile : profiles) {
      for (UrlCheck check : profile.checks()) {
        total++;
        failed += check.ok() ? 0 : 1;
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add("manifest: " + manifestPath);
    lines.add("mode: " + mode);
    if (downloadDir != null) {
      lines.add("download dir: " + downloadDir);
    }
    lines.add("profiles: " + profiles.size());
    lines.add("checks: " + (total - failed) + "/" + total + " ok");
    return lines;
  }

  /** One standard-error line per failed check: {@code <id>@<rev> <kind>: <failure> <url>}. */
  public List<String> failures() {
    List<String> lines = new ArrayList<>();
    if (catalogSignature != null && !catalogSignature.ok()) {
      lines.add(
          "error[E575] "
              + manifestPath
              + ": catalog signature "
              + catalogSignature.path()
              + ": "
              + catalogSignature.failure()
              + ": "
              + catalogSignature.message().strip());
    }
    for (RevisionReport profile : profiles) {
      for (UrlCheck check : profile.checks()) {
        if (!check.ok()) {
          lines.add(
              profile.profileId()
                  + "@"
                  + profile.revision()
                  + " "
                  + check.kind()
                  + ": "
                  + check.failure()
                  + " "
                  + check.url());
        }
      }
    }
    return lines;
  }
}

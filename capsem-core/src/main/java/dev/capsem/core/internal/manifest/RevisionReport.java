package dev.capsem.core.internal.manifest;

import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * The checks of one catalog revision ({@code ManifestProfileCheck}).
 *
 * @param current whether the revision is its profile's {@code current_revision}
 */
public record RevisionReport(
    String profileId,
    String revision,
    RevisionStatus status,
    boolean current,
    List<UrlCheck> checks) {

  public RevisionReport {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(revision, "revision");
    Objects.requireNonNull(status, "status");
    checks = List.copyOf(checks);
  }

  public boolean ok() {
    return checks.stream().allMatch(UrlCheck::ok);
  }

  public ObjectNode toJson() {
    return ObjectNode.builder()
        .put("profile_id", profileId)
        .put("revision", revision)
        .put("status", status.wireName())
        .put("current", current)
        .put("checks", ArrayNode.of(checks.stream().map(UrlCheck::toJson).toList()))
        .build();
  }
}

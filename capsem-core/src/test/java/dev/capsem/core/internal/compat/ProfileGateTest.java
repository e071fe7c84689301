package dev.capsem.core.internal.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.manifest.CatalogRevision;
import dev.capsem.core.internal.manifest.RevisionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the catalog truth table (spec §2.3), for each action, and the examples. */
class ProfileGateTest {

  private static final String B = "1.0.1776688771";

  private static CatalogRevision record(RevisionStatus status, String min, String max) {
    return new CatalogRevision(
        status,
        min,
        max,
        "https://x.invalid/p.json",
        "blake3:" + "0".repeat(64),
        "https://x.invalid/p.json.minisig");
  }

  private static String decide(CatalogRevision record, ProfileAction action) {
    ProfileGateDecision decision =
        ProfileGate.decide(new ProfileGateRequest("corp-dev", "2026.0520.2", record, B, action));
    if (decision instanceof ProfileGateDecision.Refused refused) {
      return refused.refusal().code()
          + (refused.launchBlocked() ? " blocked: " : ": ")
          + refused.refusal().message();
    }
    return "allowed";
  }

  private static final String STATUS = "E413: profile 'corp-dev' revision '2026.0520.2' has status";
  private static final String MIN =
      "E412: profile 'corp-dev' revision '2026.0520.2' requires capsem binary >= 1.1.0 (running 1.0.1776688771)";
  private static final String MAX =
      "E412: profile 'corp-dev' revision '2026.0520.2' supports capsem binary <= 1.0.0 (running 1.0.1776688771)";

  @ParameterizedTest(name = "row {0}: {1} min={2} max={3}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 | ACTIVE     | 1.0.0 |       | allowed | allowed | allowed",
        "2 | ACTIVE     | 1.1.0 |       | MIN     | MIN     | MIN",
        "3 | ACTIVE     | 1.0.0 | 1.0.0 | MAX     | MAX     | MAX",
        "4 | DEPRECATED | 1.0.0 | 2.0.0 | STATUS  | STATUS  | allowed",
        "5 | DEPRECATED | 1.1.0 |       | STATUS  | STATUS  | MIN",
        "5 | DEPRECATED | 1.0.0 | 1.0.0 | STATUS  | STATUS  | MAX",
        "6 | REVOKED    | 1.0.0 |       | STATUS  | STATUS  | BLOCKED",
        "6 | REVOKED    | 9.0.0 | 1.0   | STATUS  | STATUS  | BLOCKED",
      })
  void decide_truthTable(
      int row,
      RevisionStatus status,
      String min,
      String max,
      String install,
      String newVm,
      String existingVm) {
    CatalogRevision record = record(status, min, max);
    assertThat(decide(record, ProfileAction.INSTALL_OR_UPDATE))
        .startsWith(expected(install, status, "and cannot be installed or updated"));
    assertThat(decide(record, ProfileAction.NEW_VM))
        .startsWith(expected(newVm, status, "and cannot start new VMs"));
    assertThat(decide(record, ProfileAction.EXISTING_VM))
        .startsWith(expected(existingVm, status, ""));
  }

  private static String expected(String cell, RevisionStatus status, String statusTail) {
    return switch (cell) {
      case "allowed" -> "allowed";
      case "MIN" -> MIN;
      case "MAX" -> MAX;
      case "STATUS" -> STATUS + " '" + status.wireName() + "' " + statusTail;
      case "BLOCKED" ->
          "E413 blocked: profile 'corp-dev' revision '2026.0520.2' has status 'revoked'; launching"
              + " its VMs is blocked";
      default -> throw new IllegalArgumentException(cell);
    };
  }

  @ParameterizedTest(name = "min={0} max={1} → {2}")
  @CsvSource({
    "1.0.0,          , true",
    "1.1.0,          , false",
    "1.0.0, 2.0.0    , true",
    "1.0.0, 1.0.0    , false",
    "1.0.0, 1.0      , false",
    "1.0.0-rc1,      , true",
    "1.0.0, ''       , true",
  })
  void compatible_specExamples(String min, String max, boolean expected) {
    assertThat(ProfileGate.compatible(record(RevisionStatus.ACTIVE, min, max), B))
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "ACTIVE, true, true, true, true",
    "DEPRECATED, false, false, false, true",
    "REVOKED, false, false, false, false"
  })
  void lifecycle_matchesUpstream(
      RevisionStatus status, boolean current, boolean install, boolean newVm, boolean existingVm) {
    assertThat(status.canBeCurrent()).isEqualTo(current);
    assertThat(status.allowsInstallOrUpdate()).isEqualTo(install);
    assertThat(status.allowsNewVm()).isEqualTo(newVm);
    assertThat(status.allowsExistingVm()).isEqualTo(existingVm);
    assertThat(Code.E413.title()).isEqualTo("profile revision status forbids the action");
  }
}

package dev.capsem.core.internal.manifest;

import java.util.Locale;

/** The lifecycle of a profile revision in a catalog, with upstream's gates. */
public enum RevisionStatus {
  /** Installable, bootable, may be current. */
  ACTIVE,
  /** Kept for existing VMs only: not installed, not current, no new VMs. */
  DEPRECATED,
  /** Withdrawn: nothing may use it, existing VMs included. */
  REVOKED;

  /** The wire value: {@code active}, {@code deprecated}, {@code revoked}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean canBeCurrent() {
    return this == ACTIVE;
  }

  public boolean allowsInstallOrUpdate() {
    return this == ACTIVE;
  }

  public boolean allowsNewVm() {
    return this == ACTIVE;
  }

  public boolean allowsExistingVm() {
    return this != REVOKED;
  }

  /** The status with this wire name, or {@code null}. */
  public static RevisionStatus fromWire(String value) {
    for (RevisionStatus status : values()) {
      if (status.wireName().equals(value)) {
        return status;
      }
    }
    return null;
  }
}

package dev.capsem.core.internal.compat;

/** What a binary wants to do with a catalog revision. */
public enum ProfileAction {
  /** Install the revision, or update an installed profile to it. */
  INSTALL_OR_UPDATE,
  /** Start a new VM from it. */
  NEW_VM,
  /** Launch a VM that already uses it. */
  EXISTING_VM
}

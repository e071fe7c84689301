package dev.capsem.core.internal.settings;

/** A signed profile catalog to follow: its manifest, the key its payloads are signed with. */
public record ProfileCatalogSettings(
    String manifestUrl, String profilePayloadPubkey, long checkIntervalSecs) {

  /** Upstream's {@code profile_catalog_configured}: a manifest URL is set. */
  public boolean configured() {
    return manifestUrl != null;
  }
}

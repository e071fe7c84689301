package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/**
 * {@code capsem-admin manifest ...} and the matching Maven goals: the profile catalog and the
 * format-2 asset manifest, their checks and gates, and their signatures.
 */
public interface ManifestUseCases {

  /** Writes (or prints) a profile catalog (format 1) byte-identical to upstream's. */
  Outcome<TextReport> generateCatalog(GenerateCatalogRequest request);

  /** Writes the format-2 asset manifest of an assets folder, dated by the clock. */
  Outcome<TextReport> assetManifest(AssetManifestRequest request);

  /** Checks every location of a catalog, fast or by downloading, optionally against history. */
  Outcome<TextReport> check(CheckManifestRequest request);

  /** Which asset release a binary boots, or why none (the D8 gates). */
  Outcome<TextReport> resolve(ResolveRequest request);

  /**
   * Signs a manifest (prehashed minisign {@code ED}, trusted comment timestamped by the clock); a
   * key that needs a password nobody gave is E420.
   */
  Outcome<TextReport> sign(SignManifestRequest request);

  /** Verifies a manifest's signature with minisign's rules and texts. */
  Outcome<TextReport> verifySignature(VerifySignatureRequest request);
}

package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.ports.BuildProgress;

/**
 * {@code capsem-admin release ...} and the Maven plugin's {@code build} and lifecycle goals: a
 * profile in, a signed, verified release out, the same file for file whichever face asks.
 */
public interface ReleaseUseCases {

  /**
   * Validate, test (rule tests, backtests), build (incremental), SBOMs, release profile, catalog,
   * signatures, verify: the stages the request names, the profile read once.
   */
  Outcome<Release> release(ReleaseRequest request, BuildProgress progress);

  /**
   * Rebuilds the image of {@code request.build()} in a clean folder without any cache and compares
   * each asset's BLAKE3 with the previous build's; when they differ, lists every differing file in
   * the rootfs and the initrd ({@code capsem.reproducibility.v1}).
   */
  Outcome<TextReport> verifyReproducible(ReproducibilityRequest request, BuildProgress progress);

  /**
   * One signed catalog over several releases' profiles (a reactor of profile modules); two that
   * publish the same file are E008, none at all E407.
   */
  Outcome<TextReport> catalog(CatalogRequest request, BuildProgress progress);
}

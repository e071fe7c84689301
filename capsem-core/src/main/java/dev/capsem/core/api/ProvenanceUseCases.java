package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/** {@code capsem-admin provenance ...}: a release's SLSA provenance as a consumer checks it. */
public interface ProvenanceUseCases {

  /**
   * Checks the envelope (E560), its signature by the release key (E561), the statement and its SLSA
   * predicate (E564), every subject against the folder's file (E562, E563) and the expectations
   * (E565, E566); files the statement leaves out are W551 ({@code
   * capsem.provenance-verification.v1}).
   */
  Outcome<TextReport> verify(ProvenanceVerifyRequest request);
}

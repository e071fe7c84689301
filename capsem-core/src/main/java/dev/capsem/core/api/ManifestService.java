package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import dev.capsem.core.internal.compat.BootResolution;

/** The manifest use cases over the domain's manifest flows. */
final class ManifestService implements ManifestUseCases {

  private final Flows flows;

  ManifestService(Flows flows) {
    this.flows = flows;
  }

  @Override
  public Outcome<TextReport> generateCatalog(GenerateCatalogRequest request) {
    return flows
        .manifests()
        .generateCatalog(
            request.profilesDir(),
            request.baseUrl(),
            request.statusOverrides(),
            request.currentOverrides(),
            request.out(),
            request.force());
  }

  @Override
  public Outcome<TextReport> assetManifest(AssetManifestRequest request) {
    return flows
        .manifests()
        .assetManifest(
            request.assetsDir(),
            request.out(),
            request.binaryVersion(),
            request.cargoToml(),
            request.minBinary(),
            request.merge());
  }

  @Override
  public Outcome<TextReport> check(CheckManifestRequest request) {
    return flows
        .manifests()
        .check(
            request.manifest(),
            request.download(),
            request.downloadDir(),
            request.publicKey(),
            request.allowLegacySignatures(),
            request.previous());
  }

  @Override
  public Outcome<TextReport> resolve(ResolveRequest request) {
    return BootResolution.resolve(request.manifest(), request.binaryVersion(), request.arch());
  }

  @Override
  public Outcome<TextReport> sign(SignManifestRequest request) {
    return flows
        .manifests()
        .sign(request.manifest(), request.key(), request.signature(), request.password());
  }

  @Override
  public Outcome<TextReport> verifySignature(VerifySignatureRequest request) {
    return flows
        .manifests()
        .verifySignature(
            request.manifest(),
            request.signature(),
            request.publicKey(),
            request.allowLegacySignatures());
  }
}

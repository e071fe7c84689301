package dev.capsem.core.api;

/**
 * {@code capsem-admin image verify} and {@code image sbom}, and the Maven goals {@code
 * image-verify} and {@code image-sbom}: prove the built assets are the profile's, and describe the
 * image in SPDX.
 */
public interface ImageVerificationUseCases {

  /** Checks assets, inventories and doctor bundles; the report fails when anything does. */
  ImageVerification verify(ImageVerifyRequest request);

  /** Writes (or returns for printing) the SPDX 2.3 document of each selected architecture. */
  ImageSboms sbom(ImageSbomRequest request);
}

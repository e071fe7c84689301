package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.ProvenanceVerifyRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Verifies a release folder's provenance: the DSSE envelope, its signature by the release key, the
 * SLSA v1 predicate, every subject's sha256 and BLAKE3 against the folder's file, and the expected
 * builder and profile digest when given.
 */
@Mojo(name = "provenance-verify", threadSafe = true)
public final class ProvenanceVerifyMojo extends AbstractCapsemMojo {

  /**
   * The release folder the subjects are named in (a pulled release, or the publish folder).
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.releaseFolder",
      defaultValue = "${project.build.directory}/capsem/publish")
  File releaseFolder;

  /**
   * The DSSE envelope. Default: {@code <releaseFolder>/provenance.intoto.jsonl}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.provenanceEnvelope")
  File envelope;

  /**
   * The release's minisign public key.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publicKey", required = true)
  File publicKey;

  /**
   * The builder id the provenance must name ({@code runDetails.builder.id}); empty: any.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.expectedBuilder")
  String expectedBuilder;

  /**
   * The profile file's sha256 the provenance must name; empty: any.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.expectedProfileDigest")
  String expectedProfileDigest;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    conclude(
        capsem
            .provenance()
            .verify(
                new ProvenanceVerifyRequest(
                    requiredDirectory(releaseFolder, "release folder", "releaseFolder"),
                    envelope == null ? null : required(envelope, "envelope", "envelope"),
                    required(publicKey, "public key", "publicKey"),
                    blankToNull(expectedBuilder),
                    blankToNull(expectedProfileDigest))),
        "provenance-verify.json");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}

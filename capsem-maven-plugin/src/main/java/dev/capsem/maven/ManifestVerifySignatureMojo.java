package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.VerifySignatureRequest;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Verifies a manifest's minisign signature natively, with minisign's rules and messages. */
@Mojo(name = "manifest-verify-signature", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class ManifestVerifySignatureMojo extends AbstractCapsemMojo {

  /**
   * The signed file.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.manifest",
      defaultValue = "${project.build.directory}/capsem/manifest.json")
  File manifest;

  /**
   * Its signature; {@code <manifest>.minisig} when not set.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signature")
  File signature;

  /**
   * The minisign public key ({@code .pub}) the signature must verify against.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.publicKey", required = true)
  File publicKey;

  /**
   * Also accept a legacy (non-prehashed) {@code Ed} signature.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.allowLegacySignatures", defaultValue = "false")
  boolean allowLegacySignatures;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    File sig = signature != null ? signature : new File(manifest.getPath() + ".minisig");
    conclude(
        capsem
            .manifests()
            .verifySignature(
                new VerifySignatureRequest(
                    required(manifest, "manifest", "manifest"),
                    required(sig, "signature", "signature"),
                    required(publicKey, "public key", "publicKey"),
                    allowLegacySignatures)),
        "manifest-verify-signature.json");
  }
}

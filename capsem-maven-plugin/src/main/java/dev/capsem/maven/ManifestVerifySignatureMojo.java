package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.SignatureCheck;
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
    MojoOutcomes.requireFile(manifest, shown(manifest), "manifest");
    MojoOutcomes.requireFile(sig, shown(sig), "signature");
    MojoOutcomes.requireFile(publicKey, shown(publicKey), "publicKey");
    SignatureCheck result =
        capsem
            .manifests()
            .verifySignature(
                new VerifySignatureRequest(
                    manifest.toPath(),
                    shown(manifest),
                    sig.toPath(),
                    shown(sig),
                    publicKey.toPath(),
                    shown(publicKey),
                    allowLegacySignatures));
    File report =
        MojoOutcomes.writeReport(
            outputDirectory, "manifest-verify-signature.json", result.reportJson());
    if (!result.ok()) {
      String reason = result.message().strip().replace("\n", " ");
      getLog().error("capsem: signature " + shown(sig) + " does not verify: " + reason);
      throw new MojoFailureException(
          "signature " + shown(sig) + " of " + shown(manifest) + " does not verify: " + reason);
    }
    getLog()
        .info(
            "capsem: verified "
                + shown(manifest)
                + " against "
                + shown(publicKey)
                + "; report "
                + shown(report));
  }
}

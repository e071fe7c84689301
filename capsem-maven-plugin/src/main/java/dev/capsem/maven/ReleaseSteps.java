package dev.capsem.maven;

import dev.capsem.core.api.CheckManifestRequest;
import dev.capsem.core.api.GenerateCatalogRequest;
import dev.capsem.core.api.Generated;
import dev.capsem.core.api.ManifestCheckResult;
import dev.capsem.core.api.SignFilesRequest;
import dev.capsem.core.api.SignedFiles;
import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.internal.json.ArrayNode;
import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.JsonPrinter;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.ports.PasswordSource;
import dev.capsem.core.ports.SignatureFailureKind;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/** The release steps: the profile catalog, the signatures, the catalog check. */
final class ReleaseSteps {

  private ReleaseSteps() {}

  /** {@code manifest-generate}: the format-1 catalog of the profiles in a folder. */
  static void catalog(
      StepContext step,
      File profilesDirectory,
      String baseUrl,
      Map<String, String> statuses,
      Map<String, String> currents,
      File manifest)
      throws MojoExecutionException, MojoFailureException {
    if (!profilesDirectory.isDirectory()) {
      throw new MojoFailureException(
          "E016 "
              + step.shown(profilesDirectory)
              + ": Missing config directory: the profiles folder does not exist (set"
              + " <profilesDirectory> or -Dcapsem.profilesDirectory)");
    }
    File parent = manifest.getAbsoluteFile().getParentFile();
    if (parent != null && !parent.isDirectory() && !parent.mkdirs()) {
      throw new MojoExecutionException("cannot create " + parent);
    }
    Generated generated =
        step.capsem()
            .manifests()
            .generateCatalog(
                new GenerateCatalogRequest(
                    profilesDirectory.toPath(),
                    step.shown(profilesDirectory),
                    baseUrl == null || baseUrl.isEmpty() ? null : baseUrl,
                    statuses,
                    currents,
                    manifest.toPath(),
                    step.shown(manifest),
                    true));
    if (!generated.ok()) {
      String error =
          generated.error() == null ? "cannot generate the profile catalog" : generated.error();
      MojoOutcomes.check(step.log(), error, generated.diagnostics(), false);
      throw new MojoFailureException(error);
    }
    generated.messages().forEach(message -> step.log().info("capsem: " + message.strip()));
    File report =
        step.writeReport(
            "manifest-generate.json",
            JsonPrinter.pretty()
                .printLine(
                    ObjectNode.builder()
                        .put("schema", "capsem.catalog-generation.v1")
                        .put("ok", BooleanNode.of(true))
                        .put("profiles_dir", step.shown(profilesDirectory))
                        .put("base_url", baseUrl == null ? "" : baseUrl)
                        .put("manifest", step.shown(manifest))
                        .put("messages", ArrayNode.ofStrings(generated.messages()))
                        .build()));
    step.summary(
        "profile catalog "
            + step.shown(manifest)
            + " from "
            + step.shown(profilesDirectory)
            + "; report "
            + step.shown(report));
  }

  /**
   * Signs {@code files} with the key (opened once, and only when a signature must change); writes
   * {@code <publicKey>} and {@code release-sign.json}.
   */
  static void sign(StepContext step, SigningServer.Key key, List<File> files, File publicKey)
      throws MojoExecutionException, MojoFailureException {
    SignedFiles result =
        step.capsem()
            .signing()
            .signFiles(
                new SignFilesRequest(
                    ImageSteps.given(step, key.file()),
                    key.password() == null
                        ? PasswordSource.none()
                        : PasswordSource.of(key.password().toCharArray()),
                    files.stream().map(file -> ImageSteps.given(step, file)).toList(),
                    ImageSteps.given(step, publicKey)));
    if (!result.ok()) {
      if (result.failureKind() == SignatureFailureKind.PASSWORD_REQUIRED) {
        throw new MojoFailureException(
            "signing failed: the key "
                + step.shown(key.file())
                + " is encrypted: put its password in <passphrase> (or <password>) of the <server>"
                + " with id '"
                + key.serverId()
                + "' in settings.xml (encrypt it with mvn --encrypt-password)");
      }
      throw new MojoFailureException(result.error() + " (key of server '" + key.serverId() + "')");
    }
    File report = step.writeReport("release-sign.json", result.reportJson());
    result.signed().forEach(signature -> step.log().info("capsem: signed: " + signature));
    step.summary(
        "signatures: "
            + result.signed().size()
            + " written, "
            + result.kept().size()
            + " unchanged"
            + (result.signed().isEmpty() ? " (the key was not opened)" : "")
            + "; public key "
            + step.shown(publicKey)
            + "; report "
            + step.shown(report));
  }

  /**
   * {@code manifest-check}: every location of the catalog; in download mode every payload, asset
   * and signature is fetched, hashed and verified ({@code publicKey}).
   */
  static void check(
      StepContext step,
      File manifest,
      boolean download,
      File downloadDirectory,
      File publicKey,
      File previousManifest,
      boolean allowLegacySignatures)
      throws MojoExecutionException, MojoFailureException {
    MojoOutcomes.requireFile(manifest, step.shown(manifest), "manifest");
    if (publicKey != null) {
      MojoOutcomes.requireFile(publicKey, step.shown(publicKey), "publicKey");
    }
    if (previousManifest != null) {
      MojoOutcomes.requireFile(previousManifest, step.shown(previousManifest), "previousManifest");
    }
    ManifestCheckResult result =
        step.capsem()
            .manifests()
            .check(
                new CheckManifestRequest(
                    manifest.toPath(),
                    step.shown(manifest),
                    download,
                    download ? downloadDirectory.toPath() : null,
                    download ? step.shown(downloadDirectory) : null,
                    publicKey == null ? null : publicKey.toPath(),
                    allowLegacySignatures,
                    previousManifest == null ? null : previousManifest.toPath(),
                    previousManifest == null ? null : step.shown(previousManifest)));
    if (result.report() == null) {
      MojoOutcomes.check(step.log(), result.error(), result.diagnostics(), false);
      throw new MojoFailureException(result.error());
    }
    File report = step.writeReport("manifest-check.json", result.reportJson());
    result.report().summary().forEach(line -> step.log().info("capsem: " + line));
    result.report().failures().forEach(step.log()::error);
    MojoOutcomes.check(
        step.log(),
        "manifest " + step.shown(manifest) + " failed its checks",
        result.diagnostics(),
        step.failOnWarning());
    if (!result.ok()) {
      throw new MojoFailureException(
          "manifest "
              + step.shown(manifest)
              + " failed its checks:\n"
              + String.join("\n", result.report().failures()));
    }
    step.summary(
        "manifest "
            + step.shown(manifest)
            + " passed"
            + (download
                ? " (downloaded, hashed" + (publicKey == null ? ")" : ", signatures verified)")
                : "")
            + "; report "
            + step.shown(report));
  }

  /** Wraps a {@link GivenPath} helper for the goals that name one file. */
  static GivenPath given(StepContext step, File file) {
    return ImageSteps.given(step, file);
  }
}

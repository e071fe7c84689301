package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.GenerateCatalogRequest;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Generates the profile catalog (format 1) from the project's Profile V2 payloads: hashes over the
 * raw bytes, URLs under {@code baseUrl}, statuses and current revisions.
 */
@Mojo(name = "manifest-generate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public final class ManifestGenerateMojo extends AbstractCapsemMojo {

  /**
   * The folder of Profile V2 payloads ({@code .json}, {@code .toml}), searched recursively.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.profilesDirectory", defaultValue = "${project.basedir}/profiles")
  File profilesDirectory;

  /**
   * Where the folder is published; {@code file://} URLs when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.baseUrl", defaultValue = "")
  String baseUrl;

  /**
   * Status overrides, each {@code profile@revision=active|deprecated|revoked}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.statuses")
  List<String> statuses = new ArrayList<>();

  /**
   * Current-revision overrides, each {@code profile=revision}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.currents")
  List<String> currents = new ArrayList<>();

  /**
   * The catalog to write.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.manifest",
      defaultValue = "${project.build.directory}/capsem/manifest.json")
  File manifest;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Map<String, String> statusOverrides = new LinkedHashMap<>();
    for (String value : statuses) {
      int eq = value.indexOf('=');
      if (eq < 0 || value.substring(0, eq).indexOf('@') < 0) {
        throw new MojoFailureException(
            "<statuses> entries must use profile@revision=status: " + value);
      }
      statusOverrides.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
    }
    Map<String, String> currentOverrides = new LinkedHashMap<>();
    for (String value : currents) {
      int eq = value.indexOf('=');
      if (eq < 0) {
        throw new MojoFailureException("<currents> entries must use profile=revision: " + value);
      }
      currentOverrides.put(value.substring(0, eq).strip(), value.substring(eq + 1).strip());
    }
    conclude(
        capsem
            .manifests()
            .generateCatalog(
                new GenerateCatalogRequest(
                    requiredDirectory(profilesDirectory, "profiles folder", "profilesDirectory"),
                    baseUrl,
                    statusOverrides,
                    currentOverrides,
                    given(manifest),
                    true)),
        "manifest-generate.json");
  }
}

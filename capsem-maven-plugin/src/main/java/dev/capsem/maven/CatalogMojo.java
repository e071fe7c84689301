package dev.capsem.maven;

import dev.capsem.adapters.ProgressLog;
import dev.capsem.core.api.Capsem;
import dev.capsem.core.api.CatalogRequest;
import dev.capsem.core.api.ReleaseRequest;
import dev.capsem.core.diag.GivenPath;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * One profile catalog for a whole reactor: collects the release profile of every profile module
 * (packaging {@code capsem-image}, or any module with {@code target/capsem/release/profiles/}),
 * writes {@code target/capsem/catalog/manifest.json} over them in the top project, signs the
 * catalog and the profiles with the {@code settings.xml} key, and attaches the catalog. Run it
 * after the modules' lifecycle, e.g. {@code mvn -T 2 verify capsem:catalog}.
 */
@Mojo(name = "catalog", aggregator = true, threadSafe = true)
public final class CatalogMojo extends AbstractCapsemMojo {

  /**
   * Where the collected profiles are published: the catalog's profile URLs are {@code
   * <catalogBaseUrl>/<id>-<revision>.json}; {@code file://} URLs when empty.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.catalogBaseUrl", defaultValue = "")
  String catalogBaseUrl;

  /**
   * Where the reactor catalog is written: {@code profiles/}, {@code manifest.json}, signatures and
   * {@code minisign.pub}.
   *
   * @since 0.1.0
   */
  @Parameter(
      property = "capsem.catalogDirectory",
      defaultValue = "${project.build.directory}/capsem/catalog")
  File catalogDirectory;

  /**
   * The id of the {@code settings.xml} server holding the signing key and its password.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.signing.serverId", defaultValue = "capsem-signing")
  String serverId;

  /**
   * Attaches the catalog (classifier {@code catalog}) and its signature to the top project.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.attach", defaultValue = "true")
  boolean attach;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  Settings mavenSettings;

  @Component SettingsDecrypter settingsDecrypter;

  @Component MavenProjectHelper projectHelper;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    List<GivenPath> collected = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      StagedReleases.profiles(module).forEach(file -> collected.add(given(file)));
    }
    Optional<SigningServer.Key> key =
        SigningServer.find(mavenSettings, settingsDecrypter, serverId, project);
    CatalogRequest request =
        new CatalogRequest(
            collected,
            given(catalogDirectory),
            catalogBaseUrl,
            new ReleaseRequest.Publication(
                null,
                catalogBaseUrl,
                isRelease(),
                project.getVersion(),
                project.getFile() == null ? "pom.xml" : shown(project.getFile()),
                "set <catalogBaseUrl> (capsem.catalogBaseUrl)"),
            SigningServer.signing(key, serverId, this::given));
    try (ProgressLog progress = progress(false)) {
      conclude(capsem.releases().catalog(request, progress), "catalog.json");
    }
    getLog()
        .info(
            "capsem: reactor catalog of %d profile(s) from %d project(s): %s"
                .formatted(
                    collected.size(),
                    session.getProjects().size(),
                    shown(new File(catalogDirectory, "manifest.json"))));
    if (attach) {
      Attachments attachments = new Attachments(project, projectHelper);
      File catalog = new File(catalogDirectory, "manifest.json");
      attachments.attach(catalog, "json", "catalog");
      File signature = new File(catalog.getPath() + ".minisig");
      if (key.isPresent() && signature.isFile()) {
        attachments.attach(signature, "json.minisig", "catalog");
      }
    }
  }
}

package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
    StepContext step = context(capsem, projectHelper);
    List<File> collected = new ArrayList<>();
    for (MavenProject module : session.getProjects()) {
      collected.addAll(releaseProfiles(module));
    }
    String pom = project.getFile() == null ? "pom.xml" : step.shown(project.getFile());
    List<dev.capsem.core.diag.Diagnostic> problems = new ArrayList<>();
    if (collected.isEmpty()) {
      problems.add(
          new dev.capsem.core.diag.Diagnostic(
              dev.capsem.core.diag.Code.E407,
              pom,
              "",
              null,
              "no release profile in this reactor: run the modules' lifecycle first, e.g. mvn"
                  + " verify capsem:catalog"));
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (File profile : collected) {
      if (!names.add(profile.getName())) {
        problems.add(
            new dev.capsem.core.diag.Diagnostic(
                dev.capsem.core.diag.Code.E008,
                pom,
                "",
                null,
                "two modules publish "
                    + profile.getName()
                    + ": profile ids or revisions must differ"));
      }
    }
    MojoOutcomes.check(getLog(), "no reactor catalog", problems, false);
    File profiles = new File(catalogDirectory, "profiles");
    List<File> copies = copy(collected, profiles);
    copies.forEach(file -> getLog().info("capsem: collected " + step.shown(file)));
    File catalog = new File(catalogDirectory, "manifest.json");
    ReleaseSteps.catalog(
        step, profiles, catalogBaseUrl == null ? "" : catalogBaseUrl, Map.of(), Map.of(), catalog);
    Optional<SigningServer.Key> key =
        SigningServer.find(mavenSettings, settingsDecrypter, serverId, project);
    List<File> signed = new ArrayList<>(copies);
    signed.add(catalog);
    if (key.isPresent()) {
      ReleaseSteps.sign(step, key.get(), signed, new File(catalogDirectory, "minisign.pub"));
    } else if (step.release()) {
      AbstractPipelineMojo.releaseRefused(
          step,
          dev.capsem.core.diag.Code.E418,
          "release "
              + project.getVersion()
              + " must be signed: "
              + SigningServer.missing(serverId));
    } else {
      getLog().warn("capsem: catalog not signed (SNAPSHOT): " + SigningServer.missing(serverId));
    }
    if (attach) {
      Attachments.attach(step, catalog, "json", "catalog");
      File signature = new File(catalog.getPath() + ".minisig");
      if (key.isPresent() && signature.isFile()) {
        Attachments.attach(step, signature, "json.minisig", "catalog");
      }
    }
    step.summary(
        "reactor catalog of "
            + copies.size()
            + " profile(s) from "
            + session.getProjects().size()
            + " project(s): "
            + step.shown(catalog));
  }

  /** A module's release profiles: its main artifact, or its staged release folder. */
  private static List<File> releaseProfiles(MavenProject module) throws MojoExecutionException {
    File main = module.getArtifact() == null ? null : module.getArtifact().getFile();
    if (AbstractPipelineMojo.PACKAGING.equals(module.getPackaging())
        && main != null
        && main.getName().endsWith(".json")
        && main.isFile()) {
      return List.of(main);
    }
    Path staged = Path.of(module.getBuild().getDirectory(), "capsem", "release", "profiles");
    if (!Files.isDirectory(staged)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(staged)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".json"))
          .sorted()
          .map(Path::toFile)
          .toList();
    } catch (IOException e) {
      throw new MojoExecutionException("cannot list " + staged + ": " + e.getMessage(), e);
    }
  }

  /** Copies the profiles into a fresh folder, so that the catalog lists exactly them. */
  private static List<File> copy(List<File> profiles, File target) throws MojoExecutionException {
    try {
      Path dir = target.toPath();
      if (Files.exists(dir)) {
        try (Stream<Path> walk = Files.walk(dir)) {
          for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.delete(path);
          }
        }
      }
      Files.createDirectories(dir);
      List<File> copies = new ArrayList<>();
      for (File profile : profiles) {
        Path copy = dir.resolve(profile.getName());
        if (Files.exists(copy)) {
          throw new MojoExecutionException(
              "two modules publish "
                  + profile.getName()
                  + ": profile ids and revisions must differ");
        }
        Files.copy(profile.toPath(), copy, StandardCopyOption.COPY_ATTRIBUTES);
        copies.add(copy.toFile());
      }
      return copies;
    } catch (IOException e) {
      throw new MojoExecutionException("cannot collect the release profiles: " + e.getMessage(), e);
    }
  }
}

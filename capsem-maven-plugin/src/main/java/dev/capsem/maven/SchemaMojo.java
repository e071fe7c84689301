package dev.capsem.maven;

import dev.capsem.core.api.Capsem;
import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the JSON Schema of a document kind to {@code target/capsem/<kind>.schema.json}, as {@code
 * capsem-admin <kind> schema} prints it: for editors and for validating files outside this build.
 */
@Mojo(name = "schema", threadSafe = true, requiresProject = false)
public final class SchemaMojo extends AbstractCapsemMojo {

  private static final Map<String, Function<Capsem, Outcome<TextReport>>> KINDS =
      Map.of(
          "profile", capsem -> capsem.profiles().schema(),
          "settings", capsem -> capsem.settings().schema(),
          "enforcement", capsem -> capsem.enforcement().schema(),
          "detection", capsem -> capsem.detection().schema());

  /**
   * {@code profile}, {@code settings}, {@code enforcement} or {@code detection}.
   *
   * @since 0.1.0
   */
  @Parameter(property = "capsem.schemaKind", defaultValue = "profile")
  String schemaKind;

  @Override
  void run(Capsem capsem) throws MojoExecutionException, MojoFailureException {
    Choices.choice(
        schemaKind, "schemaKind", List.of("profile", "settings", "enforcement", "detection"));
    conclude(KINDS.get(schemaKind).apply(capsem), schemaKind + ".schema.json");
  }
}

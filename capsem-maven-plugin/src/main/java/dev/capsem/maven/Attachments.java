package dev.capsem.maven;

import dev.capsem.core.api.PublishedFile;
import java.io.File;
import java.util.Objects;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Attaches release files to the project, so that {@code install} and {@code deploy} publish them:
 * each once, however many goals of a build attach it.
 */
final class Attachments {

  private final MavenProject project;
  private final MavenProjectHelper helper;

  Attachments(MavenProject project, MavenProjectHelper helper) {
    this.project = Objects.requireNonNull(project, "project");
    this.helper = Objects.requireNonNull(helper, "helper");
  }

  /** Attaches {@code file} with {@code type} (its extension) and {@code classifier}. */
  void attach(File file, String type, String classifier) {
    for (Artifact attached : project.getAttachedArtifacts()) {
      if (Objects.equals(attached.getClassifier(), classifier)
          && Objects.equals(attached.getType(), type)) {
        attached.setFile(file);
        return;
      }
    }
    helper.attachArtifact(project, type, classifier, file);
  }

  /**
   * Attaches a release's file, and its signature when published: a file without a label is the
   * project's main artifact when the packaging is {@code main} (its own lifecycle), else it is
   * attached with {@code fallbackLabel}. Returns how many files were attached.
   */
  int attach(PublishedFile file, String mainPackaging, String fallbackLabel) {
    File path = file.file().path().toFile();
    File signature = new File(path.getPath() + ".minisig");
    boolean main = file.label() == null && mainPackaging.equals(project.getPackaging());
    String label = file.label() != null ? file.label() : main ? null : fallbackLabel;
    int count = 1;
    if (main) {
      project.getArtifact().setFile(path);
    } else {
      attach(path, file.type(), label);
    }
    if (file.signature() && signature.isFile()) {
      attach(signature, file.type() + ".minisig", label);
      count++;
    }
    return count;
  }
}

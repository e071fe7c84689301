package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Report;
import java.util.List;

/**
 * A release: what it publishes, what each step did, what the build could keep from the last one.
 *
 * @param files every published file, the release profile first
 * @param reports the folder of every step's JSON report and the release's ({@code release.json}, or
 *     {@code release-<stage>.json} for one stage)
 * @param reused the build steps that kept the last build's files ({@code x86_64/kernel})
 * @param signed whether the published files are signed
 */
public record Release(
    String profileId,
    String revision,
    List<PublishedFile> files,
    GivenPath reports,
    List<String> reused,
    boolean signed,
    String json,
    String text,
    List<String> failures,
    List<String> summary)
    implements Report {

  public Release {
    files = List.copyOf(files);
    reused = List.copyOf(reused);
    failures = List.copyOf(failures);
    summary = List.copyOf(summary);
  }
}

package dev.capsem.core.api;

import dev.capsem.core.diag.GivenPath;
import dev.capsem.core.diag.Report;
import java.util.List;

/**
 * The SPDX 2.3 documents of an image, one per architecture.
 *
 * @param documents each architecture's document, where written (null when printed)
 */
public record ImageSboms(List<Document> documents, String json, String text, List<String> summary)
    implements Report {

  /** One architecture's SBOM and where it was written (null when it is printed). */
  public record Document(String arch, GivenPath file) {}

  public ImageSboms {
    documents = List.copyOf(documents);
    summary = List.copyOf(summary);
  }
}

package dev.capsem.core.internal.manifest;

import dev.capsem.core.diag.Code;
import dev.capsem.core.diag.Diagnostic;
import dev.capsem.core.internal.json.Node;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.InputDocument;
import dev.capsem.core.internal.schema.Validated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a format-1 profile catalog with upstream's admin model: closed objects, id and revision
 * patterns, {@code blake3:} hashes, URLs normalised as WHATWG URLs, and a current revision that
 * exists and is active. An empty {@code profiles} map is valid, as it is upstream.
 */
public final class CatalogReader {

  private CatalogReader() {}

  public static CatalogCheck read(Path file, String shownAs) {
    try {
      return read(Files.readAllBytes(file), shownAs);
    } catch (IOException e) {
      return new CatalogCheck(
          null,
          null,
          List.of(
              Diagnostic.of(
                  Code.E002, shownAs, "", null, "cannot read " + shownAs + ": " + e.getMessage())));
    }
  }

  public static CatalogCheck read(byte[] bytes, String shownAs) {
    InputDocument input = InputDocument.parse(bytes, shownAs, true, "catalog");
    if (!input.parsed()) {
      return new CatalogCheck(null, null, input.problems());
    }
    return check(input.tree(), shownAs);
  }

  /** Validates a catalog document, read from a file or built in code. */
  public static CatalogCheck check(Node document, String shownAs) {
    Validated validated = CatalogSchema.CATALOG.validate(document);
    if (!validated.ok()) {
      return new CatalogCheck(
          null, null, validated.issues().stream().map(issue -> issue.in(shownAs)).toList());
    }
    ObjectNode value = (ObjectNode) validated.value();
    return new CatalogCheck(bind(value), value, List.of());
  }

  private static ProfileCatalog bind(ObjectNode document) {
    Map<String, CatalogProfile> profiles = new LinkedHashMap<>();
    for (ObjectNode.Member profile : document.object("profiles").entries()) {
      ObjectNode profileNode = (ObjectNode) profile.value();
      Map<String, CatalogRevision> revisions = new LinkedHashMap<>();
      for (ObjectNode.Member revision : profileNode.object("revisions").entries()) {
        ObjectNode record = (ObjectNode) revision.value();
        revisions.put(
            revision.key(),
            new CatalogRevision(
                RevisionStatus.fromWire(record.string("status")),
                record.string("min_binary"),
                record.string("max_binary"),
                record.string("profile_url"),
                record.string("profile_hash"),
                record.string("profile_signature_url")));
      }
      profiles.put(
          profile.key(), new CatalogProfile(profileNode.string("current_revision"), revisions));
    }
    return new ProfileCatalog(profiles);
  }
}

package dev.capsem.core.internal.manifest;

import static dev.capsem.core.internal.schema.Schema.enumType;
import static dev.capsem.core.internal.schema.Schema.literal;
import static dev.capsem.core.internal.schema.Schema.map;
import static dev.capsem.core.internal.schema.Schema.nonEmptyString;
import static dev.capsem.core.internal.schema.Schema.object;
import static dev.capsem.core.internal.schema.Schema.string;
import static dev.capsem.core.internal.schema.Schema.url;

import dev.capsem.core.diag.Code;
import dev.capsem.core.internal.json.ObjectNode;
import dev.capsem.core.internal.schema.ObjectSchema;
import dev.capsem.core.internal.schema.Refusal;
import dev.capsem.core.internal.schema.Schema;

/** Upstream's Pydantic catalog models ({@code ProfileManifest} and its parts), as our schemas. */
final class CatalogSchema {

  static final String PROFILE_ID_PATTERN = "^[a-z0-9][a-z0-9-]{2,63}$";
  static final String REVISION_PATTERN = "^[0-9]{4}\\.[0-9]{4}\\.[0-9]+$";
  static final String HASH_PATTERN = "^blake3:[0-9a-f]{64}$";

  static final ObjectSchema REVISION =
      object("ManifestProfileRevision")
          .required("status", enumType("ProfileRevisionStatus", "active", "deprecated", "revoked"))
          .required("min_binary", nonEmptyString())
          .optional("max_binary", string())
          .required("profile_url", url())
          .required("profile_hash", string().pattern(HASH_PATTERN))
          .required("profile_signature_url", url())
          .build();

  static final ObjectSchema PROFILE =
      object("ManifestProfile")
          .required("current_revision", string().pattern(REVISION_PATTERN))
          .required("revisions", map(string().pattern(REVISION_PATTERN), REVISION))
          .check(CatalogSchema::currentIsActive)
          .build();

  static final Schema CATALOG =
      object("ProfileManifest")
          .required("format", literal(ProfileCatalog.FORMAT))
          .required("profiles", map(string().pattern(PROFILE_ID_PATTERN), PROFILE))
          .build();

  private CatalogSchema() {}

  private static Refusal currentIsActive(ObjectNode profile) {
    ObjectNode current =
        (ObjectNode) profile.object("revisions").get(profile.string("current_revision"));
    if (current == null) {
      return Refusal.valueError(Code.E406, "current_revision must exist in revisions");
    }
    if (!"active".equals(current.string("status"))) {
      return Refusal.valueError(Code.E406, "current_revision must be active");
    }
    return null;
  }
}

package dev.capsem.core.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.spdx.jacksonstore.MultiFormatStore;
import org.spdx.library.SpdxModelFactory;
import org.spdx.library.model.v2.SpdxDocument;
import org.spdx.storage.simple.InMemSpdxStore;

/**
 * SPDX's own validator (spdx-java-library with its Jackson store), offline: the build sets {@code
 * org.spdx.useJARLicenseInfoOnly=true}, so license data comes from the library's jar. A module that
 * uses this needs {@code org.spdx:spdx-jackson-store} on its test class path.
 */
public final class SpdxValidation {

  private SpdxValidation() {}

  /** Every verification error of the SPDX 2.3 JSON document {@code json}; empty when valid. */
  public static List<String> errors(String json) {
    System.setProperty("org.spdx.useJARLicenseInfoOnly", "true");
    SpdxModelFactory.init();
    try (MultiFormatStore store =
        new MultiFormatStore(new InMemSpdxStore(), MultiFormatStore.Format.JSON_PRETTY)) {
      SpdxDocument document =
          store.deSerialize(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), false);
      if (!"SPDX-2.3".equals(document.getSpecVersion())) {
        return List.of("not an SPDX 2.3 document: " + document.getSpecVersion());
      }
      return List.copyOf(document.verify());
    } catch (Exception e) {
      return List.of("SPDX library refused the document: " + e);
    }
  }
}

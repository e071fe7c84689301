package dev.capsem.core.internal.image.verify;

import dev.capsem.core.internal.json.BooleanNode;
import dev.capsem.core.internal.json.ObjectNode;

/**
 * The outcome of a {@code capsem-doctor --bundle} run inside a booted image: its pytest counts. It
 * passes when tests ran and none failed or errored.
 */
public record DoctorBundleProbe(String path, long tests, long failures, long errors, long skipped) {

  public static final String KIND = "capsem_doctor_bundle";

  public boolean ok() {
    return tests > 0 && failures == 0 && errors == 0;
  }

  public ObjectNode toJson() {
    return ObjectNode.builder()
        .put("kind", KIND)
        .put("path", path)
        .put("ok", BooleanNode.of(ok()))
        .put("tests", tests)
        .put("failures", failures)
        .put("errors", errors)
        .put("skipped", skipped)
        .build();
  }
}

package dev.capsem.archfixture;

import dev.capsem.core.internal.json.ObjectNode;

/** A face that builds its own report from the domain's JSON tree: the face rule must reject it. */
public final class FaceReachingIntoTheDomain {

  private FaceReachingIntoTheDomain() {}

  public static Object report() {
    return ObjectNode.builder().put("schema", "x").build();
  }
}

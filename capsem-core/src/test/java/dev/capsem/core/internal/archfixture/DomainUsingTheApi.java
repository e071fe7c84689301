package dev.capsem.core.internal.archfixture;

import dev.capsem.core.api.Capsem;

/** A domain class that reaches out to the api: the domain rule must reject it. */
public final class DomainUsingTheApi {

  private DomainUsingTheApi() {}

  public static Class<?> api() {
    return Capsem.class;
  }
}

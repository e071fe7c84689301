package dev.capsem.core.api;

import dev.capsem.core.diag.Outcome;
import dev.capsem.core.diag.TextReport;

/** {@code capsem-admin doctor}: the container runtime, build inputs, and a profile's plan. */
public interface DoctorUseCase {

  Outcome<TextReport> diagnose(DoctorRequest request);
}

package dev.capsem.core.api;

import dev.capsem.core.internal.doctor.DoctorRequest;
import dev.capsem.core.internal.doctor.DoctorResult;

/** {@code capsem-admin doctor}. */
public interface DoctorUseCase {

  DoctorResult diagnose(DoctorRequest request);
}

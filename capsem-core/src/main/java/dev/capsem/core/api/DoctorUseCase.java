package dev.capsem.core.api;

import dev.capsem.core.doctor.DoctorRequest;
import dev.capsem.core.doctor.DoctorResult;

/** {@code capsem-admin doctor}. */
public interface DoctorUseCase {

  DoctorResult diagnose(DoctorRequest request);
}

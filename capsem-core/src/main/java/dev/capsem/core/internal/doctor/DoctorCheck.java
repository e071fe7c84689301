package dev.capsem.core.internal.doctor;

/** One readiness check: its name, whether it passed, what was seen, and the fix when it failed. */
public record DoctorCheck(String name, boolean passed, String detail, String fix) {

  static DoctorCheck pass(String name, String detail) {
    return new DoctorCheck(name, true, detail, null);
  }

  static DoctorCheck fail(String name, String detail, String fix) {
    return new DoctorCheck(name, false, detail, fix);
  }
}

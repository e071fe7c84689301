/** {@code capsem-admin doctor}: is this machine ready to build, and does a profile plan? */
package dev.capsem.core.internal.doctor;

package dev.capsem.core.ports;

/**
 * Boots one headless virtual machine from a kernel, an initrd and raw disks, and says how it ended
 * (decision D19: every built image is booted and checked from inside before it is signed). The
 * first adapter drives QEMU: KVM when it works, TCG otherwise.
 */
public interface VirtualMachines {

  /**
   * Checks that a VMM for {@code arch} ({@code x86_64}, {@code arm64}) is installed and says what
   * it is ({@code QEMU emulator version 7.2.18}).
   *
   * @throws VirtualMachineException {@code NOT_INSTALLED} with the install fix
   */
  String probe(String arch) throws VirtualMachineException;

  /**
   * Boots {@code spec} and waits until the guest powers off or stops, or the timeout passes; a VM
   * still running then is killed. Nothing started here outlives the call.
   *
   * @return how the VM ended; a timeout is a result (its console tells why), not an exception
   * @throws VirtualMachineException when the VMM is missing or could not start the VM
   */
  VmRun boot(VmSpec spec) throws VirtualMachineException;
}

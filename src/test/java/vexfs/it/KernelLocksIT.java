package vexfs.it;

/** {@link LocksIT} with the kernel keeps the mount's locks (-o locks=kernel, the default). */
class KernelLocksIT extends LocksIT {
    @Override
    boolean backingLocks() {
        return false;
    }
}

package vexfs.it;

/** {@link LocksIT} with the daemon takes every lock on the backing file (-o locks=backing). */
class BackingLocksIT extends LocksIT {
    @Override
    boolean backingLocks() {
        return true;
    }
}

package org.nianbao.runs.lock;

import org.nianbao.runs.RunsException;

/** Another live process is running on the same data directory. */
public final class RunLockedException extends RunsException {
    private final long holderPid;

    public RunLockedException(String message, long holderPid) {
        super(message);
        this.holderPid = holderPid;
    }

    /** PID of the process holding the lock, or -1 when unknown. */
    public long holderPid() {
        return holderPid;
    }
}

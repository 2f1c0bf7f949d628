package org.nianbao.sim.stats;

import org.nianbao.sim.FarmStats.RequestRecord;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent requests, bounded so a long-running farm does not grow without end. */
public final class RequestLog {
    private final int capacity;
    private final ArrayDeque<RequestRecord> records = new ArrayDeque<>();

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    public synchronized void add(RequestRecord r) {
        if (records.size() == capacity) records.removeFirst();
        records.addLast(r);
    }

    public synchronized List<RequestRecord> all() {
        return List.copyOf(records);
    }
}

package org.onewindow.runtime;

import java.util.function.Supplier;

/**
 * A process of the local stack (PostgreSQL, Elasticsearch, the harvester, the catalogue API): whether it is alive, and
 * how to start it again on the same port with the same data when it is not.
 */
public final class StackPart {

    /** One start of the part: what stops it, where it answers, and its process. */
    public record Running(AutoCloseable handle, String url, long pid) {}

    private final String name;
    private final Supplier<Running> starter;
    private volatile Running running;

    /** Starts the part now; {@code starter} starts it again after a crash. */
    StackPart(String name, Supplier<Running> starter) {
        this.name = name;
        this.starter = starter;
        this.running = starter.get();
    }

    public String name() {
        return name;
    }

    public String url() {
        return running.url();
    }

    public long pid() {
        return running.pid();
    }

    public boolean alive() {
        long pid = running.pid();
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** Starts the part again after it died: what is left of the last start is cleaned up first (a stale lock, a pid). */
    public synchronized void restart() {
        closeQuietly();
        running = starter.get();
    }

    void close() throws Exception {
        running.handle().close();
    }

    private void closeQuietly() {
        try {
            running.handle().close();
        } catch (Exception e) {
            // it is dead already: what is left to release is released or gone
        }
    }
}

package org.onewindow.harvester;

import java.util.concurrent.ThreadFactory;

/** Threads of the harvester's own pools: named after their work, and never keeping the process alive at shutdown. */
public final class DaemonThreads {

    private DaemonThreads() {}

    public static ThreadFactory named(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}

package org.onewindow.runtime;

import java.util.concurrent.TimeUnit;

/** Stopping processes we started, by pid. */
public final class Processes {

    private Processes() {}

    /** SIGTERM, up to a minute to finish, then SIGKILL. */
    public static void stop(long pid) {
        ProcessHandle.of(pid).ifPresent(process -> {
            process.destroy();
            try {
                process.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                process.destroyForcibly();
            }
        });
    }
}

package org.onewindow.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Elasticsearch refuses to run as root. When we are root, the node runs as this unprivileged system user, on
 * directories it owns under the system temp directory (a checkout under /root is not reachable for it).
 */
public final class NodeUser {

    public static final String NAME = "onewindow-es";

    private NodeUser() {}

    public static boolean callerIsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Creates the user if missing (root only). */
    public static void ensureExists() {
        if (!callerIsRoot()) {
            return;
        }
        try {
            Commands.run(List.of("id", "-u", NAME), 10);
        } catch (RuntimeEnvironmentException missing) {
            Commands.run(
                    List.of(
                            "useradd",
                            "--system",
                            "--user-group",
                            "--no-create-home",
                            "--home-dir",
                            "/nonexistent",
                            "--shell",
                            "/usr/sbin/nologin",
                            NAME),
                    30);
        }
    }

    public static void own(Path path) {
        if (callerIsRoot()) {
            Commands.run(List.of("chown", "-R", NAME + ":" + NAME, path.toString()), 120);
        }
    }

    /** The command, run as the node user when we are root. */
    public static List<String> asNodeUser(List<String> command) {
        if (!callerIsRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", NAME, "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}

package org.onewindow.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a short command to completion and fails with its output when it does not succeed. */
final class Commands {

    private Commands() {}

    static String run(List<String> command, long timeoutSeconds) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new RuntimeEnvironmentException(
                        "timed out after " + timeoutSeconds + " s: " + String.join(" ", command));
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new RuntimeEnvironmentException("'" + String.join(" ", command) + "' failed (exit "
                        + process.exitValue() + "):\n" + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new RuntimeEnvironmentException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RuntimeEnvironmentException("interrupted: " + String.join(" ", command), e);
        }
    }
}

package org.onewindow.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/** The files of a local stack under its state directory ({@code .onewindow/}). */
record StackFiles(Path state) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    Path pidFile() {
        return state.resolve("stack.pid");
    }

    Path stackFile() {
        return state.resolve("stack.json");
    }

    Path log() {
        return state.resolve("logs/stack.log");
    }

    /** Left by {@code up} for the supervisor: start whatever is down now, whatever its wait. */
    Path restartNowFile() {
        return state.resolve("restart-now");
    }

    void requestRestartNow() {
        try {
            Files.writeString(restartNowFile(), "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** True once per request. */
    boolean takeRestartNowRequest() {
        try {
            return Files.deleteIfExists(restartNowFile());
        } catch (IOException e) {
            return false;
        }
    }

    Path operatorKeyFile() {
        return state.resolve("operator.key");
    }

    Optional<ProcessHandle> supervisor() {
        try {
            if (!Files.exists(pidFile())) {
                return Optional.empty();
            }
            long pid = Long.parseLong(Files.readString(pidFile()).strip());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info()
                            .commandLine()
                            .map(c -> c.contains(OneWindowCli.class.getName()))
                            .orElse(true));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    Optional<JsonNode> stack() {
        try {
            return Files.exists(stackFile())
                    ? Optional.of(JSON.readTree(stackFile().toFile()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void writeStack(JsonNode stack) {
        try {
            Path temp = stackFile().resolveSibling("stack.json.tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), stack);
            Files.move(temp, stackFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the local stack keeps the key of a demo agency. */
    Path agencyKeyFile(String agencyCode) {
        return state.resolve("keys").resolve("agency-" + agencyCode + ".key");
    }

    /** The stored key of a demo agency, if any. */
    Optional<String> agencyKey(String agencyCode) {
        try {
            Path file = agencyKeyFile(agencyCode);
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores a demo agency's key as the operator key is stored: readable by the owner only, written in one step. */
    void storeAgencyKey(String agencyCode, String key) {
        try {
            Path file = agencyKeyFile(agencyCode);
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(
                    file.getParent(), "agency.key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.writeString(temp, key + "\n");
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The operator key, generated on first use: written to a file created readable by the owner only (0600) and moved
     * into place in one step, so no other user ever sees it, nor anyone a half-written key. A key file that others can
     * read is made private again.
     */
    String operatorKey() {
        try {
            Files.createDirectories(state);
            if (!Files.exists(operatorKeyFile())) {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                Path temp = Files.createTempFile(
                        state, "operator.key", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.writeString(temp, Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n");
                Files.move(temp, operatorKeyFile(), StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.getPosixFilePermissions(operatorKeyFile()).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(operatorKeyFile(), OWNER_ONLY);
            }
            return Files.readString(operatorKeyFile()).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void clear() {
        try {
            Files.deleteIfExists(stackFile());
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

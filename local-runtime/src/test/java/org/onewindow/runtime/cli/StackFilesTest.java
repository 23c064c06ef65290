package org.onewindow.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StackFilesTest {

    @TempDir
    Path state;

    @Test
    void theGeneratedOperatorKeyIsLongAndReadableByItsOwnerOnly() throws IOException {
        StackFiles files = new StackFiles(state);

        String key = files.operatorKey();

        assertThat(key).hasSizeGreaterThanOrEqualTo(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.operatorKeyFile())))
                .isEqualTo("rw-------");
        assertThat(files.operatorKey()).as("kept").isEqualTo(key);
        try (var left = Files.list(state)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactly("operator.key");
        }
    }

    @Test
    void aKeyFileOthersCanReadIsMadePrivate() throws IOException {
        StackFiles files = new StackFiles(state);
        String key = files.operatorKey();
        Files.setPosixFilePermissions(files.operatorKeyFile(), PosixFilePermissions.fromString("rw-r--r--"));

        assertThat(files.operatorKey()).isEqualTo(key);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.operatorKeyFile())))
                .isEqualTo("rw-------");
    }
}

package org.onewindow.mappings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.source.BundledSources;

class BundledSourcesTest {

    private static final Path SOURCES_FOLDER = Path.of("src/main/resources/sources");

    @Test
    void everyListedMappingFileLoadsWithoutProblems() {
        List<BundledSources.NamedResult> results = BundledSources.readAll();

        assertThat(results).isNotEmpty();
        assertThat(results).allSatisfy(file -> {
            assertThat(file.result().problems()).as(file.fileName()).isEmpty();
            assertThat(file.result().ok()).as(file.fileName()).isTrue();
            assertThat(file.fileName())
                    .isEqualTo(
                            BundledSources.FOLDER + file.result().definition().id() + ".yaml");
        });
    }

    @Test
    void sourcesListNamesExactlyTheYamlFilesInTheSourcesFolder() throws IOException {
        List<String> onDisk;
        try (Stream<Path> files = Files.list(SOURCES_FOLDER)) {
            onDisk = files.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .toList();
        }

        assertThat(onDisk).isNotEmpty();
        assertThat(BundledSources.fileNames()).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(onDisk);
    }
}

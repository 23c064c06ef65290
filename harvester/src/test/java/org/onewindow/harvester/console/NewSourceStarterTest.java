package org.onewindow.harvester.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.source.SourceDefinitionReader;

class NewSourceStarterTest {

    @Test
    void theFileANewSourceStartsFromIsAValidMappingOnceItNamesAnAgency() throws IOException {
        String starter;
        try (InputStream in = getClass().getResourceAsStream("/console/new-source.yaml")) {
            starter = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(starter).contains("code: \"AGENCY_CODE\"");

        SourceDefinitionReader.Result read = new SourceDefinitionReader()
                .read("sources/my-agency-services.yaml", starter.replace("AGENCY_CODE", "1352000"));

        assertThat(read.problems()).isEmpty();
        assertThat(read.definition().connector().kind()).isEqualTo("html");
    }
}

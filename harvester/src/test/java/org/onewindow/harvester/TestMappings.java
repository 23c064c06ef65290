package org.onewindow.harvester;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Mapping files the tests post, made from the bundled ones. */
public final class TestMappings {

    private TestMappings() {}

    /** The bundled 보건복지부 mapping under another id and schedule, pointed at the test's agency site, no delay. */
    public static String mohwWelfareAs(String id, String schedule) throws IOException {
        String text;
        try (InputStream in = TestMappings.class.getResourceAsStream("/sources/mohw-welfare.yaml")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return text.replace("id: mohw-welfare", "id: " + id)
                .replace(
                        "baseUrl: http://localhost:8089",
                        "baseUrl: " + LocalServicesTestResource.site().baseUrl())
                .replace("schedule: \"0 0 4 * * ?\"", "schedule: \"" + schedule + "\"")
                .replace("delayMillis: 1000", "delayMillis: 0");
    }
}

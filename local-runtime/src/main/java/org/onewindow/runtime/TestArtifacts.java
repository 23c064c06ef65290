package org.onewindow.runtime;

import java.nio.file.Path;

/**
 * Where the build put the node and plugin zips: Maven passes their paths as system properties
 * ({@code onewindow-runtime.elasticsearch-zip}, {@code onewindow-runtime.analysis-plugin-zip}).
 */
public final class TestArtifacts {

    public static final String ELASTICSEARCH_ZIP = "onewindow-runtime.elasticsearch-zip";
    public static final String ANALYSIS_PLUGIN_ZIP = "onewindow-runtime.analysis-plugin-zip";

    private TestArtifacts() {}

    public static Path elasticsearchZip() {
        return required(ELASTICSEARCH_ZIP);
    }

    public static Path analysisPluginZip() {
        return required(ANALYSIS_PLUGIN_ZIP);
    }

    private static Path required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank() || value.startsWith("${")) {
            throw new RuntimeEnvironmentException("system property " + property + " is not set; run through Maven"
                    + " (the build resolves the zip) or pass -D" + property + "=<path>");
        }
        return Path.of(value);
    }
}

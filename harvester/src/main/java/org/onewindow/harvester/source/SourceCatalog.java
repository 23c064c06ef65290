package org.onewindow.harvester.source;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.onewindow.connectors.Connectors;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.store.Source;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;
import org.onewindow.mappings.source.SourceDefinitionReader;

/**
 * The sources and their settings. The bundled mapping files, then those in the mapping directory
 * ({@code onewindow.mapping-dir}; a file there with a bundled source's id replaces it), seed the database at start-up
 * under {@link SourceChanges}' rule; the database's current version is the truth. A bad file is logged and skipped;
 * it never stops the others.
 */
@ApplicationScoped
public class SourceCatalog {

    private static final Logger LOG = Logger.getLogger(SourceCatalog.class);

    @Inject
    HarvesterConfig config;

    @Inject
    SourceChanges changes;

    private final SourceDefinitionReader reader = new SourceDefinitionReader();

    /**
     * Seeds the database from the mapping files (see {@link SourceChanges#seed}); when two files name one source, the
     * later one (the mapping directory's over a bundled one) is the source's file. Returns how many files were read.
     */
    public int syncSources() {
        List<BundledSources.NamedResult> files = new ArrayList<>(BundledSources.readAll());
        config.mappingDir().ifPresent(directory -> files.addAll(readDirectory(directory)));
        Map<String, BundledSources.NamedResult> byId = new LinkedHashMap<>();
        for (BundledSources.NamedResult file : files) {
            if (!file.result().ok()) {
                file.result().problems().forEach(problem -> LOG.errorf("source file skipped: %s", problem));
                continue;
            }
            byId.put(file.result().definition().id(), file);
        }
        int loaded = 0;
        for (BundledSources.NamedResult file : byId.values()) {
            SourceDefinition definition = file.result().definition();
            try {
                connector(definition, secrets(definition));
            } catch (RuntimeException e) {
                LOG.errorf("source file skipped: %s: %s", file.fileName(), e.getMessage());
                continue;
            }
            changes.seed(file.fileName(), file.text(), definition);
            loaded++;
        }
        return loaded;
    }

    /** Every {@code *.yaml} file of the directory, by name; an unreadable directory is logged, not fatal. */
    private List<BundledSources.NamedResult> readDirectory(Path directory) {
        List<BundledSources.NamedResult> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(f -> f.getFileName().toString().endsWith(".yaml"))
                    .sorted()
                    .toList()) {
                String name = file.toString();
                String text = Files.readString(file);
                files.add(new BundledSources.NamedResult(name, text, reader.read(name, text)));
            }
        } catch (IOException | UncheckedIOException e) {
            LOG.errorf("mapping directory %s not read: %s", directory, e.getMessage());
        }
        return files;
    }

    /** The sources that exist (not deleted). */
    public List<Source> all() {
        return Source.list("deletedAt is null", Sort.by("id"));
    }

    /** The source's definition as stored; throws if the stored YAML no longer reads (reported on the run). */
    public SourceDefinition definition(Source source) {
        SourceDefinitionReader.Result result = reader.read("sources/" + source.id + ".yaml", source.definition);
        if (!result.ok()) {
            throw new IllegalStateException(String.join("; ", result.problems()));
        }
        return result.definition();
    }

    public String baseUrl(SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(definition.id());
        return override != null && override.baseUrl().isPresent()
                ? override.baseUrl().get()
                : definition.connector().baseUrl();
    }

    public long delayMillis(SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(definition.id());
        return override != null && override.delayMillis().isPresent()
                ? override.delayMillis().get()
                : definition.politeness().delayMillis();
    }

    /** Whether the source may fetch from loopback and private addresses (all sources, or this one, allowed). */
    public boolean allowsPrivateNetworks(SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(definition.id());
        return config.harvest().allowPrivateNetworks()
                || override != null && override.allowPrivateNetworks().orElse(false);
    }

    /** How long one record of the source may take before it is abandoned. */
    public Duration recordTimeout(SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(definition.id());
        return override != null && override.recordTimeout().isPresent()
                ? override.recordTimeout().get()
                : config.harvest().recordTimeout();
    }

    /** Share of the source's services a run may change before it is held for review. */
    public double reviewThreshold(SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(definition.id());
        return override != null && override.reviewThreshold().isPresent()
                ? override.reviewThreshold().get()
                : config.harvest().reviewThreshold();
    }

    /** The secrets a harvest of the source may read: those bound to it, sent only to its base URL's host. */
    public SourceSecrets secrets(SourceDefinition definition) {
        return new SourceSecrets(
                definition.id(),
                boundSecrets(definition.id()),
                URI.create(baseUrl(definition)),
                allowsPrivateNetworks(definition),
                System::getenv);
    }

    /**
     * The secrets a dry-run of a posted file may read: those bound to the source its id names, sent only to that
     * source's own base URL host (as configured, whatever base URL the file says); none when no such source exists.
     */
    public SourceSecrets secretsForDryRun(SourceDefinition file) {
        Source stored = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(file.id()));
        if (stored == null) {
            return new SourceSecrets(file.id(), boundSecrets(file.id()), null, false, System::getenv);
        }
        SourceDefinition configured = definition(stored);
        return new SourceSecrets(
                file.id(),
                boundSecrets(file.id()),
                URI.create(baseUrl(configured)),
                allowsPrivateNetworks(configured),
                System::getenv);
    }

    private Set<String> boundSecrets(String sourceId) {
        HarvesterConfig.SourceOverride override = config.sources().get(sourceId);
        return override == null ? Set.of() : Set.copyOf(override.secrets().orElse(List.of()));
    }

    /** The source's connector on its configured base URL, reading only the secrets given. */
    public SourceConnector connector(SourceDefinition definition, SourceSecrets secrets) {
        return Connectors.create(definition.connector(), baseUrl(definition), secrets::read);
    }
}

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
import java.util.Optional;
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
import org.quartz.CronExpression;

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
                Source stored = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(definition.id()));
                check(
                        definition,
                        settings(
                                definition.id(),
                                stored == null ? SourceSettings.NONE : SourceSettings.stored(stored.settings),
                                definition));
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

    /** The settings the source runs with, as stored and configured now. */
    public EffectiveSettings settings(Source source, SourceDefinition definition) {
        return settings(source.id, SourceSettings.stored(source.settings), definition);
    }

    /** The settings a source would run with, given what an operator set for it. */
    public EffectiveSettings settings(String sourceId, SourceSettings set, SourceDefinition definition) {
        HarvesterConfig.SourceOverride override = config.sources().get(sourceId);
        Map<String, String> from = new LinkedHashMap<>();
        String baseUrl = pick(
                from,
                "baseUrl",
                set.baseUrl(),
                override == null ? Optional.empty() : override.baseUrl(),
                definition.connector().baseUrl(),
                EffectiveSettings.MAPPING);
        long delayMillis = pick(
                from,
                "delayMillis",
                set.delayMillis(),
                override == null ? Optional.empty() : override.delayMillis(),
                definition.politeness().delayMillis(),
                EffectiveSettings.MAPPING);
        String schedule = pick(
                from,
                "schedule",
                set.schedule(),
                override == null ? Optional.empty() : override.schedule(),
                definition.schedule(),
                EffectiveSettings.MAPPING);
        boolean allowPrivateNetworks;
        if (config.harvest().allowPrivateNetworks()) {
            allowPrivateNetworks = true;
            from.put("allowPrivateNetworks", EffectiveSettings.CONFIGURATION);
        } else {
            allowPrivateNetworks = pick(
                    from,
                    "allowPrivateNetworks",
                    set.allowPrivateNetworks(),
                    override == null ? Optional.empty() : override.allowPrivateNetworks(),
                    false,
                    EffectiveSettings.DEFAULT);
        }
        Set<String> secrets = pick(
                from,
                "secrets",
                set.secrets() == null ? null : Set.copyOf(set.secrets()),
                override == null ? Optional.empty() : override.secrets().map(Set::copyOf),
                Set.of(),
                EffectiveSettings.DEFAULT);
        double reviewThreshold = pick(
                from,
                "reviewThreshold",
                set.reviewThreshold(),
                override == null ? Optional.empty() : override.reviewThreshold(),
                config.harvest().reviewThreshold(),
                EffectiveSettings.DEFAULT);
        Duration recordTimeout = pick(
                from,
                "recordTimeout",
                set.recordTimeoutDuration(),
                override == null ? Optional.empty() : override.recordTimeout(),
                config.harvest().recordTimeout(),
                EffectiveSettings.DEFAULT);
        boolean publishesForOthers = pick(
                from,
                "publishesForOthers",
                set.publishesForOthers(),
                Optional.empty(),
                false,
                EffectiveSettings.DEFAULT);
        return new EffectiveSettings(
                baseUrl,
                delayMillis,
                schedule,
                allowPrivateNetworks,
                secrets,
                reviewThreshold,
                recordTimeout,
                publishesForOthers,
                Map.copyOf(from));
    }

    private static <T> T pick(
            Map<String, String> from, String name, T api, Optional<T> configured, T otherwise, String otherwiseFrom) {
        if (api != null) {
            from.put(name, EffectiveSettings.API);
            return api;
        }
        if (configured.isPresent()) {
            from.put(name, EffectiveSettings.CONFIGURATION);
            return configured.get();
        }
        from.put(name, otherwiseFrom);
        return otherwise;
    }

    /** The longest per-record deadline any source has: a run is alive while it moves within it. */
    public Duration longestRecordTimeout() {
        Duration longest = config.harvest().recordTimeout();
        for (HarvesterConfig.SourceOverride override : config.sources().values()) {
            Duration timeout = override.recordTimeout().orElse(longest);
            longest = timeout.compareTo(longest) > 0 ? timeout : longest;
        }
        List<String> stored = QuarkusTransaction.requiringNew()
                .call(() -> Source.getEntityManager()
                        .createNativeQuery("select settings ->> 'recordTimeout' from source"
                                + " where deleted_at is null and settings ->> 'recordTimeout' is not null")
                        .getResultList());
        for (String text : stored) {
            Duration timeout =
                    new SourceSettings(null, null, null, null, null, null, text, null).recordTimeoutDuration();
            longest = timeout != null && timeout.compareTo(longest) > 0 ? timeout : longest;
        }
        return longest;
    }

    /** The secrets a harvest of the source may read: those bound to it, sent only to its base URL's host. */
    public SourceSecrets secrets(String sourceId, EffectiveSettings settings) {
        return new SourceSecrets(
                sourceId,
                settings.secrets(),
                URI.create(settings.baseUrl()),
                settings.allowPrivateNetworks(),
                System::getenv);
    }

    /**
     * The secrets a dry-run of a posted file may read: those bound to the source its id names, sent only to that
     * source's own base URL host (as configured, whatever base URL the file says); none when no such source exists.
     */
    public SourceSecrets secretsForDryRun(SourceDefinition file) {
        Source stored = QuarkusTransaction.requiringNew().call(() -> Source.<Source>findById(file.id()));
        if (stored == null || stored.deleted()) {
            return new SourceSecrets(file.id(), Set.of(), null, false, System::getenv);
        }
        return secrets(file.id(), settings(stored, definition(stored)));
    }

    /** The source's connector on its effective base URL, reading only the secrets given. */
    public SourceConnector connector(SourceDefinition definition, EffectiveSettings settings, SourceSecrets secrets) {
        return Connectors.create(definition.connector(), settings.baseUrl(), secrets::read);
    }

    /** Whether the connector accepts the definition with the settings; the exception says why not. */
    public void check(SourceDefinition definition, EffectiveSettings settings) {
        if (!CronExpression.isValidExpression(settings.schedule())) {
            throw new IllegalArgumentException("schedule '" + settings.schedule()
                    + "' is not a Quartz cron expression (seconds first, e.g. \"0 0 3 * * ?\")");
        }
        connector(definition, settings, secrets(definition.id(), settings));
    }
}

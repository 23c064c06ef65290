package org.onewindow.harvester.source;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;
import org.onewindow.harvester.run.HarvestService;
import org.onewindow.harvester.store.HarvestRun;
import org.onewindow.harvester.store.RecordStore;
import org.onewindow.harvester.store.Source;
import org.onewindow.harvester.store.SourceVersion;
import org.onewindow.mappings.source.SourceDefinition;

/**
 * Every change of a source is a new version of its mapping, with where it came from, who made it and why: created or
 * replaced through the API, or seeded from a mapping file. A file updates its source only while the source's current
 * version came from a file and nobody changed it through the API since; otherwise the database wins and the
 * difference is kept on the source ({@code fileDrift}) and logged.
 */
@ApplicationScoped
public class SourceChanges {

    private static final Logger LOG = Logger.getLogger(SourceChanges.class);

    /** What seeding from a file did to its source. */
    public enum Seeded {
        CREATED,
        UPDATED,
        UNCHANGED,
        KEPT_DATABASE_VERSION
    }

    /** The source exists already (create) or does not (replace). */
    public static class SourceConflict extends RuntimeException {
        SourceConflict(String message) {
            super(message);
        }
    }

    @Inject
    SourceCatalog sources;

    @Transactional
    public Seeded seed(String fileName, String text, SourceDefinition definition) {
        Source source = Source.findById(definition.id());
        if (source == null) {
            write(
                    new Source(),
                    definition,
                    text,
                    change(
                            SourceVersion.Origin.FILE,
                            fileName,
                            RecordStore.sha256(text),
                            "mapping file",
                            "seeded from " + fileName));
            return Seeded.CREATED;
        }
        if (source.deleted()) {
            SourceVersion deletion = SourceVersion.current(source.id).orElseThrow();
            source.fileDrift = fileName + " names a source deleted through the API by " + deletion.changedBy + " at "
                    + deletion.changedAt + ": not applied; create the source through the API to bring it back";
            LOG.warnf("source %s: %s", source.id, source.fileDrift);
            return Seeded.KEPT_DATABASE_VERSION;
        }
        if (text.equals(source.definition)) { // whatever else changed through the API (disabled, settings)
            source.fileDrift = null;
            source.schedule = schedule(source, definition);
            return Seeded.UNCHANGED;
        }
        SourceVersion setBy = SourceVersion.mappingSetBy(source.id).orElseThrow();
        if (setBy.origin == SourceVersion.Origin.API) {
            source.fileDrift = fileName + " differs from version " + setBy.version + ", changed through the API by "
                    + setBy.changedBy + " at " + setBy.changedAt
                    + (setBy.reason == null ? "" : " (" + setBy.reason + ")")
                    + ": the database's version stays; replace the mapping through the API to take the file's";
            LOG.warnf("source %s: %s", source.id, source.fileDrift);
            return Seeded.KEPT_DATABASE_VERSION;
        }
        write(
                source,
                definition,
                text,
                change(
                        SourceVersion.Origin.FILE,
                        fileName,
                        RecordStore.sha256(text),
                        "mapping file",
                        "updated from " + fileName));
        return Seeded.UPDATED;
    }

    /**
     * A new source, or a deleted one given a mapping again (its next version).
     *
     * @throws SourceConflict when a source of the definition's id exists
     */
    @Transactional
    public Source create(SourceDefinition definition, String text, Editor by, String reason) {
        Source existing = Source.findById(definition.id());
        if (existing != null && !existing.deleted()) {
            throw new SourceConflict("source " + definition.id() + " exists: replace its mapping instead");
        }
        Source source = existing == null ? new Source() : existing;
        source.deletedAt = null;
        source.enabled = true;
        return write(source, definition, text, change(by, reason));
    }

    /**
     * Deletes a source: every active record of it withdrawn (a version each, and out of the index through the outbox),
     * the source disabled and marked deleted, its history kept. Returns how many records were withdrawn.
     *
     * @throws SourceConflict when no source has the id
     * @throws HarvestService.AlreadyRunningException while a run of the source is going
     */
    @Transactional
    public int delete(String sourceId, String by, String reason) {
        Source source = Source.findById(sourceId, LockModeType.PESSIMISTIC_WRITE);
        if (source == null || source.deleted()) {
            throw new SourceConflict("no source " + sourceId);
        }
        HarvestRun.runningFor(sourceId).ifPresent(running -> {
            throw new HarvestService.AlreadyRunningException(sourceId, running.id);
        });
        int withdrawn = RecordStore.withdrawAllOf(sourceId);
        source.enabled = false;
        source.deletedAt = Instant.now();
        source.updatedAt = source.deletedAt;
        version(source, change(SourceVersion.Origin.API, null, null, by, reason), source.deletedAt);
        return withdrawn;
    }

    /** @throws SourceConflict when no source has the definition's id */
    @Transactional
    public Source replace(SourceDefinition definition, String text, Editor by, String reason) {
        Source source = Source.findById(definition.id());
        if (source == null || source.deleted()) {
            throw new SourceConflict("no source " + definition.id() + ": create it instead");
        }
        return write(source, definition, text, change(by, reason));
    }

    /**
     * Enables or disables a source: a version of its own, with the same mapping (a change through the API: a mapping
     * file no longer updates the source after it). Null, and no version, when the source is already so.
     *
     * @throws SourceConflict when no source has the id
     */
    @Transactional
    public Source enable(String sourceId, boolean enabled, String by, String reason) {
        Source source = Source.findById(sourceId);
        if (source == null || source.deleted()) {
            throw new SourceConflict("no source " + sourceId);
        }
        if (source.enabled == enabled) {
            return null;
        }
        source.enabled = enabled;
        source.updatedAt = Instant.now();
        version(source, change(SourceVersion.Origin.API, null, null, by, reason), source.updatedAt);
        return source;
    }

    /**
     * Replaces what an operator set for the source beyond its mapping (settings left out are unset): a version of its
     * own, with the same mapping. Null, and no version, when the settings are already so.
     *
     * @throws SourceConflict when no source has the id
     */
    @Transactional
    public Source configure(String sourceId, SourceSettings settings, String by, String reason) {
        Source source = Source.findById(sourceId);
        if (source == null || source.deleted()) {
            throw new SourceConflict("no source " + sourceId);
        }
        String json = settings.json();
        if (json.equals(SourceSettings.stored(source.settings).json())) {
            return null;
        }
        source.settings = json;
        source.schedule = schedule(source, sources.definition(source));
        source.updatedAt = Instant.now();
        version(source, change(SourceVersion.Origin.API, null, null, by, reason), source.updatedAt);
        return source;
    }

    @Transactional
    public List<SourceVersion> versions(String sourceId) {
        return SourceVersion.of(sourceId);
    }

    private record Change(
            SourceVersion.Origin origin, String fileName, String fileHash, String by, String byAgency, String reason) {}

    private static Change change(Editor editor, String reason) {
        return new Change(SourceVersion.Origin.API, null, null, editor.label(), editor.agencyCode(), reason);
    }

    private static Change change(
            SourceVersion.Origin origin, String fileName, String fileHash, String by, String reason) {
        return new Change(origin, fileName, fileHash, by, null, reason);
    }

    private Source write(Source source, SourceDefinition definition, String text, Change change) {
        Instant now = Instant.now();
        if (source.id == null) {
            source.id = definition.id();
            source.createdAt = now;
        }
        source.kind = definition.connector().kind();
        source.agencyCode = definition.agency().code();
        source.agencyName = definition.agency().name();
        source.agencyType = definition.agency().type().code();
        source.definition = text;
        source.updatedAt = now;
        source.fileDrift = null;
        source.schedule = schedule(source, definition);
        source.persist();
        version(source, change, now);
        return source;
    }

    private static void version(Source source, Change change, Instant now) {
        SourceVersion version = new SourceVersion();
        version.sourceId = source.id;
        version.version =
                SourceVersion.current(source.id).map(v -> v.version + 1).orElse(1);
        version.definition = source.definition;
        version.enabled = source.enabled;
        version.settings = source.settings;
        version.deleted = source.deleted();
        version.origin = change.origin();
        version.fileName = change.fileName();
        version.fileHash = change.fileHash();
        version.changedBy = change.by();
        version.changedByAgency = change.byAgency();
        version.reason = change.reason();
        version.changedAt = now;
        version.persist();
        LOG.infof(
                "source %s: version %d (%s by %s%s)",
                source.id, version.version, change.origin(), change.by(), source.enabled ? "" : ", disabled");
    }

    /** The schedule the source's settings give it (an operator's, the configuration's, else its mapping's). */
    private String schedule(Source source, SourceDefinition definition) {
        return sources.settings(source.id, SourceSettings.stored(source.settings), definition)
                .schedule();
    }
}

package org.onewindow.catalogue.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.onewindow.catalogue.config.ApiConfig;
import org.onewindow.catalogue.jsonld.CpsvCatalogue;
import org.onewindow.catalogue.search.ServiceSearch;

/**
 * The catalogue document of each version, written once into a file of a temporary directory (tens of MB for tens of
 * thousands of services: too big for the heap) and sent from there to every request for that version. Requests for a
 * version being written wait for that one build; builds run one at a time, so however many requests arrive, the heap
 * holds one page of services for the export. When a version is written, the files of the ones before it go, each
 * once the last response holding it has ended.
 */
@ApplicationScoped
public class CatalogueExports {

    private static final Logger LOG = Logger.getLogger(CatalogueExports.class);

    /** What the document reads of each service. */
    private static final List<String> FIELDS =
            List.of("id", "language", "name", "description", "summary", "keywords", "url", "competentAuthority");

    @Inject
    ServiceSearch search;

    @Inject
    ObjectMapper json;

    @Inject
    ApiConfig config;

    /** One version's document: its file, done when written, and the responses holding it. */
    private static final class Document {
        final Path file;
        final CompletableFuture<Void> written = new CompletableFuture<>();
        int holders;
        boolean superseded;

        Document(Path file) {
            this.file = file;
        }
    }

    private final Map<CatalogueVersion, Document> documents = new HashMap<>();
    private final ReentrantLock building = new ReentrantLock(true);
    private final AtomicLong names = new AtomicLong();
    private final AtomicLong builds = new AtomicLong();
    private Path directory;

    void start(@Observes StartupEvent event) throws IOException {
        URI base = URI.create(config.publicBaseUrl());
        if (!base.isAbsolute()
                || base.getHost() == null
                || !List.of("http", "https").contains(base.getScheme())) {
            throw new IllegalStateException(
                    "onewindow.api.public-base-url must be an absolute http(s) URL, not '" + base + "'");
        }
        directory = Files.createTempDirectory("onewindow-catalogue-");
    }

    synchronized void stop(@Observes ShutdownEvent event) throws IOException {
        documents.clear();
        if (directory == null) {
            return; // the start failed
        }
        try (Stream<Path> left = Files.list(directory)) {
            left.forEach(CatalogueExports::deleteQuietly);
        }
        Files.deleteIfExists(directory);
    }

    /** A version's document held for one response: its file stays until this is closed. */
    public final class Export implements AutoCloseable {

        private final Document document;
        private final AtomicBoolean closed = new AtomicBoolean();

        private Export(Document document) {
            this.document = document;
        }

        public Path file() {
            return document.file;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                released(document);
            }
        }
    }

    /** The document of {@code version}, written now unless a request already did or is doing it; the caller closes it. */
    public Export open(CatalogueVersion version) throws IOException {
        Document document;
        boolean write;
        synchronized (this) {
            document = documents.get(version);
            write = document == null;
            if (write) {
                document = new Document(directory.resolve("catalogue-" + names.incrementAndGet() + ".jsonld"));
                documents.put(version, document);
            }
            document.holders++;
        }
        try {
            if (write) {
                write(version, document);
            }
            awaitWritten(document);
            return new Export(document);
        } catch (IOException | RuntimeException e) {
            released(document);
            throw e;
        }
    }

    /** How many documents were written since the start (each version once, while it stays the newest). */
    public long builds() {
        return builds.get();
    }

    private void write(CatalogueVersion version, Document document) {
        building.lock();
        Path partial = document.file.resolveSibling(document.file.getFileName() + ".partial");
        try {
            long started = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(partial);
                    JsonGenerator generator = json.createGenerator(out, JsonEncoding.UTF8)) {
                CpsvCatalogue catalogue = new CpsvCatalogue(json, generator, version.baseUrl());
                search.forEachService(FIELDS, catalogue::add);
                catalogue.finish();
            }
            Files.move(partial, document.file, StandardCopyOption.ATOMIC_MOVE);
            builds.incrementAndGet();
            LOG.infof(
                    "catalogue export of %,d services written (%,d bytes) in %d ms",
                    version.index().services(), Files.size(document.file), (System.nanoTime() - started) / 1_000_000);
            supersedeAllBut(document);
            document.written.complete(null);
        } catch (IOException | RuntimeException e) {
            forget(version, document);
            deleteQuietly(partial);
            document.written.completeExceptionally(e);
        } finally {
            building.unlock();
        }
    }

    private static void awaitWritten(Document document) throws IOException {
        try {
            document.written.get();
        } catch (ExecutionException e) {
            throw new IOException("the catalogue document could not be written", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the catalogue document was written", e);
        }
    }

    private synchronized void released(Document document) {
        document.holders--;
        if (document.superseded && document.holders == 0) {
            deleteQuietly(document.file);
        }
    }

    private synchronized void supersedeAllBut(Document newest) {
        for (Iterator<Document> all = documents.values().iterator(); all.hasNext(); ) {
            Document other = all.next();
            if (other != newest && other.written.isDone()) {
                all.remove();
                other.superseded = true;
                if (other.holders == 0) {
                    deleteQuietly(other.file);
                }
            }
        }
    }

    private synchronized void forget(CatalogueVersion version, Document document) {
        documents.remove(version, document);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }
}

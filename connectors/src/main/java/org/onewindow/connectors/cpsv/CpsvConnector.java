package org.onewindow.connectors.cpsv;

import com.apicatalog.jsonld.JsonLdError;
import com.apicatalog.jsonld.JsonLdErrorCode;
import com.apicatalog.jsonld.JsonLdOptions;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.riot.lang.LangJSONLD11;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.vocabulary.RDF;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.Listing;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.mappings.model.RawRecord;

/**
 * A CPSV-AP catalogue (Turtle, RDF/XML or JSON-LD, read with Apache Jena): every cpsv:PublicService in the
 * document is a record, complete in the listing itself (nothing more to fetch). A catalogue of several documents is
 * read as one graph: the documents one after the other, then the services of them all, so that a service (or the
 * organisation it links to) described in several documents is one record with every statement made about it.
 */
public final class CpsvConnector implements SourceConnector {

    public static final String KIND = "cpsv-ap";
    private static final String URL_FIELD = "_url";

    /** Parsing never fetches: a remote JSON-LD @context would be a request the harvester did not decide to make. */
    private static final Context NO_REMOTE_CONTEXTS = noRemoteContexts();

    private static Context noRemoteContexts() {
        JsonLdOptions options = new JsonLdOptions((url, loaderOptions) -> {
            throw new JsonLdError(
                    JsonLdErrorCode.LOADING_DOCUMENT_FAILED, "remote JSON-LD context not fetched: " + url);
        });
        Context context = new Context();
        context.set(LangJSONLD11.JSONLD_OPTIONS, options);
        return context;
    }

    /** How a service is known from one harvest to the next ({@link CpsvSettings#recordIds()}). */
    private enum RecordIds {
        IRI,
        IDENTIFIER
    }

    private final List<String> catalogueUrls;
    private final Lang format;
    private final String recordUrl;
    private final RecordIds recordIds;

    public CpsvConnector(String baseUrl, CpsvSettings settings) {
        if (settings.catalogue() == null || settings.catalogue().isEmpty()) {
            throw new ConnectorConfigException("catalogue: names no document (a path or URL, or a list of them)");
        }
        List<String> urls = new ArrayList<>();
        for (String catalogue : settings.catalogue()) {
            String url = catalogue == null ? null : Urls.absoluteHttp(baseUrl, catalogue);
            if (url == null) {
                throw new ConnectorConfigException(
                        "catalogue: not a usable URL against base URL '" + baseUrl + "': " + catalogue);
            }
            if (urls.contains(url)) {
                throw new ConnectorConfigException("catalogue: " + url + " is listed twice");
            }
            urls.add(url);
        }
        this.catalogueUrls = List.copyOf(urls);
        this.format = settings.format() == null ? null : lang(settings.format());
        this.recordIds = recordIds(settings.recordIds());
        this.recordUrl = settings.recordUrl() == null
                ? null
                : Urls.absoluteHttp(baseUrl, settings.recordUrl().replace("{id}", "ID"));
        if (settings.recordUrl() != null && recordUrl == null) {
            throw new ConnectorConfigException("recordUrl: not a usable URL template: " + settings.recordUrl());
        }
    }

    private static RecordIds recordIds(String setting) {
        if (setting == null) {
            return RecordIds.IRI;
        }
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "iri" -> RecordIds.IRI;
            case "identifier" -> RecordIds.IDENTIFIER;
            default -> throw new ConnectorConfigException("recordIds: '" + setting + "' is not iri or identifier");
        };
    }

    private static Lang lang(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "turtle", "ttl" -> Lang.TURTLE;
            case "rdfxml", "rdf/xml", "xml" -> Lang.RDFXML;
            case "jsonld", "json-ld" -> Lang.JSONLD;
            default -> throw new ConnectorConfigException("format: '" + format + "' is not turtle, rdfxml or jsonld");
        };
    }

    @Override
    public PageRequest firstPage() {
        return PageRequest.get(catalogueUrls.get(0));
    }

    /** A catalogue of one document; of several, {@link #listing()} reads them. */
    @Override
    public GatherResult gather(FetchedPage page) {
        Model model = ModelFactory.createDefaultModel();
        Optional<String> unreadable = parseInto(model, page);
        return unreadable.isPresent() ? GatherResult.unreadable(unreadable.get()) : services(model);
    }

    @Override
    public Listing listing() {
        return catalogueUrls.size() == 1 ? this::gather : new Documents();
    }

    /** One reading of a catalogue of several documents: each read into one graph, the services named after the last. */
    private final class Documents implements Listing {
        private final Model graph = ModelFactory.createDefaultModel();
        private int read;

        @Override
        public GatherResult gather(FetchedPage page) {
            Model document = ModelFactory.createDefaultModel();
            Optional<String> unreadable = parseInto(document, page);
            if (unreadable.isPresent()) {
                return GatherResult.unreadable(unreadable.get());
            }
            graph.add(document);
            read++;
            if (read < catalogueUrls.size()) {
                return new GatherResult(List.of(), Optional.of(PageRequest.get(catalogueUrls.get(read))));
            }
            return services(graph);
        }
    }

    /** Parses a catalogue document into {@code model}; why it cannot be read, if it cannot. */
    private Optional<String> parseInto(Model model, FetchedPage page) {
        Lang lang = format != null ? format : guess(page);
        try {
            parse(model, page, lang);
            return Optional.empty();
        } catch (RiotException e) {
            return Optional.of("unreadable CPSV-AP catalogue (" + lang.getLabel() + "): " + e.getMessage());
        } catch (RuntimeException e) {
            // Jena's own faults on hostile input (a malformed language tag trips its error formatting) are no less
            // unreadable
            return Optional.of("unreadable CPSV-AP catalogue (" + lang.getLabel() + "): the RDF parser failed: " + e);
        } catch (StackOverflowError e) {
            // the JSON-LD reader recurses once per level of nesting; the parser and its half-read model are dropped
            return Optional.of("unreadable CPSV-AP catalogue (" + lang.getLabel() + "): nested too deeply to read");
        }
    }

    /** Every cpsv:PublicService of the catalogue's graph, a record each, in IRI order. */
    private GatherResult services(Model model) {
        List<RecordRef> records = new ArrayList<>();
        Resource publicService = ResourceFactory.createResource(CpsvFields.CPSV + "PublicService");
        List<Resource> services =
                model.listSubjectsWithProperty(RDF.type, publicService).toList();
        services.sort(Comparator.comparing(Resource::toString));
        for (Resource service : services) {
            Map<String, List<String>> fields = CpsvFields.withoutBookkeeping(CpsvFields.of(service));
            String identifier =
                    fields.containsKey("identifier") ? fields.get("identifier").get(0) : null;
            String iri = service.isURIResource() ? service.getURI() : null;
            String id = recordIds == RecordIds.IRI && iri != null || identifier == null ? iri : identifier;
            if (id == null) {
                return GatherResult.unreadable("a cpsv:PublicService has neither dct:identifier nor an IRI");
            }
            String url = recordUrl != null
                    ? recordUrl.replace(
                            "ID", URLEncoder.encode(identifier != null ? identifier : iri, StandardCharsets.UTF_8))
                    : iri;
            Map<String, List<String>> withUrl = new LinkedHashMap<>(fields);
            if (url != null) {
                withUrl.put(URL_FIELD, List.of(url));
            }
            records.add(new RecordRef(id, null, withUrl));
        }
        return new GatherResult(records, Optional.empty());
    }

    private static void parse(Model model, FetchedPage page, Lang lang) {
        RDFParser.create()
                .source(new ByteArrayInputStream(page.body()))
                .lang(lang)
                .base(page.finalUrl())
                .context(NO_REMOTE_CONTEXTS)
                .parse(model);
    }

    private static Lang guess(FetchedPage page) {
        String type = page.contentType() == null ? "" : page.contentType().toLowerCase(Locale.ROOT);
        String url = page.finalUrl().toLowerCase(Locale.ROOT);
        if (type.contains("turtle") || url.endsWith(".ttl")) {
            return Lang.TURTLE;
        }
        if (type.contains("ld+json") || url.endsWith(".jsonld")) {
            return Lang.JSONLD;
        }
        if (type.contains("rdf+xml") || url.endsWith(".rdf") || url.endsWith(".xml")) {
            return Lang.RDFXML;
        }
        return Lang.TURTLE;
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        Map<String, List<String>> fields = new LinkedHashMap<>(ref.listFields());
        List<String> url = fields.remove(URL_FIELD);
        if (url == null || url.isEmpty()) {
            return new ExtractResult.NotAContentPage("the service has no http(s) IRI and the source sets no recordUrl");
        }
        return new ExtractResult.Extracted(new RawRecord(ref.sourceRecordId(), url.get(0), fields));
    }
}

package org.onewindow.connectors.cpsv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;

/**
 * Flattens one cpsv:PublicService into raw fields. A language-tagged text goes to {@code field@lang} and, for the
 * preferred language (Korean, then English, then any), to {@code field}; a linked node contributes its title or
 * label. Field names follow CPSV-AP property names.
 */
final class CpsvFields {

    static final String CPSV = "http://purl.org/vocab/cpsv#";
    static final String CV = "http://data.europa.eu/m8g/";
    static final String DCT = "http://purl.org/dc/terms/";
    static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String FOAF = "http://xmlns.com/foaf/0.1/";
    static final String SCHEMA = "http://schema.org/";

    private static final List<String> PREFERRED_LANGUAGES = List.of("ko", "en");

    private CpsvFields() {}

    static Map<String, List<String>> of(Resource service) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        text(fields, "title", service, DCT + "title");
        text(fields, "name", service, CV + "name");
        text(fields, "description", service, DCT + "description");
        text(fields, "identifier", service, DCT + "identifier");
        text(fields, "keyword", service, DCAT + "keyword");
        text(fields, "keyword", service, CV + "keyword");
        text(fields, "processingTime", service, CV + "processingTime");
        text(fields, "language", service, DCT + "language");
        linked(fields, "competentAuthority", service, CV + "hasCompetentAuthority");
        linkedIdentifier(fields, "competentAuthorityId", service, CV + "hasCompetentAuthority");
        linked(fields, "requirement", service, CV + "holdsRequirement");
        linked(fields, "evidence", service, CPSV + "hasInput");
        linked(fields, "output", service, CPSV + "produces");
        linked(fields, "event", service, CV + "isGroupedBy");
        linked(fields, "legalResource", service, CV + "hasLegalResource");
        linked(fields, "thematicArea", service, CV + "thematicArea");
        linked(fields, "sector", service, CV + "sector");
        linked(fields, "spatial", service, DCT + "spatial");
        linked(fields, "cost", service, CV + "hasCost");
        linked(fields, "formalFramework", service, CV + "hasFormalFramework");
        // contact points: cv:contactPoint (CPSV-AP 3) or cv:hasContactPoint (2.x), their numbers and addresses in the
        // Core Vocabularies' or schema.org's terms
        for (String link : List.of(CV + "contactPoint", CV + "hasContactPoint")) {
            for (String telephone : List.of(CV + "telephone", SCHEMA + "telephone")) {
                linkedProperty(fields, "telephone", service, link, telephone);
            }
            for (String email : List.of(CV + "email", SCHEMA + "email")) {
                linkedProperty(fields, "email", service, link, email);
            }
        }
        // a channel's own web address, when it says one (its owner's IRI is no address of the channel)
        for (String url : List.of(SCHEMA + "url", FOAF + "homepage", DCAT + "accessURL")) {
            linkedProperty(fields, "channelUrl", service, CV + "hasChannel", url);
        }
        text(fields, "homepage", service, FOAF + "homepage");
        text(fields, "modified", service, DCT + "modified");
        return fields;
    }

    private static void text(Map<String, List<String>> fields, String name, Resource subject, String property) {
        values(subject, property).forEach(node -> add(fields, name, node));
    }

    private static void linked(Map<String, List<String>> fields, String name, Resource subject, String property) {
        for (RDFNode node : values(subject, property)) {
            if (node.isResource()) {
                Resource linked = node.asResource();
                List<RDFNode> labels = new ArrayList<>();
                for (String labelProperty : List.of(
                        DCT + "title",
                        SKOS + "prefLabel",
                        CV + "name",
                        "http://www.w3.org/2000/01/rdf-schema#label",
                        DCT + "description")) {
                    labels.addAll(values(linked, labelProperty));
                    if (!labels.isEmpty()) {
                        break;
                    }
                }
                if (labels.isEmpty() && linked.isURIResource()) {
                    add(fields, name, ResourceFactory.createPlainLiteral(linked.getURI()));
                }
                labels.forEach(label -> add(fields, name, label));
            } else {
                add(fields, name, node);
            }
        }
    }

    private static void linkedIdentifier(
            Map<String, List<String>> fields, String name, Resource subject, String property) {
        for (RDFNode node : values(subject, property)) {
            if (node.isResource()) {
                values(node.asResource(), DCT + "identifier").forEach(id -> add(fields, name, id));
            }
        }
    }

    private static void linkedProperty(
            Map<String, List<String>> fields, String name, Resource subject, String link, String property) {
        for (RDFNode node : values(subject, link)) {
            if (node.isResource()) {
                values(node.asResource(), property).forEach(value -> add(fields, name, value));
            }
        }
    }

    private static List<RDFNode> values(Resource subject, String property) {
        Property p = ResourceFactory.createProperty(property);
        List<RDFNode> values = new ArrayList<>();
        for (Statement statement : subject.listProperties(p).toList()) {
            values.add(statement.getObject());
        }
        // RDF values of one property have no order, and Jena hands them out in a different one from parse to parse:
        // sorted, the same catalogue always gives the same record (and content hash).
        values.sort(Comparator.comparing(CpsvFields::sortKey));
        return values;
    }

    private static String sortKey(RDFNode node) {
        if (node.isLiteral()) {
            return node.asLiteral().getLexicalForm() + "@" + node.asLiteral().getLanguage();
        }
        if (node.isURIResource()) {
            return node.asResource().getURI();
        }
        // a blank node: by what it says (its own id changes from parse to parse)
        return node.asResource().listProperties().toList().stream()
                .map(statement -> statement.getPredicate().getURI() + "="
                        + (statement.getObject().isAnon()
                                ? "_"
                                : statement.getObject().toString()))
                .sorted()
                .collect(Collectors.joining(";"));
    }

    /** Adds a value; language-tagged text also under field@lang, and under field only in the preferred language. */
    private static void add(Map<String, List<String>> fields, String name, RDFNode node) {
        if (!node.isLiteral()) {
            fields.computeIfAbsent(name, k -> new ArrayList<>())
                    .add(node.isURIResource() ? node.asResource().getURI() : node.toString());
            return;
        }
        Literal literal = node.asLiteral();
        String text = literal.getLexicalForm().strip();
        if (text.isEmpty()) {
            return;
        }
        String language = literal.getLanguage();
        if (language == null || language.isEmpty()) {
            fields.computeIfAbsent(name, k -> new ArrayList<>()).add(text);
            return;
        }
        fields.computeIfAbsent(name + "@" + language.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(text);
        List<String> plain = fields.get(name);
        String current =
                fields.containsKey(name + "#lang") ? fields.get(name + "#lang").get(0) : null;
        if (plain == null || current != null && rank(language) < rank(current)) {
            fields.put(name, new ArrayList<>(List.of(text)));
            fields.put(name + "#lang", new ArrayList<>(List.of(language.toLowerCase(Locale.ROOT))));
        } else if (current != null && rank(language) == rank(current) && language.equalsIgnoreCase(current)) {
            plain.add(text);
        }
    }

    private static int rank(String language) {
        int index = PREFERRED_LANGUAGES.indexOf(language.toLowerCase(Locale.ROOT));
        return index < 0 ? PREFERRED_LANGUAGES.size() : index;
    }

    /** Drops the bookkeeping entries used while choosing the preferred language. */
    static Map<String, List<String>> withoutBookkeeping(Map<String, List<String>> fields) {
        Map<String, List<String>> clean = new LinkedHashMap<>(fields);
        clean.keySet().removeIf(k -> k.endsWith("#lang"));
        return clean;
    }
}

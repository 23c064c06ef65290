package org.onewindow.connectors.html;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.http.Charsets;
import org.onewindow.mappings.model.RawRecord;

/**
 * HTML listing pages + record pages, the way eGovFrame sites are built: listing pages paged by a form or query
 * parameter, record links as {@code javascript:fn_view('…')}, label/value tables on record pages.
 */
public final class HtmlConnector implements SourceConnector {

    public static final String KIND = "html";

    private final String baseUrl;
    private final HtmlSettings settings;
    private final Evaluator itemSelector;
    private final Pattern idPattern;
    private final Pattern pageLinkPattern;
    private final Map<String, List<Evaluator>> fieldSelectors;

    public HtmlConnector(String baseUrl, HtmlSettings settings) {
        if (Urls.absoluteHttp(baseUrl, "/") == null) {
            throw new ConnectorConfigException("baseUrl must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        this.baseUrl = baseUrl;
        this.settings = settings;
        this.itemSelector = selector("list.itemSelector", settings.list().itemSelector());
        this.idPattern = pattern("list.idPattern", settings.list().idPattern());
        this.pageLinkPattern = pattern("list.pageLinkPattern", settings.list().pageLinkPattern());
        if (settings.list().detailUrl() != null && idPattern == null) {
            throw new ConnectorConfigException("list.detailUrl needs list.idPattern to find the {id}");
        }
        Map<String, List<Evaluator>> fields = new LinkedHashMap<>();
        settings.fields().forEach((field, selectors) -> {
            if (selectors.isEmpty()) {
                throw new ConnectorConfigException("fields." + field + ": needs at least one selector");
            }
            fields.put(field, selectors.stream().map(s -> selector("fields." + field, s)).toList());
        });
        this.fieldSelectors = Map.copyOf(fields);
    }

    @Override
    public PageRequest firstPage() {
        return listPage(settings.list().firstPage());
    }

    private PageRequest listPage(int number) {
        HtmlSettings.ListSettings list = settings.list();
        String url = Urls.absoluteHttp(baseUrl, list.path());
        Map<String, String> parameters = new LinkedHashMap<>(list.form());
        if (list.pageParameter() != null) {
            parameters.put(list.pageParameter(), Integer.toString(number));
        }
        if (list.method() == PageRequest.Method.POST) {
            return new PageRequest(url, PageRequest.Method.POST, parameters);
        }
        return PageRequest.get(withQuery(url, parameters));
    }

    @Override
    public GatherResult gather(FetchedPage page) {
        Document document = parse(page);
        List<RecordRef> records = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Element link : document.select(itemSelector)) {
            RecordRef ref = recordRef(link, page.finalUrl());
            if (ref != null && seen.add(ref.sourceRecordId())) {
                records.add(ref);
            }
        }
        return new GatherResult(records, nextPage(document, page));
    }

    private RecordRef recordRef(Element link, String pageUrl) {
        String scripted = link.attr("href") + " " + link.attr("onclick");
        if (idPattern != null) {
            Matcher m = idPattern.matcher(scripted);
            if (!m.find()) {
                return null;
            }
            String id = m.group(1);
            String template = settings.list().detailUrl();
            String url = template != null
                    ? Urls.absoluteHttp(baseUrl, template.replace("{id}", java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)))
                    : Urls.absoluteHttp(pageUrl, link.attr("href"));
            return url == null ? null : new RecordRef(id, PageRequest.get(Urls.stripSessionId(url)));
        }
        String url = Urls.stripSessionId(Urls.absoluteHttp(pageUrl, link.attr("href")));
        return url == null ? null : new RecordRef(url, PageRequest.get(url));
    }

    private Optional<PageRequest> nextPage(Document document, FetchedPage page) {
        HtmlSettings.ListSettings list = settings.list();
        if (list.pageParameter() == null || pageLinkPattern == null) {
            return Optional.empty();
        }
        int current = currentPage(page.request());
        Set<Integer> linked = new HashSet<>();
        for (Element a : document.select("a[href], a[onclick]")) {
            Matcher m = pageLinkPattern.matcher(a.attr("href") + " " + a.attr("onclick"));
            while (m.find()) {
                try {
                    linked.add(Integer.parseInt(m.group(1)));
                } catch (NumberFormatException ignored) {
                    // not a page number
                }
            }
        }
        return linked.contains(current + 1) ? Optional.of(listPage(current + 1)) : Optional.empty();
    }

    private int currentPage(PageRequest request) {
        String parameter = settings.list().pageParameter();
        String value = request.form().get(parameter);
        if (value == null) {
            Matcher m = Pattern.compile("[?&]" + Pattern.quote(parameter) + "=(\\d+)").matcher(request.url());
            value = m.find() ? m.group(1) : null;
        }
        try {
            return value == null ? settings.list().firstPage() : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return settings.list().firstPage();
        }
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        Document document = parse(page);
        String text = document.text();
        String scripts = document.select("script").html();
        for (String marker : settings.softErrors()) {
            if (text.contains(marker) || scripts.contains(marker)) {
                return new ExtractResult.NotAContentPage("soft error page: '" + marker + "'");
            }
        }
        Map<String, List<String>> fields = new HashMap<>();
        boolean found = false;
        for (Map.Entry<String, List<Evaluator>> entry : fieldSelectors.entrySet()) {
            String field = entry.getKey();
            List<Evaluator> selectors = entry.getValue();
            for (Evaluator selector : selectors) {
                List<String> values = document.select(selector).stream()
                        .map(HtmlText::of)
                        .filter(v -> !v.isBlank())
                        .toList();
                if (!values.isEmpty()) {
                    fields.put(field, values);
                    found = true;
                    break;
                }
            }
        }
        if (!found) {
            return new ExtractResult.NotAContentPage("no configured field found on the page (malformed or unexpected markup)");
        }
        ref.listFields().forEach(fields::putIfAbsent); // what the listing said, where the page says nothing
        return new ExtractResult.Extracted(new RawRecord(ref.sourceRecordId(), Urls.stripSessionId(page.finalUrl()), fields));
    }

    private static Document parse(FetchedPage page) {
        return Jsoup.parse(Charsets.decode(page.body(), page.contentType()), page.finalUrl());
    }

    private static Evaluator selector(String where, String css) {
        try {
            return QueryParser.parse(css);
        } catch (Selector.SelectorParseException e) {
            throw new ConnectorConfigException(where + ": invalid CSS selector '" + css + "': " + e.getMessage(), e);
        }
    }

    private static Pattern pattern(String where, String regex) {
        if (regex == null) {
            return null;
        }
        try {
            Pattern pattern = Pattern.compile(regex);
            if (pattern.matcher("").groupCount() < 1) {
                throw new ConnectorConfigException(where + ": pattern '" + regex + "' needs a capturing group");
            }
            return pattern;
        } catch (PatternSyntaxException e) {
            throw new ConnectorConfigException(where + ": invalid pattern '" + regex + "': " + e.getDescription(), e);
        }
    }

    private static String withQuery(String url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return url + (url.contains("?") ? "&" : "?") + query;
    }
}

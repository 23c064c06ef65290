package org.onewindow.connectors.html;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.Urls;

/**
 * The listing side of an HTML site: the first listing request, the record links on a fetched listing page and the
 * next listing page (eGovFrame forms posting {@code pageIndex}, {@code javascript:fn_view('…')} links). Shared by the
 * kinds whose record pages are HTML.
 */
public final class HtmlListing {

    private final String baseUrl;
    private final HtmlSettings.ListSettings list;
    private final Evaluator itemSelector;
    private final Pattern idPattern;
    private final Pattern pageLinkPattern;
    private final Evaluator nextLink;

    public HtmlListing(String baseUrl, HtmlSettings.ListSettings list) {
        if (Urls.absoluteHttp(baseUrl, "/") == null) {
            throw new ConnectorConfigException("baseUrl must be an absolute http(s) URL, got '" + baseUrl + "'");
        }
        this.baseUrl = baseUrl;
        this.list = list;
        this.itemSelector = SettingChecks.selector("list.itemSelector", list.itemSelector());
        this.idPattern = SettingChecks.patternWithGroup("list.idPattern", list.idPattern());
        this.pageLinkPattern = SettingChecks.patternWithGroup("list.pageLinkPattern", list.pageLinkPattern());
        this.nextLink = list.nextLinkSelector() == null
                ? null
                : SettingChecks.selector("list.nextLinkSelector", list.nextLinkSelector());
        if (list.detailUrl() != null && idPattern == null) {
            throw new ConnectorConfigException("list.detailUrl needs list.idPattern to find the {id}");
        }
    }

    public PageRequest firstPage() {
        return listPage(list.firstPage());
    }

    /** The listing settings that find record links, as the mapping file names them. */
    public String howRecordsAreFound() {
        return "list.itemSelector '" + list.itemSelector() + "'"
                + (list.idPattern() == null ? "" : " with list.idPattern '" + list.idPattern() + "'");
    }

    /**
     * The record a page URL is, as the listing would name it: with {@code detailUrl}, a URL the template makes of an
     * id; with {@code idPattern} alone, a URL it finds an id in; with neither, any page (its id is its URL).
     */
    public Optional<RecordRef> recordAt(String url) {
        String page = Urls.absoluteHttp(baseUrl, url);
        if (page == null) {
            return Optional.empty();
        }
        page = Urls.stripSessionId(page);
        if (idPattern == null) {
            return Optional.of(new RecordRef(page, PageRequest.get(page)));
        }
        if (list.detailUrl() == null) {
            Matcher m = idPattern.matcher(page);
            return m.find() ? Optional.of(new RecordRef(m.group(1), PageRequest.get(page))) : Optional.empty();
        }
        Matcher m = detailUrlPattern().matcher(page);
        if (!m.matches()) {
            return Optional.empty();
        }
        String id = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        return Optional.of(new RecordRef(id, PageRequest.get(page)));
    }

    /** The detail URL template as a pattern whose group is the (encoded) id. */
    private Pattern detailUrlPattern() {
        String marker = "OneWindowRecordId";
        String absolute = Urls.absoluteHttp(baseUrl, list.detailUrl().replace("{id}", marker));
        int at = absolute.indexOf(marker);
        return Pattern.compile(Pattern.quote(absolute.substring(0, at)) + "([^&#?/]+)"
                + Pattern.quote(absolute.substring(at + marker.length())));
    }

    private PageRequest listPage(int number) {
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

    public GatherResult gather(FetchedPage page) {
        Document document = HtmlPages.parse(page);
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
            String template = list.detailUrl();
            String url = template != null
                    ? Urls.absoluteHttp(
                            baseUrl, template.replace("{id}", URLEncoder.encode(id, StandardCharsets.UTF_8)))
                    : Urls.absoluteHttp(pageUrl, link.attr("href"));
            return url == null ? null : new RecordRef(id, PageRequest.get(Urls.stripSessionId(url)));
        }
        String url = Urls.stripSessionId(Urls.absoluteHttp(pageUrl, link.attr("href")));
        return url == null ? null : new RecordRef(url, PageRequest.get(url));
    }

    private Optional<PageRequest> nextPage(Document document, FetchedPage page) {
        if (nextLink != null) {
            Element next = document.selectFirst(nextLink);
            String url = next == null ? null : Urls.absoluteHttp(page.finalUrl(), next.attr("href"));
            return url == null ? Optional.empty() : Optional.of(PageRequest.get(Urls.stripSessionId(url)));
        }
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
        String parameter = list.pageParameter();
        String value = request.form().get(parameter);
        if (value == null) {
            Matcher m = Pattern.compile("[?&]" + Pattern.quote(parameter) + "=(\\d+)")
                    .matcher(request.url());
            value = m.find() ? m.group(1) : null;
        }
        try {
            return value == null ? list.firstPage() : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return list.firstPage();
        }
    }

    private static String withQuery(String url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return url;
        }
        StringBuilder query = new StringBuilder();
        parameters.forEach((k, v) -> query.append(query.length() == 0 ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return url + (url.contains("?") ? "&" : "?") + query;
    }
}

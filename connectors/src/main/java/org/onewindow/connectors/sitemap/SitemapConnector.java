package org.onewindow.connectors.sitemap;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import java.io.IOException;
import java.net.URL;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.onewindow.connectors.ConnectorConfigException;
import org.onewindow.connectors.ExtractResult;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.GatherResult;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;
import org.onewindow.connectors.Urls;
import org.onewindow.connectors.html.HtmlRecordExtractor;

/**
 * A site's sitemap (crawler-commons: sitemap indexes, text sitemaps; gzip inflated here, bounded by
 * {@link GzippedSitemap}) selects the record pages by a URL
 * pattern; each page is read like the html kind's record pages. A sitemap's {@code lastmod} travels with the
 * record reference as the raw field {@code lastmod}.
 */
public final class SitemapConnector implements SourceConnector {

    public static final String KIND = "sitemap";

    private final String sitemapUrl;
    private final Pattern recordUrl;
    private final HtmlRecordExtractor extractor;

    public SitemapConnector(String baseUrl, SitemapSettings settings) {
        this.sitemapUrl = Urls.absoluteHttp(baseUrl, settings.sitemap());
        if (sitemapUrl == null) {
            throw new ConnectorConfigException(
                    "sitemap: not a usable URL against base URL '" + baseUrl + "': " + settings.sitemap());
        }
        try {
            this.recordUrl = Pattern.compile(settings.recordUrlPattern());
        } catch (PatternSyntaxException e) {
            throw new ConnectorConfigException("recordUrlPattern: invalid pattern: " + e.getDescription(), e);
        }
        this.extractor = new HtmlRecordExtractor(settings.fields(), settings.softErrors());
    }

    @Override
    public String howRecordsAreFound() {
        return "recordUrlPattern '" + recordUrl.pattern() + "' over the sitemap's URLs";
    }

    /** A page the record URL pattern selects; its {@code lastmod} is not known without the sitemap. */
    @Override
    public Optional<RecordRef> recordAt(String url) {
        String page = Urls.stripSessionId(url);
        Matcher m = recordUrl.matcher(page);
        if (!m.find()) {
            return Optional.empty();
        }
        String id = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : page;
        return Optional.of(new RecordRef(id, PageRequest.get(page)));
    }

    @Override
    public PageRequest firstPage() {
        return PageRequest.get(sitemapUrl);
    }

    @Override
    public GatherResult gather(FetchedPage page) {
        AbstractSiteMap parsed;
        try {
            parsed = parse(page);
        } catch (GzippedSitemap.TooLarge e) {
            return GatherResult.unreadable(e.getMessage());
        } catch (UnknownFormatException | IOException e) {
            return GatherResult.unreadable("unreadable sitemap " + page.finalUrl() + ": " + e.getMessage());
        }
        if (parsed instanceof SiteMapIndex index) {
            List<PageRequest> children = index.getSitemaps().stream()
                    .map(child -> PageRequest.get(child.getUrl().toString()))
                    .toList();
            return new GatherResult(List.of(), Optional.empty(), children);
        }
        List<RecordRef> records = new ArrayList<>();
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            String url = Urls.stripSessionId(entry.getUrl().toString());
            Matcher m = recordUrl.matcher(url);
            if (!m.find()) {
                continue;
            }
            String id = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : url;
            Map<String, List<String>> listFields = entry.getLastModified() == null
                    ? Map.of()
                    : Map.of(
                            "lastmod",
                            List.of(entry.getLastModified()
                                    .toInstant()
                                    .atZone(ZoneId.of("Asia/Seoul"))
                                    .toLocalDate()
                                    .toString()));
            records.add(new RecordRef(id, PageRequest.get(url), listFields));
        }
        return new GatherResult(records, Optional.empty());
    }

    private static AbstractSiteMap parse(FetchedPage page) throws UnknownFormatException, IOException {
        SiteMapParser parser = new SiteMapParser(false);
        if (GzippedSitemap.isGzip(page.body())) {
            byte[] inflated = GzippedSitemap.inflate(page.finalUrl(), page.body());
            return parser.parseSiteMap(typeOf(inflated), inflated, new URL(page.finalUrl()));
        }
        return parser.parseSiteMap(typeOf(page.body()), page.body(), new URL(page.finalUrl()));
    }

    /** XML or a text sitemap (one URL a line), by the bytes: servers label sitemaps and their gzip every which way. */
    private static String typeOf(byte[] sitemap) {
        for (byte b : sitemap) {
            if (b == '<') {
                return "text/xml";
            }
            if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) { // BOM
                return "text/plain";
            }
        }
        return "text/xml";
    }

    @Override
    public ExtractResult extract(RecordRef ref, FetchedPage page) {
        return extractor.extract(ref, page);
    }
}

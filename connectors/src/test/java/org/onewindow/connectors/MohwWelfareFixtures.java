package org.onewindow.connectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.onewindow.mappings.source.BundledSources;
import org.onewindow.mappings.source.SourceDefinition;

/** The mohw-welfare source and pages saved from the demo site, as the harvester would hand them to the connector. */
public final class MohwWelfareFixtures {

    public static final String BASE_URL = "http://127.0.0.1:8089";
    public static final String LIST_URL = BASE_URL + "/portal/svc/list.do";
    public static final String SESSION = ";jsessionid=8C2F1E0A9B7D4C3E5F6A1B2C3D4E5F60";
    /** List pages are served with the charset in the header. */
    public static final String LIST_CONTENT_TYPE = "text/html;charset=EUC-KR";
    /** View pages are served without it: the charset is only in the page's meta tag. */
    public static final String VIEW_CONTENT_TYPE = "text/html";

    private MohwWelfareFixtures() {}

    public static SourceDefinition source() {
        return BundledSources.readAll().stream()
                .filter(file -> file.fileName().equals(BundledSources.FOLDER + "mohw-welfare.yaml"))
                .findFirst()
                .orElseThrow()
                .result()
                .definition();
    }

    public static SourceConnector connector() {
        return Connectors.create(source().connector(), BASE_URL);
    }

    public static byte[] bytes(String fileName) {
        String path = "/fixtures/mohw-welfare/" + fileName;
        try (InputStream in = MohwWelfareFixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PageRequest listRequest(int page) {
        return new PageRequest(
                LIST_URL, PageRequest.Method.POST, Map.of("menuNo", "200123", "pageIndex", Integer.toString(page)));
    }

    /** A list page as fetched: posted to list.do, answered on the session-decorated URL the site redirects to. */
    public static FetchedPage listPage(int page, String fileName) {
        return new FetchedPage(listRequest(page), LIST_URL + SESSION, 200, LIST_CONTENT_TYPE, bytes(fileName));
    }

    public static String viewUrl(String id) {
        return BASE_URL + "/portal/svc/view.do?menuNo=200123&svcId=" + id;
    }

    public static RecordRef ref(String id) {
        return new RecordRef(id, PageRequest.get(viewUrl(id)));
    }

    /** A view page as fetched; the site appends the session id to the final URL. */
    public static FetchedPage viewPage(String id, String fileName) {
        String finalUrl = BASE_URL + "/portal/svc/view.do" + SESSION + "?menuNo=200123&svcId=" + id;
        return new FetchedPage(ref(id).request(), finalUrl, 200, VIEW_CONTENT_TYPE, bytes(fileName));
    }
}

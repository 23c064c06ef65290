package org.onewindow.connectors.html;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import org.onewindow.connectors.PageRequest;

/**
 * Settings of the HTML list + detail connector, as written under {@code connector.settings} in a mapping file.
 *
 * @param list       how to read the listing pages
 * @param softErrors text that marks a 200 page as an error page ("존재하지 않는 게시물", "시스템 점검")
 * @param fields     raw field name → CSS selectors tried in order; the first that yields text wins
 */
public record HtmlSettings(
        @JsonProperty(required = true) ListSettings list,
        List<String> softErrors,
        @JsonProperty(required = true) Map<String, List<String>> fields) {

    public HtmlSettings {
        softErrors = softErrors == null ? List.of() : List.copyOf(softErrors);
        fields = Map.copyOf(fields);
    }

    /**
     * @param path            listing URL (relative to the source's base URL)
     * @param method          GET or POST (eGovFrame forms post {@code pageIndex})
     * @param form            fixed parameters sent with every listing request ({@code menuNo}, {@code searchCnd})
     * @param pageParameter   the parameter carrying the page number; absent for a single page
     * @param firstPage       number of the first page (usually 1)
     * @param pageLinkPattern regex whose group 1 is a page number linked from the page
     *                        ({@code fn_egov_link_page\((\d+)\)}); the next page is read only if it is linked
     * @param itemSelector    CSS selector of the links to records
     * @param idPattern       regex over a link's href and onclick whose group 1 is the record id
     *                        ({@code fn_view\('([^']+)'})
     * @param detailUrl       URL template of a record page with {@code {id}}; without it the link's href is used
     * @param nextLinkSelector CSS selector of a "next page" link whose href is the next listing page (sites that page
     *                        by links rather than by a page parameter); tried before the page parameter
     */
    public record ListSettings(
            @JsonProperty(required = true) String path,
            PageRequest.Method method,
            Map<String, String> form,
            String pageParameter,
            Integer firstPage,
            String pageLinkPattern,
            @JsonProperty(required = true) String itemSelector,
            String idPattern,
            String detailUrl,
            String nextLinkSelector) {

        public ListSettings {
            method = method == null ? PageRequest.Method.GET : method;
            form = form == null ? Map.of() : Map.copyOf(form);
            firstPage = firstPage == null ? 1 : firstPage;
        }
    }
}

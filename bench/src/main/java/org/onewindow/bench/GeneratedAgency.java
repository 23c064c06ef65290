package org.onewindow.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.onewindow.runtime.demo.DemoAgency;
import org.onewindow.runtime.demo.DemoService;

/**
 * The benchmark's agency: a JSON API whose list pages carry whole records ({@code GET /api/services?page=&perPage=}
 * answers {@code {total, items[]}}), over a {@link GeneratedCatalogue}. It is harvested by the {@code bench-generated}
 * mapping file like any source, so the benchmark's catalogue reaches Elasticsearch the way every catalogue does.
 */
public final class GeneratedAgency implements DemoAgency {

    public static final String SOURCE_ID = "bench-generated";
    public static final String MAPPING_FILE = "bench/" + SOURCE_ID + ".yaml";
    static final String LIST_PATH = "/api/services";
    private static final String TRANSFORMER = "generated-catalogue";
    private static final int MAX_PER_PAGE = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String sourceId;
    private final GeneratedCatalogue catalogue;

    public GeneratedAgency(int services) {
        this(SOURCE_ID, services);
    }

    /** The same API for another source (read by the {@code bench-generated} mapping under that id). */
    public GeneratedAgency(String sourceId, int services) {
        this.sourceId = sourceId;
        this.catalogue = new GeneratedCatalogue(services);
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    @Override
    public String agencyName() {
        return "OneWindow 벤치마크 (생성된 카탈로그)";
    }

    @Override
    public List<DemoService> services() {
        return catalogue;
    }

    @Override
    public String entryPath() {
        return LIST_PATH + "?page=1&perPage=100";
    }

    @Override
    public List<Extension> extensions() {
        return List.of(new Pages());
    }

    @Override
    public void stub(WireMockServer server) {
        server.stubFor(get(urlPathEqualTo(LIST_PATH)).willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    /** One list page: the slice of the catalogue the page and page size name. */
    String page(int page, int perPage) {
        ObjectNode answer =
                JSON.createObjectNode().put("total", catalogue.size()).put("page", page);
        ArrayNode items = answer.putArray("items");
        int from = (int) Math.min(catalogue.size(), (long) (page - 1) * perPage);
        for (DemoService service : catalogue.subList(from, Math.min(catalogue.size(), from + perPage))) {
            items.add(item(service));
        }
        return answer.toString();
    }

    private static ObjectNode item(DemoService s) {
        ObjectNode item = JSON.createObjectNode();
        item.put("id", s.id())
                .put("name", s.name())
                .put("nameEn", s.nameEn())
                .put("summary", s.summary())
                .put("summaryEn", s.summaryEn())
                .put("purpose", s.purpose())
                .put("category", s.category())
                .put("supportType", s.supportType())
                .put("audience", s.audience())
                .put("criteria", s.criteria())
                .put("benefits", s.benefits())
                .put("howToApply", s.howToApply())
                .put("deadline", s.deadline())
                .put("documents", String.join("||", s.documents()))
                .put("authority", s.agencyName())
                .put("department", s.department())
                .put("contact", s.contact())
                .put("onlineUrl", s.onlineUrl())
                .put("views", s.views())
                .put("lifeEvents", String.join("||", s.lifeEvents()))
                .put("region", s.regionCode() == null || "00".equals(s.regionCode()) ? "KR" : s.regionCode())
                .put("updatedAt", s.updatedAt());
        return item;
    }

    private final class Pages implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            int page = number(event.getRequest().queryParameter("page"), 1);
            int perPage = number(event.getRequest().queryParameter("perPage"), 100);
            if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
                return ResponseDefinition.badRequest(null);
            }
            return aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(page(page, perPage).getBytes(StandardCharsets.UTF_8))
                    .build();
        }

        private int number(QueryParameter parameter, int otherwise) {
            try {
                return parameter.isPresent() ? Integer.parseInt(parameter.firstValue()) : otherwise;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}

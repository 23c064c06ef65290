package org.onewindow.runtime.demo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 행정안전부's public service API as 정부24 publishes it on the open data portal ({@code api.odcloud.kr}),
 * {@code gov24-api}: {@code /api/gov24/v3/serviceList?page=&perPage=&serviceKey=} answers
 * {@code {page, perPage, totalCount, currentCount, matchCount, data[]}};
 * {@code /api/gov24/v3/serviceDetail?cond[서비스ID::EQ]=…} answers the same envelope with the one record. Fields
 * are Korean, multi-values {@code ||}-joined, times {@code yyyyMMddHHmmss}; 조회수 is in the list only, 구비서류,
 * 문의처 and 온라인신청사이트URL in the detail only; each service names its own competent authority (소관기관명).
 * Without a registered {@code serviceKey} every call is a 401 with the portal's error JSON. The paths also answer
 * without the {@code /api} prefix.
 */
public final class Gov24ApiAgency extends SiteOfAgency {

    public static final String SOURCE_ID = "gov24-api";
    public static final String AGENCY_NAME = "행정안전부";
    /** The demo key, as the portal issues them (base64-like, so it is percent-encoded when sent). */
    public static final String SERVICE_KEY = "OneWindowDemo+Gov24/ServiceKey==";
    /** The environment variable the {@code gov24-api} mapping file reads the key from. */
    public static final String KEY_ENV = "ONEWINDOW_SECRET_GOV24_KEY";

    public static final String LIST_PATH = "/api/gov24/v3/serviceList";
    public static final String DETAIL_PATH = "/api/gov24/v3/serviceDetail";
    public static final String ID_CONDITION = "cond[서비스ID::EQ]";
    static final String UNREGISTERED_KEY = "{\"code\":-4,\"msg\":\"등록되지 않은 인증키 입니다.\"}";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TRANSFORMER = "gov24-api";
    private static final int DEFAULT_PER_PAGE = 10;

    public Gov24ApiAgency() {
        super(
                SOURCE_ID,
                AGENCY_NAME,
                "gov24-api",
                LIST_PATH + "?page=1&perPage=10&serviceKey=" + URLEncoder.encode(SERVICE_KEY, StandardCharsets.UTF_8));
    }

    @Override
    public Map<String, String> harvesterEnvironment() {
        return Map.of(KEY_ENV, SERVICE_KEY);
    }

    @Override
    public List<Extension> extensions() {
        return List.of(new Api());
    }

    @Override
    public void stub(WireMockServer server) {
        server.stubFor(get(urlPathMatching("(/api)?/gov24/v3/service(List|Detail)"))
                .atPriority(1)
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(any(anyUrl()).atPriority(10).willReturn(json(404, "{\"code\":-404,\"msg\":\"API not found\"}")));
        Robots.stub(server);
    }

    /** Computes each answer from the request: the key, the page, the condition. */
    private final class Api implements ResponseDefinitionTransformerV2 {

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
            String url = event.getRequest().getUrl();
            Map<String, String> query = query(url);
            if (!SERVICE_KEY.equals(query.get("serviceKey"))) {
                return json(401, UNREGISTERED_KEY).build();
            }
            Optional<Integer> page = number(query.getOrDefault("page", "1"));
            Optional<Integer> perPage = number(query.getOrDefault("perPage", Integer.toString(DEFAULT_PER_PAGE)));
            if (page.isEmpty() || perPage.isEmpty()) {
                return json(400, "{\"code\":-2,\"msg\":\"요청 파라미터가 올바르지 않습니다.\"}")
                        .build();
            }
            String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
            List<DemoService> matching = services();
            boolean detail = path.endsWith("serviceDetail");
            if (query.containsKey(ID_CONDITION)) {
                String id = query.get(ID_CONDITION);
                matching = services().stream().filter(s -> s.id().equals(id)).toList();
            }
            int from = Math.min(matching.size(), (page.get() - 1) * perPage.get());
            List<DemoService> slice = matching.subList(from, Math.min(matching.size(), from + perPage.get()));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("page", page.get());
            answer.put("perPage", perPage.get());
            answer.put("totalCount", matching.size());
            answer.put("currentCount", slice.size());
            answer.put("matchCount", matching.size());
            ArrayNode data = answer.putArray("data");
            slice.forEach(service -> data.add(detail ? detailEntry(service) : listEntry(service)));
            try {
                return json(200, JSON.writeValueAsString(answer)).build();
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody(body.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int q = url.indexOf('?');
        if (q < 0) {
            return parameters;
        }
        for (String pair : url.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.putIfAbsent(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
            }
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Optional<Integer> number(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            return value >= 1 && value <= 1000 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A serviceList entry: the summary, the figures (조회수) and the codes. */
    private static ObjectNode listEntry(DemoService s) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("서비스ID", s.id());
        entry.put("지원유형", s.supportType());
        entry.put("서비스명", s.name());
        entry.put("서비스목적요약", s.summary());
        entry.put("지원대상", s.audience());
        entry.put("선정기준", s.hasCriteria() ? s.criteria() : null);
        entry.put("지원내용", s.benefits());
        entry.put("신청방법", s.howToApply());
        entry.put("신청기한", s.deadline());
        entry.put("상세조회URL", "https://www.gov.kr/portal/rcvfvrSvc/dtlEx/" + s.id());
        entry.put("소관기관코드", s.agencyCode());
        entry.put("소관기관명", s.agencyName());
        entry.put("소관기관유형", "중앙행정기관");
        entry.put("부서명", s.department());
        entry.put("사용자구분", "개인");
        entry.put("서비스분야", s.category());
        entry.put("접수기관", (String) null);
        entry.put("전화문의", s.contact());
        entry.put("조회수", s.views() == null ? 0 : s.views());
        entry.put("등록일시", timestamp(s.registeredAt(), "090000"));
        entry.put("수정일시", timestamp(s.updatedAt(), "143000"));
        return entry;
    }

    /** A serviceDetail record: the full texts, the documents, where to apply online; no 조회수. */
    private static ObjectNode detailEntry(DemoService s) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("서비스ID", s.id());
        entry.put("지원유형", s.supportType());
        entry.put("서비스명", s.name());
        entry.put("서비스목적", s.purpose());
        entry.put("신청기한", s.deadline());
        entry.put("지원대상", s.audience());
        entry.put("선정기준", s.hasCriteria() ? s.criteria() : null);
        entry.put("지원내용", s.benefits());
        entry.put("신청방법", s.howToApply());
        entry.put("구비서류", s.hasDocuments() ? String.join("||", s.documents()) : null);
        entry.put("접수기관명", (String) null);
        entry.put("문의처", s.contact());
        entry.put("온라인신청사이트URL", s.onlineUrl());
        entry.put("수정일시", timestamp(s.updatedAt(), "143000"));
        entry.put("소관기관명", s.agencyName());
        entry.put("생애주기", s.lifeEvents().isEmpty() ? null : String.join("||", s.lifeEvents()));
        entry.put("행정규칙", (String) null);
        entry.put("자치법규", (String) null);
        entry.put("법령", (String) null);
        return entry;
    }

    /** {@code 2025-10-10} → {@code 20251010143000}, as the API writes times. */
    private static String timestamp(String date, String time) {
        return date == null ? null : date.replace("-", "") + time;
    }
}

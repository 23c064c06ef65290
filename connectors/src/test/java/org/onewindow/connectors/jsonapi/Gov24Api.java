package org.onewindow.connectors.jsonapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.Fixtures;
import org.onewindow.connectors.PageRequest;
import org.onewindow.connectors.RecordRef;
import org.onewindow.connectors.SourceConnector;

/** The 정부24 public service API source (api.odcloud.kr) and answers saved from it. */
final class Gov24Api {

    static final String SOURCE = "gov24-api";
    static final String BASE_URL = "https://api.odcloud.kr";
    static final String KEY_ENV = "ONEWINDOW_SECRET_GOV24_KEY";
    /** A decoded data.go.kr key: '+', '/' and '=' must be percent-encoded in a URL. */
    static final String KEY = "k9V2+Qx/7Lm4Zp8Rt1Wy3Ds6Fh0Jn5Bv==";

    static final String ENCODED_KEY = "k9V2%2BQx%2F7Lm4Zp8Rt1Wy3Ds6Fh0Jn5Bv%3D%3D";
    static final String JSON = "application/json;charset=UTF-8";

    static final String SETTINGS = """
            listPath: /api/gov24/v3/serviceList
            query:
              returnType: JSON
            perPage: 5
            idPointer: /서비스ID
            detailPath: /api/gov24/v3/serviceDetail?cond[서비스ID::EQ]={id}
            recordUrl: https://www.gov.kr/portal/rcvfvrSvc/dtlEx/{id}
            apiKey:
              parameter: serviceKey
              env: ONEWINDOW_SECRET_GOV24_KEY
            """;

    private Gov24Api() {}

    static ObjectNode settings() {
        return (ObjectNode) Fixtures.settings(SETTINGS);
    }

    static SourceConnector connector() {
        return connector(settings());
    }

    static SourceConnector connector(JsonNode settings) {
        return Fixtures.connector(JsonApiConnector.KIND, BASE_URL, settings, Map.of(KEY_ENV, KEY)::get);
    }

    static String listUrl(int page) {
        return BASE_URL + "/api/gov24/v3/serviceList?returnType=JSON&page=" + page + "&perPage=5&serviceKey="
                + ENCODED_KEY;
    }

    /** cond[서비스ID::EQ]={id}, percent-encoded. */
    static String detailUrl(String id) {
        return BASE_URL + "/api/gov24/v3/serviceDetail?cond%5B%EC%84%9C%EB%B9%84%EC%8A%A4ID%3A%3AEQ%5D=" + id
                + "&serviceKey=" + ENCODED_KEY;
    }

    static FetchedPage listPage(int page, String fileName) {
        return answer(PageRequest.get(listUrl(page)), fileName);
    }

    static FetchedPage detail(RecordRef ref, String fileName) {
        return answer(ref.request(), fileName);
    }

    static FetchedPage answer(PageRequest request, String fileName) {
        return new FetchedPage(request, request.url(), 200, JSON, Fixtures.bytes(SOURCE, fileName));
    }
}

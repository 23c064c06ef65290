package org.onewindow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.onewindow.mappings.index.ServiceIndex;

/** Our analysis plugin on a real Elasticsearch node, through the index definition the catalogue uses. */
class KoreanAnalysisOnRealNodeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ElasticsearchNode node;

    @BeforeAll
    static void startNode() throws Exception {
        node = ElasticsearchNode.start(
                new ElasticsearchNode.Options(
                        TestArtifacts.elasticsearchZip(),
                        TestArtifacts.analysisPluginZip(),
                        Path.of("target/analysis-test"),
                        0,
                        "512m",
                        false),
                System.out::println);
        call("PUT", "/" + ServiceIndex.INDEX, ServiceIndex.definitionJson());
        call(
                "PUT",
                "/" + ServiceIndex.INDEX + "/_doc/a?refresh=true",
                "{\"name\":{\"ko\":\"청년수당 (구직활동 지원금)\"},\"summary\":{\"ko\":\"미취업 청년의 구직활동을 돕습니다.\"}}");
        call(
                "PUT",
                "/" + ServiceIndex.INDEX + "/_doc/b?refresh=true",
                "{\"name\":{\"ko\":\"기초연금\"},\"summary\":{\"ko\":\"어르신의 노후 소득을 보장합니다.\"}}");
        call(
                "PUT",
                "/" + ServiceIndex.INDEX + "/_doc/c?refresh=true",
                "{\"name\":{\"ko\":\"첫만남이용권\",\"en\":\"First Meeting Voucher\"},\"summary\":{\"ko\":\"출산 가정에 200만원 바우처를 지급합니다.\","
                        + "\"en\":\"Childcare vouchers for families after childbirth.\"}}");
        call(
                "PUT",
                "/" + ServiceIndex.INDEX + "/_doc/d?refresh=true",
                "{\"name\":{\"ko\":\"청년월세 특별지원\",\"en\":\"Special Rent Support for Young Adults\"},"
                        + "\"summary\":{\"ko\":\"청년의 월세를 지원합니다.\",\"en\":\"Monthly rent allowances for youth.\"}}");
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void koreanAnalyzerSplitsCompoundsAndDropsParticlesAndEndings() throws Exception {
        assertThat(tokens("korean", "청년수당을 신청하는 방법")).containsExactly("청년", "수당", "신청", "방법");
    }

    @Test
    void bigramAnalyzerCoversWordsTheDictionaryDoesNotKnow() throws Exception {
        assertThat(tokens("korean_bigram", "청년수당")).containsExactly("청년", "년수", "수당");
    }

    @Test
    void prefixAnalyzerIndexesEveryPrefixForTypeAhead() throws Exception {
        assertThat(tokens("korean_prefix", "기초연금")).contains("기", "기초", "연", "연금");
    }

    @Test
    void morphologicalNameFieldAloneFindsPartOfACompound() throws Exception {
        JsonNode hits = call(
                        "POST", "/" + ServiceIndex.INDEX + "/_search", "{\"query\":{\"match\":{\"name.ko\":\"수당\"}}}")
                .path("hits")
                .path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("_id").asText()).isEqualTo("a");
    }

    @Test
    void colloquialKoreanFindsTheAgencysWordThroughOurSynonyms() throws Exception {
        assertThat(ids("summary.ko", "애기 낳다")).contains("c");
        assertThat(ids("name.ko", "젊은이")).contains("a", "d");
        assertThat(ids("summary.ko", "주거비")).contains("d");
        assertThat(tokens("korean_search", "젊은이")).contains("청년", "젊은이");
    }

    @Test
    void englishIsStemmedAndHasSynonymsToo() throws Exception {
        assertThat(ids("summary.en", "allowance")).as("allowances, stemmed").contains("d");
        assertThat(ids("summary.en", "child care")).as("childcare").contains("c");
        assertThat(ids("summary.en", "young people")).as("youth").contains("d");
    }

    private static List<String> ids(String field, String text) throws Exception {
        JsonNode query = JSON.createObjectNode()
                .set(
                        "query",
                        JSON.createObjectNode()
                                .set("match", JSON.createObjectNode().put(field, text)));
        List<String> ids = new ArrayList<>();
        call("POST", "/" + ServiceIndex.INDEX + "/_search", query.toString())
                .path("hits")
                .path("hits")
                .forEach(h -> ids.add(h.path("_id").asText()));
        return ids;
    }

    private static List<String> tokens(String analyzer, String text) throws Exception {
        JsonNode body = JSON.createObjectNode().put("analyzer", analyzer).put("text", text);
        JsonNode result = call("POST", "/" + ServiceIndex.INDEX + "/_analyze", body.toString());
        List<String> tokens = new ArrayList<>();
        result.path("tokens").forEach(t -> tokens.add(t.path("token").asText()));
        return tokens;
    }

    private static JsonNode call(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create(node.httpUrl() + path))
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode())
                .as(method + " " + path + ": " + response.body())
                .isBetween(200, 299);
        return JSON.readTree(response.body());
    }
}

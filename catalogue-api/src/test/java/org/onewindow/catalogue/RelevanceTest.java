package org.onewindow.catalogue;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search quality on the live index: the judged queries of {@code relevance/judgments.tsv} (colloquial Korean, spacing
 * variants, typos, English) sent through the public API, scored by nDCG@10 and MRR. The floors are what the current
 * ranking reaches, rounded down: a change that makes search worse fails here.
 */
@QuarkusTest
@QuarkusTestResource(value = CatalogueServicesTestResource.class, restrictToAnnotatedClass = false)
class RelevanceTest {

    /** Measured 0.909 on 2026-11-28 (57 queries); floors leave room only for harmless reordering of ties. */
    static final double NDCG_FLOOR = 0.89;
    /** Measured 0.949. */
    static final double MRR_FLOOR = 0.93;

    record Judged(String query, String lang, Map<String, Integer> grades) {}

    @Test
    void judgedQueriesRankTheRightServicesFirst() throws IOException {
        List<Judged> judged = judgments();
        assertThat(judged).hasSizeGreaterThanOrEqualTo(40);
        double ndcgSum = 0;
        double rrSum = 0;
        StringBuilder report =
                new StringBuilder(String.format("%-24s %-3s %7s %5s  top results%n", "query", "", "nDCG@10", "RR"));
        for (Judged query : judged) {
            List<String> ranked = given().queryParam("q", query.query())
                    .queryParam("lang", query.lang())
                    .queryParam("size", 10)
                    .get("/api/v1/services")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items.id", String.class);
            double ndcg = ndcgAt10(ranked, query.grades());
            double rr = reciprocalRank(ranked, query.grades());
            ndcgSum += ndcg;
            rrSum += rr;
            report.append(String.format(
                    "%-24s %-3s %7.3f %5.2f  %s%n",
                    query.query(), query.lang(), ndcg, rr, ranked.subList(0, Math.min(3, ranked.size()))));
        }
        double ndcg = ndcgSum / judged.size();
        double mrr = rrSum / judged.size();
        report.append(String.format(
                "%d queries: nDCG@10 = %.3f, MRR = %.3f (floors %.2f, %.2f)%n",
                judged.size(), ndcg, mrr, NDCG_FLOOR, MRR_FLOOR));
        System.out.print(report);
        assertThat(ndcg).as("mean nDCG@10").isGreaterThanOrEqualTo(NDCG_FLOOR);
        assertThat(mrr).as("MRR").isGreaterThanOrEqualTo(MRR_FLOOR);
    }

    static double ndcgAt10(List<String> ranked, Map<String, Integer> grades) {
        double dcg = 0;
        for (int i = 0; i < Math.min(10, ranked.size()); i++) {
            dcg += gain(grades.getOrDefault(ranked.get(i), 0)) / log2(i + 2);
        }
        List<Integer> ideal = new ArrayList<>(grades.values());
        ideal.sort(Comparator.reverseOrder());
        double idcg = 0;
        for (int i = 0; i < Math.min(10, ideal.size()); i++) {
            idcg += gain(ideal.get(i)) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    /** 1 / rank of the first result graded 2 or more (clearly relevant), 0 when none is in the list. */
    static double reciprocalRank(List<String> ranked, Map<String, Integer> grades) {
        for (int i = 0; i < ranked.size(); i++) {
            if (grades.getOrDefault(ranked.get(i), 0) >= 2) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private static double gain(int grade) {
        return Math.pow(2, grade) - 1;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static List<Judged> judgments() throws IOException {
        List<Judged> judged = new ArrayList<>();
        try (InputStream in = RelevanceTest.class.getResourceAsStream("/relevance/judgments.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                Map<String, Integer> grades = new LinkedHashMap<>();
                for (String judgement : columns[2].trim().split("\\s+")) {
                    int equals = judgement.lastIndexOf('=');
                    grades.put(judgement.substring(0, equals), Integer.parseInt(judgement.substring(equals + 1)));
                }
                judged.add(new Judged(columns[0], columns[1], grades));
            }
        }
        return judged;
    }
}

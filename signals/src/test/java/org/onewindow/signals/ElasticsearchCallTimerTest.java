package org.onewindow.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ElasticsearchCallTimerTest {

    @Test
    void anOperationNamesTheApiCalledNeverTheIndexOrDocument() {
        assertThat(ElasticsearchCallTimer.operation("/services-v6/_search?typed_keys=true"))
                .isEqualTo("search");
        assertThat(ElasticsearchCallTimer.operation("/_bulk?refresh=false")).isEqualTo("bulk");
        assertThat(ElasticsearchCallTimer.operation("/services-v6/_doc/mohw-welfare~WLF00000101"))
                .isEqualTo("doc");
        assertThat(ElasticsearchCallTimer.operation("/_cluster/health")).isEqualTo("cluster");
        assertThat(ElasticsearchCallTimer.operation("/services-v7")).isEqualTo("index");
        assertThat(ElasticsearchCallTimer.operation("/")).isEqualTo("root");
        assertThat(ElasticsearchCallTimer.operation("services/_count")).isEqualTo("count");
        assertThat(ElasticsearchCallTimer.operation("")).isEqualTo("root");
        assertThat(ElasticsearchCallTimer.operation("/?pretty")).isEqualTo("root");
        assertThat(ElasticsearchCallTimer.operation("/services-v6?pretty")).isEqualTo("index");
        assertThat(ElasticsearchCallTimer.operation("http://127.0.0.1:9200/services-v6/_search?q=_doc"))
                .isEqualTo("search");
        assertThat(ElasticsearchCallTimer.operation("/services-v6/_update_by_query"))
                .isEqualTo("update_by_query");
        assertThat(ElasticsearchCallTimer.operation("/services-v6/_search/template"))
                .isEqualTo("search");
        assertThat(ElasticsearchCallTimer.operation("/services-v6/x?scroll=/_doc"))
                .isEqualTo("index");
    }
}

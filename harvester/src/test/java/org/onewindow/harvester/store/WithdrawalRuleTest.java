package org.onewindow.harvester.store;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.elasticsearch.client.RestClient;
import org.hibernate.SessionFactory;
import org.hibernate.stat.EntityStatistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onewindow.harvester.AgencySiteDouble;
import org.onewindow.harvester.LocalServicesTestResource;
import org.onewindow.harvester.OperatorCalls;
import org.onewindow.runtime.demo.DemoAgencySite;
import org.onewindow.runtime.demo.DemoService;

/**
 * The withdrawal rule (README): only a run that read its whole listing and every page it needed withdraws, by a second
 * miss or a second 404/410 in a row; a record the source serves but that fails validation is rejected and does not
 * stand in the way.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalServicesTestResource.class, restrictToAnnotatedClass = false)
class WithdrawalRuleTest {

    private static final String SOURCE = "mohw-welfare";
    private static final List<DemoService> SERVICES = DemoAgencySite.services();

    @Inject
    RestClient elasticsearch;

    @Inject
    SessionFactory sessions;

    @BeforeEach
    void harvestTheSite() {
        AgencySiteDouble.harvestedWholeOnceFor(getClass());
    }

    @AfterEach
    void healTheSiteAndTheCatalogue() throws IOException {
        AgencySiteDouble.heal();
        OperatorCalls.runToEnd(SOURCE);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());
    }

    @Test
    void aServiceTheListingNoLongerNamesIsFoundWithoutReadingEveryRecordOfTheSource() {
        LocalServicesTestResource.site().hide(SERVICES.get(40).id());
        sessions.getStatistics().setStatisticsEnabled(true);
        EntityStatistics records = sessions.getStatistics().getEntityStatistics(CatalogueRecord.class.getName());
        long loadedBefore = records.getLoadCount();

        JsonPath run = OperatorCalls.runToEnd(SOURCE);

        assertThat(run.getString("status")).isEqualTo("succeeded");
        assertThat(run.getInt("counts.unchanged")).isEqualTo(SERVICES.size() - 1);
        // the missed one when its miss is counted; the code before read all 64 with their documents, at scale a heap's
        // worth
        assertThat(records.getLoadCount() - loadedBefore)
                .as("stored records read whole")
                .isLessThanOrEqualTo(2);
    }

    @Test
    void aRunThatCouldNotFetchAPageWithdrawsNothingAndCountsNoMiss() throws IOException {
        LocalServicesTestResource.site().hide(SERVICES.get(30).id());
        LocalServicesTestResource.site()
                .server()
                .stubFor(detail(SERVICES.get(31).id()).willReturn(serverError()));

        for (int i = 0; i < 2; i++) {
            JsonPath run = OperatorCalls.runToEnd(SOURCE);
            assertThat(run.getString("status")).isEqualTo("partial");
            assertThat(run.getBoolean("gatherComplete"))
                    .as("the listing itself was read whole")
                    .isTrue();
            assertThat(run.getInt("counts.errored")).isEqualTo(1);
            assertThat(run.getInt("counts.withdrawn")).isZero();
            assertThat(run.getString("message")).isEqualTo("1 pages could not be fetched: nothing was withdrawn");
        }
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());

        AgencySiteDouble.removeTestStubs();
        assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.withdrawn"))
                .as("the first miss that counts")
                .isZero();
        JsonPath second = OperatorCalls.runToEnd(SOURCE);
        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(second.getInt("counts.withdrawn")).isEqualTo(1);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size() - 1);
    }

    @Test
    void a404InARunThatCouldNotFetchAnotherPageIsNoStepTowardWithdrawal() throws IOException {
        String removed = SERVICES.get(32).id();
        LocalServicesTestResource.site()
                .server()
                .stubFor(detail(removed).willReturn(aResponse().withStatus(404)));
        StubMapping broken = LocalServicesTestResource.site()
                .server()
                .stubFor(detail(SERVICES.get(33).id()).willReturn(serverError()));

        for (int i = 0; i < 2; i++) {
            JsonPath run = OperatorCalls.runToEnd(SOURCE);
            assertThat(run.getString("status")).isEqualTo("partial");
            assertThat(run.getInt("counts.gone")).isEqualTo(1);
            assertThat(run.getInt("counts.withdrawn")).isZero();
        }
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size());

        LocalServicesTestResource.site().server().removeStub(broken);
        assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.withdrawn"))
                .as("the first 404 that counts")
                .isZero();
        assertThat(OperatorCalls.runToEnd(SOURCE).getInt("counts.withdrawn")).isEqualTo(1);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE)).isEqualTo(SERVICES.size() - 1);
    }

    @Test
    void rejectedRecordsNeitherFailTheRunNorStopWithdrawals() throws IOException {
        String ended = SERVICES.get(34).id();
        String rejected = SERVICES.get(35).id();
        LocalServicesTestResource.site().hide(ended);
        LocalServicesTestResource.site()
                .server()
                .stubFor(detail(rejected)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "text/html; charset=UTF-8")
                                .withBody("<html><body><p>점검 중입니다</p></body></html>")));

        JsonPath first = OperatorCalls.runToEnd(SOURCE);
        assertThat(first.getString("status")).isEqualTo("succeeded");
        assertThat(first.getInt("counts.rejected")).isEqualTo(1);
        assertThat(first.getInt("counts.errored")).isZero();
        assertThat(OperatorCalls.errors(first.getLong("id")))
                .singleElement()
                .asString()
                .contains(rejected);

        JsonPath second = OperatorCalls.runToEnd(SOURCE);
        assertThat(second.getString("status")).isEqualTo("succeeded");
        assertThat(second.getInt("counts.withdrawn")).isEqualTo(1);
        assertThat(OperatorCalls.indexedCount(elasticsearch, SOURCE))
                .as("the rejected record stays as it was published")
                .isEqualTo(SERVICES.size() - 1);
    }

    private static MappingBuilder detail(String serviceId) {
        return get(urlPathEqualTo("/portal/svc/view.do"))
                .withQueryParam("svcId", equalTo(serviceId))
                .atPriority(0);
    }
}

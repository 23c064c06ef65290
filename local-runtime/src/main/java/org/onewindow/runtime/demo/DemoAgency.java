package org.onewindow.runtime.demo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Extension;
import java.util.List;
import java.util.Map;

/**
 * One demo agency: the site a real agency of its kind publishes (an eGovFrame board, an open API, a feed, pages
 * with schema.org JSON-LD), played by WireMock on its own server, for the source of the same id.
 */
public interface DemoAgency {

    /** The id of the mapping file ({@code sources/<id>.yaml}) that harvests this site. */
    String sourceId();

    /** Who publishes the site (보건복지부, 종로구 …). */
    String agencyName();

    /** The services the site publishes. */
    List<DemoService> services();

    default int serviceCount() {
        return services().size();
    }

    /** Where a person or a harvester starts reading the site (list page, feed, API list call), relative to its origin. */
    String entryPath();

    /** WireMock extensions the site's server needs (an API that computes its answers); none by default. */
    default List<Extension> extensions() {
        return List.of();
    }

    /** Stubs every page of the site on the server, which is started and serves this agency alone. */
    void stub(WireMockServer server);

    /** Environment the harvester needs to read the site (an API key, under {@code ONEWINDOW_SECRET_…}); none by default. */
    default Map<String, String> harvesterEnvironment() {
        return Map.of();
    }

    /** The demo agencies of the local stack, one per kind of source, the 보건복지부 board first. */
    static List<DemoAgency> all() {
        return List.of(
                new MohwWelfareAgency(),
                new Gov24ApiAgency(),
                new JongnoGuAgency(),
                new NhisAgency(),
                new SeoulSitemapAgency(),
                new MoisCpsvAgency());
    }
}

package org.onewindow.runtime.demo;

import java.util.List;

/**
 * What every demo agency has: its source, its name, its services (from {@code demo-sites/<folder>/}, or given: a copy of
 * the site for a benchmark), its entry page.
 */
abstract class SiteOfAgency implements DemoAgency {

    private final String sourceId;
    private final String agencyName;
    private final List<DemoService> services;
    private final String entryPath;

    SiteOfAgency(String sourceId, String agencyName, String folder, String entryPath) {
        this(sourceId, agencyName, DemoService.load(folder), entryPath);
    }

    SiteOfAgency(String sourceId, String agencyName, List<DemoService> services, String entryPath) {
        this.sourceId = sourceId;
        this.agencyName = agencyName;
        this.services = List.copyOf(services);
        this.entryPath = entryPath;
    }

    @Override
    public final String sourceId() {
        return sourceId;
    }

    @Override
    public final String agencyName() {
        return agencyName;
    }

    @Override
    public final List<DemoService> services() {
        return services;
    }

    @Override
    public final String entryPath() {
        return entryPath;
    }
}

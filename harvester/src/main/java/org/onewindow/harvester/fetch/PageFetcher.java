package org.onewindow.harvester.fetch;

import org.apache.camel.ProducerTemplate;
import org.onewindow.connectors.PageRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Fetches pages through {@link PageFetchRoute}. */
@ApplicationScoped
public class PageFetcher {

    @Inject
    ProducerTemplate producer;

    public FetchOutcome fetch(PageRequest request) {
        return producer.requestBody(PageFetchRoute.ENDPOINT, request, FetchOutcome.class);
    }
}

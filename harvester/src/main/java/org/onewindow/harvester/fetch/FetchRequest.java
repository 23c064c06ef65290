package org.onewindow.harvester.fetch;

import org.onewindow.connectors.PageRequest;

/** A page to fetch for a run (or a dry-run), with the validators of the copy we hold and the run's dealings with its site. */
public record FetchRequest(PageRequest request, Validators validators, FetchSession session) {

    public FetchRequest {
        validators = validators == null ? Validators.NONE : validators;
    }

    String url() {
        return request.url();
    }

    FetchCall call() {
        return new FetchCall(request, validators, session.allowPrivateNetworks());
    }
}

package org.onewindow.harvester.fetch;

import org.onewindow.connectors.PageRequest;

/** One HTTP exchange to make: the request and, for a conditional GET, the validators of the copy we hold. */
public record FetchCall(PageRequest request, Validators validators) {

    public FetchCall {
        validators = validators == null ? Validators.NONE : validators;
    }
}

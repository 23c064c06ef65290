package org.onewindow.harvester.fetch;

import org.onewindow.connectors.PageRequest;

/**
 * One HTTP exchange to make: the request, for a conditional GET the validators of the copy we hold, and whether the
 * request may reach loopback and private addresses (its source's permission, which picks its connection pool).
 */
public record FetchCall(PageRequest request, Validators validators, boolean allowPrivateNetworks) {

    public FetchCall {
        validators = validators == null ? Validators.NONE : validators;
    }

    public FetchCall(PageRequest request, Validators validators) {
        this(request, validators, false);
    }
}

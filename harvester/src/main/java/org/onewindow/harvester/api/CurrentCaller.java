package org.onewindow.harvester.api;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being answered, as {@link ApiKeyFilter} found it. */
@RequestScoped
public class CurrentCaller {

    private Caller caller;

    /** Set by the filters that authenticate a request: the API's key filter and the console's session filter. */
    public void set(Caller caller) {
        this.caller = caller;
    }

    /** @throws IllegalStateException outside a request the filter admitted (a programming error) */
    public Caller get() {
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller in this request");
        }
        return caller;
    }
}

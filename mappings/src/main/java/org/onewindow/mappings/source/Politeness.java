package org.onewindow.mappings.source;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/** Per-source crawl manners; the delay is between two requests to the source's host. */
public record Politeness(@JsonSetter(nulls = Nulls.SET) Long delayMillis) {

    public static final long DEFAULT_DELAY_MILLIS = 1000;
    public static final Politeness DEFAULT = new Politeness(DEFAULT_DELAY_MILLIS);

    public Politeness {
        if (delayMillis == null) {
            delayMillis = DEFAULT_DELAY_MILLIS;
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("politeness.delayMillis must not be negative");
        }
    }
}

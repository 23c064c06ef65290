package org.onewindow.harvester.store;

/** The harvest stage an error happened in. */
public enum Stage {
    GATHER,
    FETCH,
    EXTRACT,
    MAP,
    VALIDATE,
    PUBLISH
}

package org.onewindow.harvester.api;

/** The caller's key is valid but may not do this (another agency's source, an operator's action): a 403. */
public class Forbidden extends RuntimeException {

    public Forbidden(String message) {
        super(message);
    }
}

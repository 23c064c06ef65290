package org.onewindow.connectors;

/** A source's connector settings cannot work (unknown kind, bad selector, missing URL…). */
public class ConnectorConfigException extends RuntimeException {

    public ConnectorConfigException(String message) {
        super(message);
    }

    public ConnectorConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}

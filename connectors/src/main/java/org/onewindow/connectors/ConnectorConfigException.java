package org.onewindow.connectors;

/** A source's connector settings cannot work (unknown kind, bad selector, missing URL…). */
public class ConnectorConfigException extends RuntimeException {

    /** The setting the problem is about, as the mapping file names it (its last key); null when it is not one. */
    private final String setting;

    public ConnectorConfigException(String message) {
        super(message);
        this.setting = null;
    }

    /** @param setting the key in the mapping file the problem is about, so a reader can point at its line */
    public ConnectorConfigException(String message, String setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }

    public ConnectorConfigException(String message, Throwable cause) {
        super(message, cause);
        this.setting = null;
    }
}

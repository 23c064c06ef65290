package org.onewindow.runtime;

/** The machine cannot run a local component; the message says what is wrong and the way out. */
public class RuntimeEnvironmentException extends RuntimeException {

    public RuntimeEnvironmentException(String message) {
        super(message);
    }

    public RuntimeEnvironmentException(String message, Throwable cause) {
        super(message, cause);
    }
}

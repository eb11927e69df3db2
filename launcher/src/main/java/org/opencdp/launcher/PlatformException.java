package org.opencdp.launcher;

/**
 * A failure to start or reach the platform, with a message meant for the person at the terminal (no stack trace
 * needed to understand it).
 */
public class PlatformException extends RuntimeException {
    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.onewindow.harvester.fetch;

/** Waits out a source's delay between two requests to its site (one per run: runs do not share it). */
public final class Politeness {

    private final long delayMillis;
    private long lastRequest;

    public Politeness(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    public void awaitTurn() {
        long wait = lastRequest + delayMillis - System.currentTimeMillis();
        if (wait > 0) {
            try {
                Thread.sleep(wait); // crawl manners: the delay itself is the point
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        lastRequest = System.currentTimeMillis();
    }
}

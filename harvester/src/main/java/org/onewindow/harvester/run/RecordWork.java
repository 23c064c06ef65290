package org.onewindow.harvester.run;

import java.time.LocalDate;
import org.onewindow.connectors.FetchedPage;
import org.onewindow.connectors.RecordRef;
import org.onewindow.harvester.extract.RecordExtractor;
import org.onewindow.harvester.fetch.Validators;
import org.onewindow.harvester.store.RecordStore;

/** One listed record on its way through the record's routes: what is known of it, and what each stage made of it. */
public final class RecordWork {

    private final RecordRef ref;
    private final String id;
    private final LocalDate sourceModified;
    private final Validators storedValidators;
    private final RecordStore.Known known;
    private volatile FetchedPage page;
    private volatile Validators freshValidators = Validators.NONE;
    private volatile boolean notModified;
    private volatile String goneBecause;
    private volatile RecordExtractor.Extracted extracted;

    /**
     * @param id the catalogue id the record has (or gets)
     * @param sourceModified the listing's own modification date of the record, when it gives one
     * @param storedValidators of the stored copy, for a conditional fetch; {@link Validators#NONE} to fetch in full
     * @param known what the record of truth holds of the record; null for a new one
     */
    public RecordWork(
            RecordRef ref, String id, LocalDate sourceModified, Validators storedValidators, RecordStore.Known known) {
        this.ref = ref;
        this.id = id;
        this.sourceModified = sourceModified;
        this.storedValidators = storedValidators;
        this.known = known;
    }

    /** What the record of truth holds of the record, when the run began reading it; null for a new one. */
    public RecordStore.Known known() {
        return known;
    }

    public RecordRef ref() {
        return ref;
    }

    public String id() {
        return id;
    }

    public String sourceRecordId() {
        return ref.sourceRecordId();
    }

    public LocalDate sourceModified() {
        return sourceModified;
    }

    public Validators storedValidators() {
        return storedValidators;
    }

    /** The record's page as fetched, or null for a record its listing carried whole. */
    public FetchedPage page() {
        return page;
    }

    /** The page's validators, to send back on the next run. */
    public Validators freshValidators() {
        return freshValidators;
    }

    public void fetched(FetchedPage page, Validators validators) {
        this.page = page;
        this.freshValidators = validators;
    }

    /** The page answered 304 to our validators: the stored record is current. */
    public void notModified() {
        notModified = true;
    }

    public boolean wasNotModified() {
        return notModified;
    }

    /** The page answered 404/410 ({@code status}, as reported). */
    public void gone(String status) {
        goneBecause = status;
    }

    public String goneBecause() {
        return goneBecause;
    }

    public RecordExtractor.Extracted extracted() {
        return extracted;
    }

    public void extracted(RecordExtractor.Extracted extracted) {
        this.extracted = extracted;
    }
}

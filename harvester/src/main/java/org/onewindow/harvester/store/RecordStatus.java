package org.onewindow.harvester.store;

/** Whether a record is in the catalogue. */
public enum RecordStatus {
    ACTIVE,
    WITHDRAWN
}

package org.onewindow.catalogue.search;

/**
 * The index behind the services alias and what searches see in it: its name and unique id (a re-created index of the
 * same name gets a new one), how many services it shows and the highest sequence number among them (-1 when none).
 */
public record VisibleIndex(String name, String uuid, long services, long highestSequenceNumber) {}

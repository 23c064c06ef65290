package org.onewindow.harvester.source;

/**
 * Who changes a source's mapping: how the change names them, and the agency they act for (null for an operator).
 * A mapping an agency wrote names only that agency as its records' competent authority, unless an operator lets
 * the source publish for others.
 */
public record Editor(String label, String agencyCode) {

    public static Editor operator(String label) {
        return new Editor(label, null);
    }
}

package org.onewindow.harvester.api;

import org.onewindow.harvester.store.ApiKey;

/**
 * Who calls the operator API: the bootstrap operator key ({@code ONEWINDOW_OPERATOR_KEY}) or a key an operator issued,
 * an operator's or an agency's.
 */
public record Caller(ApiKey.Role role, String agencyCode, Long keyId, String name) {

    /** The key of the configuration, which exists before any issued key. */
    public static final Caller BOOTSTRAP = new Caller(ApiKey.Role.OPERATOR, null, null, "operator");

    static Caller of(ApiKey key) {
        return new Caller(key.role, key.agencyCode, key.id, key.name);
    }

    public boolean operator() {
        return role == ApiKey.Role.OPERATOR;
    }

    /** Whether the caller may act on what belongs to this agency: an operator on all, an agency on its own. */
    public boolean actsFor(String agency) {
        return operator() || agencyCode.equals(agency);
    }

    /** Who did it, as kept with every change: {@code operator} for the bootstrap key, else the key's name, id, agency. */
    public String label() {
        if (keyId == null) {
            return name;
        }
        return name + " (key " + keyId + (operator() ? ", operator" : ", agency " + agencyCode) + ")";
    }
}

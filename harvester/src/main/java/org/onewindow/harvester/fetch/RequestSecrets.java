package org.onewindow.harvester.fetch;

import java.util.Optional;

/** The secrets a session's requests may carry and where to: a request carrying one anywhere else is refused. */
@FunctionalInterface
public interface RequestSecrets {

    RequestSecrets NONE = url -> Optional.empty();

    /** Why the URL may not be requested, when it carries a secret to a place the secret may not go. */
    Optional<String> refusal(String url);
}

package org.onewindow.harvester.console;

import jakarta.enterprise.context.RequestScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.onewindow.harvester.api.Forbidden;

/** The console request being answered: its session (none on the sign-in page) and the language of its labels. */
@RequestScoped
public class ConsoleRequest {

    private ConsoleSessions.Session session;
    private ConsoleLabels.Language language = ConsoleLabels.Language.KO;

    void set(ConsoleSessions.Session session, ConsoleLabels.Language language) {
        this.session = session;
        this.language = language;
    }

    public Optional<ConsoleSessions.Session> session() {
        return Optional.ofNullable(session);
    }

    public ConsoleLabels.Language language() {
        return language;
    }

    /**
     * Checks the CSRF token a change carries (a form's hidden {@code csrf} field) against the session's.
     *
     * @throws Forbidden when it is missing or another
     */
    public void requireToken(String token) {
        String expected = signedIn().csrfToken();
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new Forbidden("this change did not come from a page of your console session (CSRF token missing or"
                    + " wrong): reload the page and try again");
        }
    }

    /** The signed-in session; only on pages {@link ConsoleFilter} let through as signed in. */
    public ConsoleSessions.Session signedIn() {
        if (session == null) {
            throw new IllegalStateException("no console session in this request");
        }
        return session;
    }
}

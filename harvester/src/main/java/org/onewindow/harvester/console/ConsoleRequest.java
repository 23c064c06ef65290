package org.onewindow.harvester.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

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
     * @throws ForbiddenException when it is missing or another
     */
    public void requireToken(String token) {
        String expected = signedIn().csrfToken();
        if (token == null
                || !MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenException(Response.status(Response.Status.FORBIDDEN)
                    .type("text/plain; charset=utf-8")
                    .entity("this change did not come from a page of your console session (CSRF token missing or"
                            + " wrong): reload the page and try again")
                    .build());
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

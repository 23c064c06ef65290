package org.onewindow.harvester.console;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.onewindow.harvester.api.Caller;
import org.onewindow.harvester.config.HarvesterConfig;
import org.onewindow.harvester.source.SourceCatalog;
import org.onewindow.harvester.store.Notification;

/**
 * The notifications (held runs, sources turning red or green, publishing lagging or caught up), newest first, with
 * whether the webhook got each; an agency sees those of its own sources.
 */
@Path("/console/notifications")
@ConsolePage
public class ConsoleNotificationsPage {

    static final int SHOWN = 100;

    @Inject
    @Location("console/notifications.html")
    Template page;

    @Inject
    ConsolePages pages;

    @Inject
    ConsoleRequest console;

    @Inject
    SourceCatalog sources;

    @Inject
    HarvesterConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    @Operation(hidden = true)
    public TemplateInstance show() {
        Caller caller = console.signedIn().caller();
        List<Notification> shown = QuarkusTransaction.requiringNew().call(() -> {
            if (caller.operator()) {
                return Notification.<Notification>find("order by id desc")
                        .page(0, SHOWN)
                        .list();
            }
            List<String> own = sources.all().stream()
                    .filter(source -> caller.actsFor(source.agencyCode))
                    .map(source -> source.id)
                    .toList();
            return own.isEmpty()
                    ? List.<Notification>of()
                    : Notification.<Notification>find("sourceId in ?1 order by id desc", own)
                            .page(0, SHOWN)
                            .list();
        });
        return pages.page(page, "/console/notifications")
                .data("notifications", shown)
                .data("webhook", config.signals().webhookUrl().isPresent());
    }
}

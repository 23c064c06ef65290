package org.onewindow.harvester.api;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into every operation of the OpenAPI document the problems ({@link ProblemMapper}) every endpoint can answer
 * besides its own: no key or one not accepted ({@link ApiKeyFilter}), an agency key where only operators may act, too many wrong keys from one client, and a
 * failure. An operation's own annotation of the same status wins; answers are listed by status.
 */
public class StandardResponses implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    private static final Map<String, String> PROBLEMS = Map.of(
            "401", "No key, or one not accepted: unknown or revoked (Authorization: Bearer <key>)",
            "403",
                    "The key's agency may not do this: an operator's action, or another agency's source; nothing changed",
            "429", "Too many wrong keys from this client address: retry after the Retry-After header's seconds",
            "500", "The harvester failed to answer this request (logged)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                PROBLEMS.forEach((status, description) -> {
                    if (!responses.hasAPIResponse(status)) {
                        responses.addAPIResponse(
                                status,
                                OASFactory.createAPIResponse()
                                        .description(description)
                                        .content(OASFactory.createContent()
                                                .addMediaType(
                                                        Problem.MEDIA_TYPE,
                                                        OASFactory.createMediaType()
                                                                .schema(OASFactory.createSchema()
                                                                        .ref(PROBLEM)))));
                    }
                });
                responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
            }
        }
    }
}

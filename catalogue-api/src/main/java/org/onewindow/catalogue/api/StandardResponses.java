package org.onewindow.catalogue.api;

import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes into every operation of the OpenAPI document the answers every endpoint can give besides its own, as the
 * filters and mappers answer them: 304 to a current If-None-Match ({@link HttpCaching}), and RFC 9457 problems
 * ({@link ProblemMapper}) for bad or unknown parameters, an exhausted request budget ({@link RateLimiter}), a failure,
 * and a backend that cannot be reached. An operation's own annotation of the same status wins.
 */
public class StandardResponses implements OASFilter {

    static final String PROBLEM = "#/components/schemas/Problem";

    private static final Map<String, String> PROBLEMS = Map.of(
            "400",
                    "Bad request: a parameter this endpoint does not take, or a value it cannot read (errors names each)",
            "429", "Too many requests from this client address: retry after the Retry-After header's seconds",
            "500", "The catalogue failed to answer this request (logged)",
            "503", "A backend of the catalogue cannot be reached right now: try again shortly");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getOperations().entrySet()) {
                Operation operation = entry.getValue();
                if (operation.getResponses() == null) {
                    operation.setResponses(OASFactory.createAPIResponses());
                }
                APIResponses responses = operation.getResponses();
                if (entry.getKey() == PathItem.HttpMethod.GET) {
                    revalidation(operation, responses);
                }
                PROBLEMS.forEach((status, description) -> addProblem(responses, status, description));
                sortByStatus(responses);
            }
        }
    }

    /** Adds a problem answer of this status unless the operation declares one. */
    static void addProblem(APIResponses responses, String status, String description) {
        if (responses.hasAPIResponse(status)) {
            return;
        }
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

    /** Answers in the order of their status codes, as a reader looks for them. */
    static void sortByStatus(APIResponses responses) {
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    private static void revalidation(Operation operation, APIResponses responses) {
        boolean declared = operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(
                                p -> p.getIn() == Parameter.In.HEADER && "If-None-Match".equalsIgnoreCase(p.getName()));
        if (!declared) {
            operation.addParameter(OASFactory.createParameter()
                    .name("If-None-Match")
                    .in(Parameter.In.HEADER)
                    .description("The ETag of an answer already held: 304 without a body while it is current")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        if (!responses.hasAPIResponse("304")) {
            responses.addAPIResponse(
                    "304",
                    OASFactory.createAPIResponse().description("Not modified: If-None-Match names the current ETag"));
        }
    }
}

package org.onewindow.catalogue.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Puts a real answer under each endpoint of the OpenAPI document: the files listed in
 * {@code openapi-examples/examples.list}, each an answer of the API over the demo catalogue to the request it names
 * ({@code OpenApiExamplesTest} keeps them equal to what the API answers).
 */
public class OpenApiExamples implements OASFilter {

    /** The filter the application registers: the examples, then the answers every endpoint can give. */
    public static class Document implements OASFilter {
        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            new OpenApiExamples().filterOpenAPI(openAPI);
            new StandardResponses().filterOpenAPI(openAPI);
        }
    }

    public static final String FOLDER = "openapi-examples/";

    /** One example: the operation's path, the request it answers, the status and media type, and the body. */
    public record Example(
            String file, String operation, String request, String accept, int status, String summary, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        for (Example example : all()) {
            PathItem path =
                    openAPI.getPaths() == null ? null : openAPI.getPaths().getPathItem(example.operation());
            Operation get = path == null ? null : path.getGET();
            if (get == null) {
                throw new IllegalStateException(example.file() + ": no GET " + example.operation() + " in the API");
            }
            if (get.getResponses() == null) {
                get.setResponses(OASFactory.createAPIResponses());
            }
            APIResponses responses = get.getResponses();
            String status = Integer.toString(example.status());
            APIResponse response = responses.getAPIResponse(status);
            if (response == null) {
                response = OASFactory.createAPIResponse()
                        .description(
                                example.status() == 200
                                        ? "OK"
                                        : "Bad request: a parameter this endpoint does not take, or a value it cannot read (errors names each)");
                responses.addAPIResponse(status, response);
            }
            if (response.getContent() == null) {
                response.setContent(OASFactory.createContent());
            }
            Content content = response.getContent();
            MediaType media = content.getMediaType(example.accept());
            if (media == null) {
                media = OASFactory.createMediaType();
                if (Problem.MEDIA_TYPE.equals(example.accept())) {
                    media.schema(OASFactory.createSchema().ref(StandardResponses.PROBLEM));
                }
                content.addMediaType(example.accept(), media);
            }
            media.addExample(
                    example.file().replaceAll("\\.json$", ""),
                    OASFactory.createExample()
                            .summary(example.summary())
                            .description(example.request())
                            .value(JSON.convertValue(example.body(), Object.class)));
        }
    }

    /** Every example file, in the order of the list. */
    public static List<Example> all() {
        List<Example> examples = new ArrayList<>();
        for (String line : resource("examples.list").split("\n")) {
            String file = line.strip();
            if (file.isEmpty() || file.startsWith("#")) {
                continue;
            }
            try {
                JsonNode example = JSON.readTree(resource(file));
                examples.add(new Example(
                        file,
                        example.path("operation").asText(),
                        example.path("request").asText(),
                        example.path("accept").asText("application/json"),
                        example.path("status").asInt(200),
                        example.path("summary").asText(),
                        example.path("body")));
            } catch (IOException e) {
                throw new UncheckedIOException("openapi example " + file + " is not JSON", e);
            }
        }
        return examples;
    }

    private static String resource(String name) {
        try (InputStream in = OpenApiExamples.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + FOLDER + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

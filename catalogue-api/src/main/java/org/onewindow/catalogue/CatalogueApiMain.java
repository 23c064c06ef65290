package org.onewindow.catalogue;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the catalogue API. People type Korean straight into URLs ({@code curl 'localhost:8080/api/v1/services?q=청년'}
 * sends raw UTF-8); Vert.x's early URI check would answer those with an empty 400, so it is turned off here and
 * the query text is read as UTF-8 by {@link org.onewindow.catalogue.api.QueryText}. Paths are still validated by
 * the REST layer.
 */
@QuarkusMain
public final class CatalogueApiMain {

    private CatalogueApiMain() {}

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}

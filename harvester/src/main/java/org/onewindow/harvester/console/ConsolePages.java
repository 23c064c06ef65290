package org.onewindow.harvester.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** What every console page shows: its labels, language, path, and who is signed in. */
@RequestScoped
public class ConsolePages {

    @Inject
    ConsoleRequest console;

    public TemplateInstance page(Template template, String path) {
        ConsoleLabels.Language language = console.language();
        return template.data("t", ConsoleLabels.of(language))
                .data("lang", language.tag())
                .data("otherLang", language.other().tag())
                .data("path", path)
                .data("session", console.session().orElse(null));
    }
}

package org.onewindow.mappings.engine;

import java.util.List;
import org.onewindow.mappings.model.ServiceRecord;

/**
 * A mapped record, what is wrong with it ({@code problems}: only a record without any is published) and what was
 * left out of it ({@code warnings}: e.g. a category not in the vocabulary; the record is still published without it).
 */
public record MappingResult(ServiceRecord record, List<String> problems, List<String> warnings) {

    public MappingResult {
        problems = List.copyOf(problems);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    public MappingResult(ServiceRecord record, List<String> problems) {
        this(record, problems, List.of());
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}

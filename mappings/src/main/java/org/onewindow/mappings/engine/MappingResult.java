package org.onewindow.mappings.engine;

import java.util.List;

import org.onewindow.mappings.model.ServiceRecord;

/** A mapped record and what is wrong with it; only a record without problems is published. */
public record MappingResult(ServiceRecord record, List<String> problems) {

    public MappingResult {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }
}

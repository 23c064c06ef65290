package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The licence a record's content is published under: a code of the {@code licences} vocabulary, its name and text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Licence(String type, LocalizedText name, String url) {}

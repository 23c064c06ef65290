package org.onewindow.mappings.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The public body responsible for a service (소관기관): administrative code, name, type and department. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CompetentAuthority(String code, String name, AgencyType type, String department) {}

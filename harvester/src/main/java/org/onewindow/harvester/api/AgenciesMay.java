package org.onewindow.harvester.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An operation an agency key may call, for its own sources (the operation checks which). Every other operation is
 * an operator's alone: {@link ApiKeyFilter} answers an agency key 403 there, so a new endpoint is closed to agencies
 * until it says otherwise.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AgenciesMay {}

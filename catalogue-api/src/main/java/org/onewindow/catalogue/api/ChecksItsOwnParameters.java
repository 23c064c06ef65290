package org.onewindow.catalogue.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The endpoint reads the raw query string and reports unknown parameters itself, with every other problem of the
 * request in one answer ({@link SearchParameters}); {@link KnownParameters} leaves it alone.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ChecksItsOwnParameters {}

package org.onewindow.harvester.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource of the operator console: signed in with a session cookie ({@link ConsoleFilter}), not a bearer key, and
 * answered with the console's security headers ({@link ConsoleHeaders}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ConsolePage {}

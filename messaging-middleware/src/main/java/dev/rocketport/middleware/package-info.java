/**
 * Built-in middleware: correlation ids carried across publish and handle, and SLF4J's MDC filled per
 * handler call.
 */
@NullMarked
package dev.rocketport.middleware;

import org.jspecify.annotations.NullMarked;

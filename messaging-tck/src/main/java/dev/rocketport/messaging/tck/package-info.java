/**
 * The conformance kit: {@link dev.rocketport.messaging.tck.MessagingConformanceSuite}, the
 * executable contract every adapter passes, and property-based hostile input.
 */
@NullMarked
package dev.rocketport.messaging.tck;

import org.jspecify.annotations.NullMarked;

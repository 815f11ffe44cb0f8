/**
 * OpenTelemetry tracing for any adapter: producer and consumer spans by the messaging semantic
 * conventions, W3C context in headers.
 */
@NullMarked
package dev.rocketport.opentelemetry;

import org.jspecify.annotations.NullMarked;

/**
 * JSON payloads through Jackson 3: a {@link dev.rocketport.messaging.Codec} for records, classes and
 * generic types.
 */
@NullMarked
package dev.rocketport.jackson;

import org.jspecify.annotations.NullMarked;

/**
 * Micrometer meters for any adapter, installed as interceptors and middleware.
 */
@NullMarked
package dev.rocketport.micrometer;

import org.jspecify.annotations.NullMarked;

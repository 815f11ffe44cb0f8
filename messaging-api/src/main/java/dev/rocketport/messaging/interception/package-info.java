/**
 * What a runtime runs around every publish and every handler call:
 * {@link dev.rocketport.messaging.interception.PublishInterceptor}s and
 * {@link dev.rocketport.messaging.interception.HandlerMiddleware}, installed once per runtime as
 * {@link dev.rocketport.messaging.interception.Interceptors} (metrics, tracing, correlation ids are
 * built on them). The rules of {@code dev.rocketport.messaging} hold here too.
 */
@NullMarked
package dev.rocketport.messaging.interception;

import org.jspecify.annotations.NullMarked;

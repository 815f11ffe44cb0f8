package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.interception.Interceptors;

/** Interceptors an optional integration (tracing, metrics) adds to the runtime, in bean order. Immutable. */
record InterceptorsContribution(Interceptors interceptors) {}

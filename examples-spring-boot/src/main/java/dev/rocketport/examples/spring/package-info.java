/** The order service: a Spring Boot application written against the messaging API and the starter. */
@NullMarked
package dev.rocketport.examples.spring;

import org.jspecify.annotations.NullMarked;

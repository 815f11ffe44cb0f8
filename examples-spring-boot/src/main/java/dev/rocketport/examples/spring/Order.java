package dev.rocketport.examples.spring;

/** An order as the service receives it over HTTP and publishes it as JSON. Immutable. */
public record Order(String id, String item, int quantity) {}

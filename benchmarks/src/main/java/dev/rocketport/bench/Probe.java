package dev.rocketport.bench;

/**
 * A closed-loop probe's result: messages per second completed within its window, and heap bytes this
 * JVM allocated per completed message meanwhile (-1 if the JVM does not count them). Immutable.
 */
record Probe(double capacity, double bytesPerMessage) {}

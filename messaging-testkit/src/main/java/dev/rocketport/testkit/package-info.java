/**
 * The testing kit for applications: {@link dev.rocketport.testkit.SimulationTest} (JUnit 5) and
 * {@link dev.rocketport.testkit.Sweep} (any framework, or none) run a test against the simulated
 * in-memory broker under many seeds — faults RocketMQ can produce, handler calls in an order the seed
 * chooses — and name the seed that fails and how to replay it.
 */
@NullMarked
package dev.rocketport.testkit;

import org.jspecify.annotations.NullMarked;

/**
 * One class per scenario of the tour, each self-verifying against the messaging API.
 */
@NullMarked
package dev.rocketport.examples.scenarios;

import org.jspecify.annotations.NullMarked;

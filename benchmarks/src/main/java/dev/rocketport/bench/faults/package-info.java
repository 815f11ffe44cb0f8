/**
 * The fault scenarios behind {@code ./rocketport faults} and {@code FaultsTest}: brokers, consumers
 * and name servers killed under load, with loss accounting.
 */
@NullMarked
package dev.rocketport.bench.faults;

import org.jspecify.annotations.NullMarked;

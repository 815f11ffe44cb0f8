/**
 * The examples' composition root: the one place that picks an adapter, and {@code ./rocketport
 * tour}'s main program.
 */
@NullMarked
package dev.rocketport.examples.launch;

import org.jspecify.annotations.NullMarked;

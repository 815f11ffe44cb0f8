/**
 * The in-memory adapter's client side: the ports on the in-memory broker, on a virtual or the wall
 * clock.
 */
@NullMarked
package dev.rocketport.inmemory;

import org.jspecify.annotations.NullMarked;

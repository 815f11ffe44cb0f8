/**
 * The seed's scenarios as application code, written against the messaging API only, and the tour
 * that runs and checks them.
 */
@NullMarked
package dev.rocketport.examples;

import org.jspecify.annotations.NullMarked;

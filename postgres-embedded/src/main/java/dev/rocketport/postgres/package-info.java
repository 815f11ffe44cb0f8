/**
 * A real PostgreSQL server for tests and the bench, started from zonky's binaries, also when the
 * build runs as root.
 */
@NullMarked
package dev.rocketport.postgres;

import org.jspecify.annotations.NullMarked;

/**
 * The transactional outbox and a JDBC idempotency store, on PostgreSQL and H2.
 */
@NullMarked
package dev.rocketport.outbox;

import org.jspecify.annotations.NullMarked;

/**
 * Real RocketMQ name servers and brokers for tests and tools: in this JVM, as child processes, as a
 * killable fault cluster, with ACL 2.0 users and TLS certificates.
 */
@NullMarked
package dev.rocketport.embedded;

import org.jspecify.annotations.NullMarked;

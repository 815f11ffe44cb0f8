/**
 * Internal to the RocketMQ adapter, not API: the publishing side — the publisher and ordered
 * publisher, the transactional publisher, the requester, and the asynchronous flow control (send
 * window, resends, coalescing) they use. Depends only on the shared {@code client} and {@code config}
 * packages.
 */
@NullMarked
package dev.rocketport.rocketmq.publish;

import org.jspecify.annotations.NullMarked;

/**
 * The RocketMQ adapter on the remoting client {@code rocketmq-client}: start it with
 * {@link dev.rocketport.rocketmq.RocketMqMessaging#start} and a
 * {@link dev.rocketport.rocketmq.config.RocketMqConfig}, or install
 * {@link dev.rocketport.rocketmq.RocketMqMessagingModule} (with {@code rocketport-messaging-guice} on
 * the class path). Everything under {@code publish}, {@code consume}, {@code admin} and
 * {@code client} is internal.
 */
@NullMarked
package dev.rocketport.rocketmq;

import org.jspecify.annotations.NullMarked;

/**
 * Listeners the Spring way: {@link dev.rocketport.spring.listener.RocketportListener} on a bean
 * method subscribes it, with its signature deciding how messages are handed over.
 */
@NullMarked
package dev.rocketport.spring.listener;

import org.jspecify.annotations.NullMarked;

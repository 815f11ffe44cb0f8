/**
 * Administration of a running deployment: {@link dev.rocketport.messaging.admin.MessagingAdmin}
 * creates topics, reads backlogs and messages by key, lists and redrives dead letters. Every call
 * reports what goes wrong as an {@link dev.rocketport.messaging.admin.AdminFailure} value. The rules
 * of {@code dev.rocketport.messaging} hold here too.
 */
@NullMarked
package dev.rocketport.messaging.admin;

import org.jspecify.annotations.NullMarked;

/**
 * Spring Boot auto-configuration for Rocketport: {@code rocketport.*} properties, the runtime of the
 * chosen adapter, every port as a bean, and observability by presence. Applications depend on the
 * starter and the API; nothing here is called directly.
 */
@NullMarked
package dev.rocketport.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;

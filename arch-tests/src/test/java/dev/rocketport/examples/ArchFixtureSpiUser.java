package dev.rocketport.examples;

/** Breaks "the SPI is for adapters only" on purpose; only {@code RulesCanFailTest} imports it. */
final class ArchFixtureSpiUser {
  final dev.rocketport.messaging.spi.SqlFilter filter = dev.rocketport.messaging.spi.SqlFilter.parse("a = 1");
}

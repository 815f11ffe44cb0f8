package dev.rocketport.spring.boot.autoconfigure;

/** The producer group of the context's transactional publisher, as the chosen adapter defaults it. Immutable. */
record TransactionGroup(String name) {}

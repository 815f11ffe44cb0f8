package dev.rocketport.cli;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The command line's JSON: records as objects, pretty for documents and compact for JSON lines. Thread-safe. */
final class Json {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private Json() {}

  static String document(Object value) {
    return PRETTY.writeValueAsString(value);
  }

  static String line(Object value) {
    return MAPPER.writeValueAsString(value);
  }
}

package dev.rocketport.postgres;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
  @Test
  void startsAnswersAndCleansUp() throws Exception {
    Path data;
    try (PostgresServer server = PostgresServer.start();
        Connection connection = server.dataSource().getConnection();
        ResultSet version = connection.createStatement().executeQuery("select version()")) {
      assertTrue(version.next());
      assertTrue(version.getString(1).startsWith("PostgreSQL 14."), version.getString(1));
      data = Path.of(queryOne(connection, "show data_directory"));
      assertTrue(Files.isDirectory(data));
    }
    assertFalse(Files.exists(data), "the data directory is deleted on close");
  }

  private static String queryOne(Connection connection, String sql) throws Exception {
    try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

package dev.rocketport.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.messaging.RetryLadder;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The soak harness on the in-memory adapter (wall clock, 1 s retries): it accounts for every message. */
class SoakTest {

  @Test
  void aShortSoakAccountsForEveryMessageAndDrawsItsChart(@TempDir Path dir) throws Exception {
    InMemoryConfig config = InMemoryConfig.builder()
        .retryLadder(RetryLadder.of(Collections.nCopies(18, Duration.ofSeconds(1)))).build();
    try (InMemoryMessaging messaging = InMemoryMessaging.wallClock(config)) {
      SoakRun.Result result = new SoakRun(messaging, new PrintStream(new ByteArrayOutputStream(), true,
          StandardCharsets.UTF_8)).run(Duration.ofSeconds(3), 200, Duration.ofSeconds(1));
      assertTrue(result.published() >= 400, "published " + result.published());
      assertEquals(0, result.lost());
      assertEquals(0, result.refused());
      assertEquals(result.published() / 100, result.deadLettered(), "1 % poison, each dead-lettered");
      assertEquals(result.published() - result.deadLettered(), result.handled());
      assertTrue(result.samples().size() >= 3);
      SoakChart.write(result.samples(), dir.resolve("soak.png"));
      assertTrue(Files.size(dir.resolve("soak.png")) > 1_000);
      assertTrue(SoakMain.summary(result).contains("lost 0"));
    }
  }

  @Test
  void badUsageNamesTheOption() throws Exception {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertEquals(2, SoakMain.run(List.of("--minutes", "0"), quiet, new PrintStream(err, true, StandardCharsets.UTF_8)));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--minutes must be 1–1440, was 0"));
    assertEquals(2, SoakMain.run(List.of("--colour"), quiet, quiet));
    assertEquals(0, SoakMain.run(List.of("--help"), quiet, quiet));
  }
}

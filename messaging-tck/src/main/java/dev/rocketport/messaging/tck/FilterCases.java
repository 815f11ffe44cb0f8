package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tag and SQL filters. */
public abstract class FilterCases extends TckCases {

  private void sendTagged(Topic topic) {
    for (String tag : List.of("created", "paid", "shipped", "paid", "created")) {
      ctx().sent(Message.builder(topic).body(tag).tag(tag).build());
    }
    ctx().sent(text(topic, "untagged"));
    ctx().sent(Message.builder(topic).body("end").tag("end").build());
  }

  @Test
  @DisplayName("a tag filter delivers only messages with one of its tags")
  void tagFilter() {
    Topic topic = ctx().topic(1);
    Inbox inbox = inbox();
    Inbox all = inbox();
    subscribe(spec(topic).filter(Filter.tags("created", "paid", "end")), inbox);
    subscribe(spec(topic), all);
    sendTagged(topic);
    ctx().await("all matching messages", () -> inbox.size() >= 5 && all.size() == 7);
    ctx().holds("nothing else", () -> inbox.size() == 5);
    assertEquals(Set.of("created", "paid", "end"), inbox.bodies().stream().collect(Collectors.toSet()));
  }

  @Test
  @DisplayName("untagged messages never match a tag filter, and Filter.all gets them")
  void untaggedNeverMatches() {
    Topic topic = ctx().topic(1);
    Inbox tagged = inbox();
    subscribe(spec(topic).filter(Filter.tags("untagged")), tagged);
    Inbox all = inbox();
    subscribe(spec(topic), all);
    ctx().sent(text(topic, "untagged"));
    ctx().await("the untagged message with Filter.all", () -> all.size() == 1);
    ctx().holds("no delivery to the tag filter", () -> tagged.size() == 0);
  }

  @SuppressWarnings("NullAway") // passes null where the API forbids it, on purpose: the case checks the refusal
  @Test
  @DisplayName("an SQL92 filter selects by header where supported, and fails fast where not")
  void sqlFilter() {
    Topic topic = ctx().topic(1);
    Filter sql = Filter.sql("region = 'eu' AND amount > 100");
    if (!messaging().capabilities().supports(Feature.SQL_FILTER)) {
      var e = assertThrows(UnsupportedFeatureException.class,
          () -> messaging().subscriber().subscribe(spec(topic).filter(sql).build(), m -> null));
      assertEquals(Feature.SQL_FILTER, e.feature());
      return;
    }
    Inbox inbox = inbox();
    subscribe(spec(topic).filter(sql), inbox);
    ctx().sent(Message.builder(topic).body("match").header("region", "eu").header("amount", "150").build());
    ctx().sent(Message.builder(topic).body("small").header("region", "eu").header("amount", "50").build());
    ctx().sent(Message.builder(topic).body("us").header("region", "us").header("amount", "500").build());
    ctx().sent(Message.builder(topic).body("match2").header("region", "eu").header("amount", "101").build());
    ctx().await("the matching messages", () -> inbox.size() >= 2);
    ctx().holds("only matches", () -> inbox.size() == 2);
    assertEquals(Set.of("match", "match2"), Set.copyOf(inbox.bodies()), "concurrent consumption: any order");
  }
}

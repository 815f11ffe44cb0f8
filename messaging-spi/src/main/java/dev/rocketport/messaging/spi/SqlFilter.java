package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.InvalidArgumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * RocketMQ's SQL92 property filter, for adapters: every adapter parses a subscription's expression
 * with it before subscribing (so all refuse the same malformed expressions alike, as
 * {@link InvalidArgumentException} on {@code filter}), and an adapter that filters itself evaluates
 * it. The grammar: comparisons ({@code = <> > >= < <=}) of a header with
 * a numeric or quoted string literal, {@code BETWEEN … AND …}, {@code IN (…)}, {@code IS [NOT] NULL},
 * {@code AND}, {@code OR}, {@code NOT}, parentheses, {@code TRUE}/{@code FALSE}. As on the broker, a
 * comparison with a missing header, or a numeric comparison with a non-numeric value, is false.
 * Immutable and thread-safe.
 */
public final class SqlFilter implements Predicate<Map<String, String>> {
  private final Predicate<Map<String, String>> predicate;

  private SqlFilter(Predicate<Map<String, String>> predicate) {
    this.predicate = predicate;
  }

  /** Parses {@code expression}; throws {@link InvalidArgumentException} on {@code filter} if it is malformed. */
  public static SqlFilter parse(String expression) {
    Parser parser = new Parser(tokenize(expression), expression);
    Predicate<Map<String, String>> p = parser.or();
    parser.expectEnd();
    return new SqlFilter(p);
  }

  @Override
  public boolean test(Map<String, String> headers) {
    return predicate.test(headers);
  }

  private static List<String> tokenize(String s) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        if (end < 0) {
          throw bad(s, "unterminated string literal");
        }
        tokens.add(s.substring(i, end + 1));
        i = end + 1;
      } else if ("(),".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if ("<>=!".indexOf(c) >= 0) {
        int j = i + 1;
        while (j < s.length() && "<>=".indexOf(s.charAt(j)) >= 0) {
          j++;
        }
        tokens.add(s.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && "(),'<>=!".indexOf(s.charAt(j)) < 0) {
          j++;
        }
        tokens.add(s.substring(i, j));
        i = j;
      }
    }
    return tokens;
  }

  private static InvalidArgumentException bad(String expression, String problem) {
    return new InvalidArgumentException("filter", "SQL92 expression '" + expression + "': " + problem);
  }

  /** Recursive descent over the tokens: or := and (OR and)*, and := not (AND not)*, not := NOT not | atom. */
  private static final class Parser {
    private final List<String> tokens;
    private final String source;
    private int pos;

    Parser(List<String> tokens, String source) {
      this.tokens = tokens;
      this.source = source;
    }

    private String peek() {
      return pos < tokens.size() ? tokens.get(pos) : "";
    }

    private boolean accept(String keyword) {
      if (peek().equalsIgnoreCase(keyword)) {
        pos++;
        return true;
      }
      return false;
    }

    private String next(String expected) {
      if (pos >= tokens.size()) {
        throw bad(source, "expected " + expected + " at the end");
      }
      return tokens.get(pos++);
    }

    void expectEnd() {
      if (pos < tokens.size()) {
        throw bad(source, "unexpected '" + tokens.get(pos) + "'");
      }
    }

    Predicate<Map<String, String>> or() {
      Predicate<Map<String, String>> left = and();
      while (accept("OR")) {
        left = left.or(and());
      }
      return left;
    }

    private Predicate<Map<String, String>> and() {
      Predicate<Map<String, String>> left = not();
      while (accept("AND")) {
        left = left.and(not());
      }
      return left;
    }

    private Predicate<Map<String, String>> not() {
      return accept("NOT") ? not().negate() : atom();
    }

    private Predicate<Map<String, String>> atom() {
      if (accept("(")) {
        Predicate<Map<String, String>> inner = or();
        if (!accept(")")) {
          throw bad(source, "missing ')'");
        }
        return inner;
      }
      if (accept("TRUE")) {
        return h -> true;
      }
      if (accept("FALSE")) {
        return h -> false;
      }
      String name = next("a header name");
      if (!name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")) {
        throw bad(source, "'" + name + "' is not a header name");
      }
      if (accept("IS")) {
        boolean negated = accept("NOT");
        if (!accept("NULL")) {
          throw bad(source, "expected NULL after IS");
        }
        return negated ? h -> h.containsKey(name) : h -> !h.containsKey(name);
      }
      boolean negated = accept("NOT");
      if (accept("BETWEEN")) {
        BigDecimal low = number(next("a number"));
        if (!accept("AND")) {
          throw bad(source, "expected AND in BETWEEN");
        }
        BigDecimal high = number(next("a number"));
        Predicate<Map<String, String>> between = h -> numeric(h.get(name))
            .map(v -> v.compareTo(low) >= 0 && v.compareTo(high) <= 0).orElse(false);
        return negated ? h -> h.containsKey(name) && !between.test(h) : between;
      }
      if (accept("IN")) {
        List<String> values = new ArrayList<>();
        if (!accept("(")) {
          throw bad(source, "expected '(' after IN");
        }
        do {
          values.add(string(next("a string")));
        } while (accept(","));
        if (!accept(")")) {
          throw bad(source, "missing ')' after IN list");
        }
        return negated ? h -> h.containsKey(name) && !values.contains(h.get(name))
            : h -> values.contains(h.get(name));
      }
      if (negated) {
        throw bad(source, "expected BETWEEN or IN after NOT");
      }
      return comparison(name, next("an operator"), next("a literal"));
    }

    private Predicate<Map<String, String>> comparison(String name, String op, String literal) {
      if (!java.util.Set.of("=", "<>", "!=", ">", ">=", "<", "<=").contains(op)) {
        throw bad(source, "unknown operator '" + op + "'");
      }
      if (literal.startsWith("'")) {
        String value = string(literal);
        return switch (op) {
          case "=" -> h -> value.equals(h.get(name));
          case "<>", "!=" -> h -> h.containsKey(name) && !value.equals(h.get(name));
          default -> throw bad(source, "strings compare only with = and <>");
        };
      }
      BigDecimal value = number(literal);
      return h -> numeric(h.get(name)).map(v -> switch (op) {
        case "=" -> v.compareTo(value) == 0;
        case "<>", "!=" -> v.compareTo(value) != 0;
        case ">" -> v.compareTo(value) > 0;
        case ">=" -> v.compareTo(value) >= 0;
        case "<" -> v.compareTo(value) < 0;
        case "<=" -> v.compareTo(value) <= 0;
        default -> false;
      }).orElse(false);
    }

    private BigDecimal number(String literal) {
      try {
        return new BigDecimal(literal);
      } catch (NumberFormatException e) {
        throw bad(source, "'" + literal + "' is not a number");
      }
    }

    private String string(String literal) {
      if (literal.length() < 2 || !literal.startsWith("'") || !literal.endsWith("'")) {
        throw bad(source, "'" + literal + "' is not a quoted string");
      }
      return literal.substring(1, literal.length() - 1);
    }

    private static java.util.Optional<BigDecimal> numeric(@Nullable String value) {
      if (value == null) {
        return java.util.Optional.empty();
      }
      try {
        return java.util.Optional.of(new BigDecimal(value.trim()));
      } catch (NumberFormatException e) {
        return java.util.Optional.empty();
      }
    }
  }
}

package dev.rocketport.examples;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Keeps the spans the tour's runtime finished, to print a trace as a tree. Export it through a
 * {@code SimpleSpanProcessor}. Thread-safe.
 */
public final class SpanCollector implements SpanExporter {
  private final List<SpanData> finished = new CopyOnWriteArrayList<>();

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    finished.addAll(spans);
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }

  /** The finished spans of {@code traceId}, oldest first. */
  public List<SpanData> trace(String traceId) {
    return finished.stream().filter(s -> s.getTraceId().equals(traceId))
        .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }

  /** The spans named {@code name}. */
  public List<SpanData> named(String name) {
    return finished.stream().filter(s -> s.getName().equals(name)).toList();
  }

  /** {@code spans} of one trace as an indented tree, one line per span: name, kind, parent first. */
  public static List<String> tree(List<SpanData> spans) {
    List<String> lines = new ArrayList<>();
    spans.stream().filter(s -> spans.stream().noneMatch(p -> p.getSpanId().equals(s.getParentSpanId())))
        .forEach(root -> print(root, spans, 0, lines));
    return lines;
  }

  private static void print(SpanData span, List<SpanData> spans, int depth, List<String> lines) {
    lines.add("  ".repeat(depth) + span.getName() + " (" + span.getKind().name().toLowerCase() + ", span "
        + span.getSpanId().substring(0, 8) + ")");
    spans.stream().filter(s -> s.getParentSpanId().equals(span.getSpanId()))
        .forEach(child -> print(child, spans, depth + 1, lines));
  }
}

package dev.rocketport.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws one scenario's throughput-versus-p99 curves (one per way) as a PNG, with the p99 bound. The
 * throughput axis is logarithmic: the broker-backed ways and the in-memory adapter lie three decades
 * apart.
 */
final class Chart {
  private static final int W = 800;
  private static final int H = 500;
  private static final int M = 70;
  private static final Color[] COLORS = {new Color(0xC0392B), new Color(0x2471A3), new Color(0x229954),
      new Color(0x8E44AD)};

  private Chart() {}

  static void write(Scenario scenario, List<SeriesResult> series, Path file) throws IOException {
    BufferedImage image = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, W, H);
    double minX = Math.max(1, series.stream().flatMap(s -> s.steps().stream()).mapToDouble(StepResult::throughput)
        .filter(x -> x > 0).min().orElse(1));
    double maxX = Math.max(minX * 10, series.stream().flatMap(s -> s.steps().stream())
        .mapToDouble(StepResult::throughput).max().orElse(10));
    double logMin = Math.floor(Math.log10(minX));
    double logMax = Math.ceil(Math.log10(maxX));
    double maxY = Math.max(scenario.boundMillis() * 2.0, series.stream().flatMap(s -> s.steps().stream())
        .mapToDouble(s -> s.p99Micros() / 1000.0).max().orElse(1));
    maxY = Math.min(maxY, scenario.boundMillis() * 20.0);
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    g.drawString(scenario.id() + ": p99 latency vs throughput (open loop)", M, 30);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawLine(M, H - M, W - M / 2, H - M);
    g.drawLine(M, H - M, M, M);
    for (double decade = logMin; decade <= logMax; decade++) {
      int x = xOf(Math.pow(10, decade), logMin, logMax);
      g.drawLine(x, H - M, x, H - M + 4);
      g.drawString(String.format("%,.0f", Math.pow(10, decade)), Math.min(x - 20, W - 75), H - M + 18);
    }
    for (int i = 0; i <= 4; i++) {
      int y = H - M - (int) ((H - 2.0 * M) * i / 4);
      g.drawString(String.format("%.1f", maxY * i / 4), 20, y + 4);
    }
    g.drawString("messages / s (log scale)", W / 2 - 60, H - 20);
    g.drawString("p99 ms", 15, M - 10);
    int boundY = H - M - (int) ((H - 2.0 * M) * scenario.boundMillis() / maxY);
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 6}, 0));
    g.drawLine(M, boundY, W - M / 2, boundY);
    g.drawString("seed bound " + scenario.boundMillis() + " ms", W - 3 * M, boundY - 5);
    g.setStroke(new BasicStroke(2));
    for (int i = 0; i < series.size(); i++) {
      SeriesResult s = series.get(i);
      g.setColor(COLORS[i % COLORS.length]);
      int px = -1;
      int py = -1;
      for (StepResult step : s.steps()) {
        int x = xOf(Math.max(step.throughput(), Math.pow(10, logMin)), logMin, logMax);
        int y = H - M - (int) ((H - 2.0 * M) * Math.min(step.p99Micros() / 1000.0, maxY) / maxY);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (px >= 0) {
          g.drawLine(px, py, x, y);
        }
        px = x;
        py = y;
      }
      g.drawString(s.implementation(), W - 3 * M, M + 20 + 16 * i);
    }
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static int xOf(double throughput, double logMin, double logMax) {
    return M + (int) ((W - 1.5 * M) * (Math.log10(throughput) - logMin) / (logMax - logMin));
  }
}

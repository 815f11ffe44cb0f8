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
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/** Draws a soak's samples as a PNG: heap after collection, threads, and lag, each over time in its own panel. */
final class SoakChart {
  private static final int W = 800;
  private static final int PANEL = 180;
  private static final int M = 60;

  private SoakChart() {}

  static void write(List<SoakRun.Sample> samples, Path file) throws IOException {
    BufferedImage image = new BufferedImage(W, 3 * PANEL + M, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    panel(g, samples, 0, "heap after GC (MiB)", SoakRun.Sample::heapMiB, new Color(0xC0392B));
    panel(g, samples, 1, "threads", s -> s.threads(), new Color(0x2471A3));
    panel(g, samples, 2, "lag (messages)", s -> s.lag(), new Color(0x229954));
    g.setColor(Color.DARK_GRAY);
    g.drawString("seconds since start →", W / 2 - 60, 3 * PANEL + M - 15);
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(Graphics2D g, List<SoakRun.Sample> samples, int index, String title,
      ToDoubleFunction<SoakRun.Sample> value, Color color) {
    int top = 20 + index * PANEL;
    int bottom = top + PANEL - 40;
    double maxX = Math.max(1, samples.isEmpty() ? 1 : samples.get(samples.size() - 1).second());
    double maxY = Math.max(1, samples.stream().mapToDouble(value).max().orElse(1)) * 1.1;
    g.setColor(Color.DARK_GRAY);
    g.setStroke(new BasicStroke(1f));
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    g.drawString(title + "  (max " + Math.round(maxY / 1.1) + ")", M, top);
    g.drawLine(M, bottom, W - 20, bottom);
    g.drawLine(M, top + 5, M, bottom);
    g.drawString("0", M - 15, bottom);
    g.drawString(String.valueOf(Math.round(maxX)), W - 40, bottom + 15);
    g.setColor(color);
    g.setStroke(new BasicStroke(2f));
    int prevX = -1;
    int prevY = -1;
    for (SoakRun.Sample s : samples) {
      int x = M + (int) ((W - 20 - M) * (s.second() / maxX));
      int y = bottom - (int) ((bottom - top - 5) * (value.applyAsDouble(s) / maxY));
      if (prevX >= 0) {
        g.drawLine(prevX, prevY, x, y);
      }
      prevX = x;
      prevY = y;
    }
  }
}

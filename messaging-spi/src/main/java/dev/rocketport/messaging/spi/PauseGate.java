package dev.rocketport.messaging.spi;

/**
 * The gate a paused subscription's handler threads wait at, for {@code Subscription.pause()}: a
 * thread about to call the handler while paused waits until {@link #resume()} or {@link #close()}.
 * An adapter also stops fetching while paused; the gate holds what was fetched already (a long poll
 * answered after the pause, say). Thread-safe; for adapter authors.
 */
public final class PauseGate {
  private boolean paused;
  private boolean closed;

  /** Holds handler threads from now on; no effect once closed. */
  public synchronized void pause() {
    if (!closed) {
      paused = true;
    }
  }

  public synchronized void resume() {
    paused = false;
    notifyAll();
  }

  public synchronized boolean isPaused() {
    return paused;
  }

  /** Releases every waiting thread for good; they must not call the handler. */
  public synchronized void close() {
    closed = true;
    paused = false;
    notifyAll();
  }

  /**
   * Returns at once while not paused. While paused, runs {@code onHold}, waits until resumed or
   * closed, then runs {@code onRelease}; returns false if it was closed (or the thread interrupted)
   * meanwhile: then the held messages must be given back, not handled.
   */
  public boolean awaitOpen(Runnable onHold, Runnable onRelease) {
    synchronized (this) {
      if (!paused) {
        return true;
      }
    }
    onHold.run();
    try {
      synchronized (this) {
        while (paused && !closed) {
          wait();
        }
        return !closed;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      onRelease.run();
    }
  }
}

package dev.rocketport.cli;

/** The exit codes scripts can rely on. */
final class ExitCodes {
  /** Done; also when filters matched nothing (the output says so). */
  static final int OK = 0;
  /** The one thing asked for does not exist (a dead letter {@code show} names). */
  static final int NOT_FOUND = 1;
  /** Bad arguments: nothing was read or moved. */
  static final int USAGE = 2;
  /** The cluster could not be reached or refused the credentials: nothing was moved. */
  static final int CLUSTER = 3;
  /** A redrive stopped part-way on a failure; the audit file says which letters moved. */
  static final int STOPPED = 4;
  /** A redrive finished, but the loop guard held back letters redriven too often (see {@code --force}). */
  static final int GUARDED = 5;

  private ExitCodes() {}
}

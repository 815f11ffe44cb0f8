package dev.rocketport.testkit;

/** A test body run under one {@link Simulation}; it fails by throwing. */
@FunctionalInterface
public interface SimulationBody {
  void run(Simulation simulation) throws Exception;
}

package dev.rocketport.bench;

/** Creates the workload of a scenario for one way of doing it (raw client, Rocketport, in-memory). */
interface Workloads {
  Workload create(Scenario scenario) throws Exception;
}

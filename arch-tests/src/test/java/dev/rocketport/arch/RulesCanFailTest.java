package dev.rocketport.arch;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.rocketport.archfixture.cycle.a.CycleA;
import dev.rocketport.archfixture.cycle.b.CycleB;
import dev.rocketport.messaging.ArchFixtureApiLeak;
import dev.rocketport.messaging.ArchFixtureConcretePublisher;
import dev.rocketport.messaging.ArchFixtureMutableValue;
import dev.rocketport.messaging.Topic;
import org.junit.jupiter.api.Test;

/** Each rule, fed a fixture class that breaks it, reports the violation naming that class; and passes a clean one. */
class RulesCanFailTest {

  private static void assertViolates(ArchRule rule, String offender, Class<?>... classes) {
    JavaClasses imported = new ClassFileImporter().importClasses(classes);
    EvaluationResult result = rule.evaluate(imported);
    assertTrue(result.hasViolation(), "expected a violation of: " + rule.getDescription());
    String report = String.join("\n", result.getFailureReport().getDetails());
    assertTrue(report.contains(offender), "the report names " + offender + ":\n" + report);
  }

  private static void assertPasses(ArchRule rule, Class<?>... classes) {
    EvaluationResult result = rule.allowEmptyShould(true).evaluate(new ClassFileImporter().importClasses(classes));
    assertFalse(result.hasViolation(), () -> result.getFailureReport().toString());
  }

  @Test
  void api_rule_reports_a_guice_type_in_the_api() {
    assertViolates(ArchitectureRules.the_api_depends_only_on_the_jdk_vavr_and_jspecify, "ArchFixtureApiLeak",
        ArchFixtureApiLeak.class);
    assertPasses(ArchitectureRules.the_api_depends_only_on_the_jdk_vavr_and_jspecify, Topic.class);
  }

  @Test
  void spi_rule_reports_an_example_that_uses_the_spi() throws Exception {
    assertViolates(ArchitectureRules.the_spi_is_used_only_by_adapters_and_the_conformance_kit, "ArchFixtureSpiUser",
        Class.forName("dev.rocketport.examples.ArchFixtureSpiUser"));
  }

  @Test
  void rocketmq_rule_reports_a_rocketmq_type_in_the_in_memory_adapter() throws Exception {
    assertViolates(ArchitectureRules.rocketmq_types_stay_inside_the_rocketmq_adapter_and_the_embedded_broker,
        "ArchFixtureRocketLeak", Class.forName("dev.rocketport.inmemory.ArchFixtureRocketLeak"));
  }

  @Test
  void guice_rule_reports_guice_outside_modules() throws Exception {
    assertViolates(ArchitectureRules.guice_is_used_only_in_modules_and_composition_roots, "ArchFixtureGuiceUser",
        Class.forName("dev.rocketport.inmemory.ArchFixtureGuiceUser"));
  }

  @Test
  void adapter_rule_reports_one_adapter_using_another() throws Exception {
    assertViolates(ArchitectureRules.adapters_do_not_depend_on_each_other, "ArchFixtureCrossAdapter",
        Class.forName("dev.rocketport.rocketmq.ArchFixtureCrossAdapter"),
        dev.rocketport.inmemory.InMemoryBroker.class);
  }

  @Test
  void cycle_rule_reports_a_package_cycle() {
    assertViolates(ArchitectureRules.packages_are_free_of_cycles, "CycleA", CycleA.class, CycleB.class);
  }

  @Test
  void class_cycle_rule_reports_two_classes_that_need_each_other() {
    assertViolates(ArchitectureRules.classes_are_free_of_cycles, "CycleA", CycleA.class, CycleB.class);
    assertPasses(ArchitectureRules.classes_are_free_of_cycles, Topic.class);
  }

  @Test
  void port_rule_reports_a_port_that_is_a_class() {
    assertViolates(ArchitectureRules.ports_are_interfaces, "ArchFixtureConcretePublisher",
        ArchFixtureConcretePublisher.class);
  }

  @Test
  void immutability_rule_reports_a_mutable_field() {
    assertViolates(ArchitectureRules.api_values_are_immutable, "ArchFixtureMutableValue",
        ArchFixtureMutableValue.class);
  }

  @Test
  void examples_rule_reports_a_scenario_that_uses_an_adapter() throws Exception {
    assertViolates(ArchitectureRules.examples_see_adapters_only_in_their_composition_root,
        "ArchFixtureAdapterAwareScenario", Class.forName("dev.rocketport.examples.ArchFixtureAdapterAwareScenario"));
  }

  @Test
  void internals_rule_reports_a_public_adapter_publisher() {
    assertViolates(ArchitectureRules.adapters_implement_ports_without_exposing_internals,
        "ArchFixturePublicPublisher", dev.rocketport.inmemory.ArchFixturePublicPublisher.class);
  }

  @Test
  void rocketmq_sides_rule_reports_publishing_that_reaches_into_consuming() throws Exception {
    assertViolates(ArchitectureRules.rocketmq_publish_consume_and_admin_reach_each_other_only_through_what_they_share,
        "ArchFixturePublishReachesConsume",
        Class.forName("dev.rocketport.rocketmq.publish.ArchFixturePublishReachesConsume"),
        dev.rocketport.rocketmq.consume.RocketMqSubscriber.class);
  }

  @Test
  void rocketmq_internals_rule_reports_a_class_outside_the_adapter_that_uses_them() throws Exception {
    assertViolates(ArchitectureRules.rocketmq_adapter_internals_stay_inside_the_adapter, "ArchFixtureInternalsUser",
        Class.forName("dev.rocketport.examples.ArchFixtureInternalsUser"));
  }

  @Test
  void client_internals_rule_reports_an_internal_call_outside_client_internals() throws Exception {
    assertViolates(ArchitectureRules.only_client_internals_calls_into_the_rocketmq_client_internals,
        "ArchFixtureInternalsCall", Class.forName("dev.rocketport.rocketmq.consume.ArchFixtureInternalsCall"));
    assertPasses(ArchitectureRules.only_client_internals_calls_into_the_rocketmq_client_internals,
        dev.rocketport.rocketmq.client.ClientInternals.class);
  }

  @Test
  void test_framework_rule_reports_an_example_that_uses_junit() throws Exception {
    assertViolates(ArchitectureRules.the_examples_and_benchmarks_run_without_a_test_framework,
        "ArchFixtureInternalsUser", Class.forName("dev.rocketport.examples.ArchFixtureInternalsUser"));
  }

  @Test
  void spring_rule_reports_spring_in_an_adapter() throws Exception {
    assertViolates(ArchitectureRules.spring_stays_in_its_integration, "ArchFixtureSpringUser",
        Class.forName("dev.rocketport.inmemory.ArchFixtureSpringUser"));
  }
}

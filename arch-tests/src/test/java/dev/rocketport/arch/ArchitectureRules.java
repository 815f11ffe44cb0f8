package dev.rocketport.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.stream.Stream;

/**
 * The architecture, as rules named by sentences. {@link ArchitectureTest} checks them against every
 * module; {@link RulesCanFailTest} proves each one reports a fixture class that breaks it.
 */
final class ArchitectureRules {
  /** The API's packages: the ports at the root, admin, health and interception beside them (the TCK and SPI are apart). */
  static final String[] API_PACKAGES = {"dev.rocketport.messaging", "dev.rocketport.messaging.admin",
      "dev.rocketport.messaging.health", "dev.rocketport.messaging.interception"};

  private ArchitectureRules() {}

  @ArchTest
  static final ArchRule the_api_depends_only_on_the_jdk_vavr_and_jspecify =
      classes().that().resideInAnyPackage(API_PACKAGES)
          .should().onlyDependOnClassesThat().resideInAnyPackage(
              Stream.concat(Stream.of("java..", "io.vavr..", "org.jspecify.."), Stream.of(API_PACKAGES))
                  .toArray(String[]::new))
          .because("application code depends on the API only and must not inherit any client or container");

  @ArchTest
  static final ArchRule the_spi_is_used_only_by_adapters_and_the_conformance_kit =
      noClasses().that().resideOutsideOfPackages("dev.rocketport.messaging.spi..", "dev.rocketport.inmemory..",
              "dev.rocketport.rocketmq..", "dev.rocketport.messaging.tck..")
          .should().dependOnClassesThat().resideInAPackage("dev.rocketport.messaging.spi..")
          .because("the SPI is for adapter authors; applications and examples see the API only");

  @ArchTest
  static final ArchRule rocketmq_types_stay_inside_the_rocketmq_adapter_and_the_embedded_broker =
      noClasses().that().resideOutsideOfPackages("dev.rocketport.rocketmq..", "dev.rocketport.embedded..",
              "dev.rocketport.bench..")
          .should().dependOnClassesThat().resideInAPackage("org.apache.rocketmq..")
          .because("RocketMQ is one adapter's concern; the benchmarks compare against the raw client on purpose");

  @ArchTest
  static final ArchRule guice_is_used_only_in_modules_and_composition_roots =
      noClasses().that().resideOutsideOfPackages("dev.rocketport.guice..")
          .and().haveSimpleNameNotEndingWith("Module")
          .and().haveSimpleNameNotEndingWith("Main")
          .should().dependOnClassesThat().resideInAnyPackage("com.google.inject..")
          .because("Guice wires the application; nothing else should know it");

  @ArchTest
  static final ArchRule adapters_do_not_depend_on_each_other =
      slices().matching("dev.rocketport.(inmemory|rocketmq)..").should().notDependOnEachOther()
          .because("an adapter is replaceable only if no other adapter needs it");

  /**
   * Each package as one slice, except the API's packages, which are one: the runtime port
   * ({@code Messaging}) hands out the admin port and the health check, whose values carry the
   * root's messages and topics. The API ships and versions as one unit; its sub-packages are for
   * finding things, not layers.
   */
  private static final SliceAssignment PACKAGES_WITH_ONE_API = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      if (!pkg.startsWith("dev.rocketport.")) {
        return SliceIdentifier.ignore();
      }
      return SliceIdentifier.of(Stream.of(API_PACKAGES).anyMatch(pkg::equals) ? "the API" : pkg);
    }

    @Override
    public String getDescription() {
      return "packages, the API's as one";
    }
  };

  @ArchTest
  static final ArchRule packages_are_free_of_cycles =
      slices().assignedFrom(PACKAGES_WITH_ONE_API).should().beFreeOfCycles();

  /** Each top-level class (with its nested classes) as one slice. */
  private static final SliceAssignment TOP_LEVEL_CLASSES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      return SliceIdentifier.of(javaClass.getName().replaceAll("\\$.*", ""));
    }

    @Override
    public String getDescription() {
      return "top-level classes";
    }
  };

  @ArchTest
  static final ArchRule classes_are_free_of_cycles =
      slices().assignedFrom(TOP_LEVEL_CLASSES).should().beFreeOfCycles()
          // an annotation naming the extension that reads it (JUnit's @ExtendWith) declares, it does not need
          .ignoreDependency(DescribedPredicate.describe("annotations", JavaClass::isAnnotation),
              DescribedPredicate.alwaysTrue())
          .because("two classes that need each other are one class split in two, or a missing interface");

  @ArchTest
  static final ArchRule ports_are_interfaces =
      classes().that(DescribedPredicate.describe("are named like ports in the API package",
              (JavaClass c) -> Stream.of(API_PACKAGES).anyMatch(c.getPackageName()::equals)
                  && Stream.of("Publisher", "Subscriber", "Admin", "Handler").anyMatch(c.getSimpleName()::endsWith)))
          .should().beInterfaces()
          .because("ports are interfaces that adapters implement");

  @ArchTest
  static final ArchRule api_values_are_immutable =
      fields().that().areDeclaredInClassesThat().resideInAnyPackage(API_PACKAGES)
          .and().areDeclaredInClassesThat().haveSimpleNameNotEndingWith("Builder")
          .and().areNotStatic()
          .should().beFinal()
          .because("values handed between threads and adapters must not change");

  @ArchTest
  static final ArchRule examples_see_adapters_only_in_their_composition_root =
      noClasses().that().resideInAPackage("dev.rocketport.examples..")
          .and().resideOutsideOfPackage("dev.rocketport.examples.launch..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.rocketport.inmemory..", "dev.rocketport.rocketmq..",
              "dev.rocketport.embedded..", "org.apache.rocketmq..")
          .because("the scenarios show application code, which is written against the API only");

  @ArchTest
  static final ArchRule rocketmq_publish_consume_and_admin_reach_each_other_only_through_what_they_share =
      slices().matching("dev.rocketport.rocketmq.(publish|consume|admin)..").should().notDependOnEachOther()
          .because("each side of the RocketMQ adapter changes on its own; what they share lives in its client package");

  @ArchTest
  static final ArchRule rocketmq_adapter_internals_stay_inside_the_adapter =
      noClasses().that().resideOutsideOfPackage("dev.rocketport.rocketmq..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.rocketport.rocketmq.client..",
              "dev.rocketport.rocketmq.publish..", "dev.rocketport.rocketmq.consume..", "dev.rocketport.rocketmq.admin..")
          .because("those packages are public only for the adapter's own wiring; users see RocketMqMessaging and its config");

  @ArchTest
  static final ArchRule grpc_adapter_internals_stay_inside_the_adapter =
      noClasses().that().resideOutsideOfPackage("dev.rocketport.rocketmq.grpc..")
          .should().dependOnClassesThat().resideInAnyPackage("dev.rocketport.rocketmq.grpc.client..",
              "dev.rocketport.rocketmq.grpc.publish..", "dev.rocketport.rocketmq.grpc.consume..")
          .because("those packages are public only for the gRPC adapter's own wiring; users see GrpcMessaging and its config");

  /** Calls into the remoting client's {@code impl} classes, which RocketMQ does not keep compatible. */
  private static final DescribedPredicate<JavaAccess<?>> CLIENT_INTERNALS = DescribedPredicate.describe(
      "the RocketMQ client's internals", access -> access.getTargetOwner().getPackageName()
          .startsWith("org.apache.rocketmq.client.impl")
          || access.getTarget().getName().matches("get(DefaultMQ\\w+Impl|mQClientFactory|MqClientInstance|MQClientAPIImpl)"));

  @ArchTest
  static final ArchRule only_client_internals_calls_into_the_rocketmq_client_internals =
      noClasses().that().resideInAPackage("dev.rocketport.rocketmq..")
          .and().doNotHaveSimpleName("ClientInternals")
          .should().accessTargetWhere(CLIENT_INTERNALS)
          .because("an upgrade of rocketmq-client starts at ClientInternals and its test, the upgrade checklist");

  @ArchTest
  static final ArchRule the_examples_and_benchmarks_run_without_a_test_framework =
      noClasses().that().resideInAnyPackage("dev.rocketport.examples..", "dev.rocketport.bench..",
              "dev.rocketport.cli..")
          .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "net.jqwik..", "org.opentest4j..")
          .because("the tour, the bench and the command line are programs: their class path holds no test framework");

  @ArchTest
  static final ArchRule spring_stays_in_its_integration =
      noClasses().that().resideOutsideOfPackages("dev.rocketport.spring..", "dev.rocketport.examples.spring..")
          .should().dependOnClassesThat().resideInAPackage("org.springframework..")
          .because("the API, the SPI and the adapters serve every container; Spring wiring is one module's job");

  @ArchTest
  static final ArchRule adapters_implement_ports_without_exposing_internals =
      classes().that().resideInAnyPackage("dev.rocketport.inmemory..", "dev.rocketport.rocketmq..")
          // the RocketMQ adapters' internal packages are guarded as a whole by *_adapter_internals_stay_inside_the_adapter
          .and().resideOutsideOfPackages("dev.rocketport.rocketmq.publish..", "dev.rocketport.rocketmq.grpc.publish..")
          .and().implement(dev.rocketport.messaging.Publisher.class)
          .should().notBePublic()
          .because("applications reach adapter implementations through the ports only");
}

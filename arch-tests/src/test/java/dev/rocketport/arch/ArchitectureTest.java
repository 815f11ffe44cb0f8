package dev.rocketport.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Every architecture rule, checked against the production classes of every module. */
@AnalyzeClasses(packages = "dev.rocketport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchRule api_depends_only_on_jdk_vavr_jspecify =
      ArchitectureRules.the_api_depends_only_on_the_jdk_vavr_and_jspecify;

  @ArchTest
  static final ArchRule spi_for_adapters_only = ArchitectureRules.the_spi_is_used_only_by_adapters_and_the_conformance_kit;

  @ArchTest
  static final ArchRule rocketmq_contained = ArchitectureRules.rocketmq_types_stay_inside_the_rocketmq_adapter_and_the_embedded_broker;

  @ArchTest
  static final ArchRule guice_contained = ArchitectureRules.guice_is_used_only_in_modules_and_composition_roots;

  @ArchTest
  static final ArchRule adapters_independent = ArchitectureRules.adapters_do_not_depend_on_each_other;

  @ArchTest
  static final ArchRule no_cycles = ArchitectureRules.packages_are_free_of_cycles;

  @ArchTest
  static final ArchRule no_class_cycles = ArchitectureRules.classes_are_free_of_cycles;

  @ArchTest
  static final ArchRule ports_are_interfaces = ArchitectureRules.ports_are_interfaces;

  @ArchTest
  static final ArchRule values_immutable = ArchitectureRules.api_values_are_immutable;

  @ArchTest
  static final ArchRule examples_api_only = ArchitectureRules.examples_see_adapters_only_in_their_composition_root;

  @ArchTest
  static final ArchRule adapter_internals_hidden = ArchitectureRules.adapters_implement_ports_without_exposing_internals;
}

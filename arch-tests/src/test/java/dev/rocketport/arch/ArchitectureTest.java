package dev.rocketport.arch;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** Every rule of {@link ArchitectureRules}, checked against the production classes of every module. */
@AnalyzeClasses(packages = "dev.rocketport", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
  @ArchTest
  static final ArchTests rules = ArchTests.in(ArchitectureRules.class);
}

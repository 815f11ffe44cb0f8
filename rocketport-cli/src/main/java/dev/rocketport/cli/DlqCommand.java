package dev.rocketport.cli;

import picocli.CommandLine.Command;

/** {@code dlq}: list, show and redrive dead letters. */
@Command(name = "dlq", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = {"Find, inspect and safely redrive dead letters.",
        "Letters are read from each group's dead-letter queue, oldest first; filters narrow them down."},
    subcommands = {DlqList.class, DlqShow.class, DlqRedrive.class})
final class DlqCommand {
}

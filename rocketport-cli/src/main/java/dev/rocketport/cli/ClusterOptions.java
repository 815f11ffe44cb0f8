package dev.rocketport.cli;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import io.vavr.control.Either;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How to reach the cluster, as the RocketMQ adapter's configuration takes it: name servers,
 * namespace, ACL credentials (the secret from {@code --secret-key} or the environment variable
 * {@value #SECRET_ENV}, so it need not show in the process list) and TLS.
 */
final class ClusterOptions {
  static final String SECRET_ENV = "ROCKETPORT_SECRET_KEY";

  @Option(names = "--namesrv", required = true, paramLabel = "HOST:PORT",
      description = "name server address(es), ';'-separated")
  String nameServer = "";

  @Option(names = "--namespace", paramLabel = "NAME", description = "the namespace groups and topics live in")
  String namespace = "";

  @Option(names = "--access-key", paramLabel = "KEY", description = "ACL access key")
  @Nullable String accessKey;

  @Option(names = "--secret-key", paramLabel = "SECRET",
      description = "ACL secret key (default: the environment variable " + SECRET_ENV + ")")
  @Nullable String secretKey;

  @Option(names = "--tls", description = "connect with TLS")
  boolean tls;

  /** A runtime on the cluster; bad options end the command with {@link ExitCodes#USAGE}. */
  RocketMqMessaging connect() {
    RocketMqConfig config;
    try {
      RocketMqConfig.Builder builder = RocketMqConfig.builder(nameServer).namespace(namespace).useTls(tls);
      if (accessKey != null) {
        String secret = secretKey != null ? secretKey : System.getenv(SECRET_ENV);
        if (secret == null) {
          throw new CliFailure(ExitCodes.USAGE, "--access-key needs --secret-key or " + SECRET_ENV);
        }
        builder.credentials(accessKey, secret);
      }
      config = builder.build();
    } catch (InvalidArgumentException e) {
      throw new CliFailure(ExitCodes.USAGE, "invalid cluster option " + e.field() + ": " + e.problem());
    }
    try {
      return RocketMqMessaging.start(config);
    } catch (RuntimeException e) {
      throw new CliFailure(ExitCodes.CLUSTER, "cannot reach the cluster at " + nameServer + ": " + e.getMessage());
    }
  }

  /** The value of an admin call, or the end of the command: the cluster failed it. */
  <T> T require(Either<AdminFailure, T> result, String what) {
    return result.getOrElseThrow(failure -> new CliFailure(ExitCodes.CLUSTER,
        what + " failed on " + nameServer + ": " + failure.description()));
  }
}

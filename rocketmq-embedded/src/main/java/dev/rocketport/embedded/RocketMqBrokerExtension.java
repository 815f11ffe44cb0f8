package dev.rocketport.embedded;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that shares one {@link EmbeddedRocketMq} (tuned for tests) per test JVM: the
 * first test class that needs it starts it, and JUnit closes it when the whole run ends (broker
 * shutdown costs ~20 s, paid once). Inject it as a test or lifecycle method parameter, or register
 * the extension as a static field and call {@link #broker()}:
 *
 * <pre>{@code
 * @RegisterExtension static RocketMqBrokerExtension rocketMq = new RocketMqBrokerExtension();
 * ... rocketMq.broker().nameServerAddress() ...
 * }</pre>
 */
public final class RocketMqBrokerExtension implements BeforeAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RocketMqBrokerExtension.class);

  private volatile @Nullable EmbeddedRocketMq broker;

  /** The JVM's shared broker, started on first use; closed by JUnit after the last test. */
  public static EmbeddedRocketMq shared(ExtensionContext context) {
    return context.getRoot().getStore(NAMESPACE)
        .getOrComputeIfAbsent(EmbeddedRocketMq.class, k -> EmbeddedRocketMq.start(), EmbeddedRocketMq.class);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = shared(context);
  }

  /** The shared broker; available from {@code @BeforeAll} on. */
  public EmbeddedRocketMq broker() {
    EmbeddedRocketMq started = broker;
    if (started == null) {
      throw new IllegalStateException("the broker starts before the test class's @BeforeAll methods; "
          + "register this extension with @RegisterExtension on a static field");
    }
    return started;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedRocketMq.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return shared(context);
  }
}

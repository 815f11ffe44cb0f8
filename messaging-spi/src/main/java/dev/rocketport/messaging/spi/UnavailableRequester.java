package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.RequestFailure;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.UnsupportedFeatureException;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * The requester of an adapter without {@link Feature#REQUEST_REPLY}: {@link #request} throws
 * {@link UnsupportedFeatureException} and sends nothing; nothing is ever pending. Stateless; thread-safe.
 */
public final class UnavailableRequester implements Requester {
  private final String adapter;

  public UnavailableRequester(Capabilities capabilities) {
    this.adapter = capabilities.adapter();
  }

  @Override
  public CompletionStage<Either<RequestFailure, Reply>> request(Message request, Duration timeout) {
    throw new UnsupportedFeatureException(Feature.REQUEST_REPLY, adapter, "Requester.request");
  }

  @Override
  public int pending() {
    return 0;
  }

  @Override
  public long lateReplies() {
    return 0;
  }
}

package dev.bulwark.p2p.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Collects the log lines of the p2p module for assertions. */
public final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.bulwark.p2p");

  /** Starts capturing. */
  public LogCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /** The formatted messages so far. */
  public List<String> messages() {
    synchronized (appender) {
      List<String> out = new ArrayList<>();
      appender.list.forEach(e -> out.add(e.getFormattedMessage()));
      return out;
    }
  }

  /** True when some line contains every one of {@code parts}. */
  public boolean anyLineContains(String... parts) {
    return messages().stream().anyMatch(line -> {
      for (String p : parts) {
        if (!line.contains(p)) {
          return false;
        }
      }
      return true;
    });
  }

  @Override
  public void close() {
    logger.detachAppender(appender);
  }
}

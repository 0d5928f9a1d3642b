package io.github.deepseekspring.model.sim;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/** Every line logged while it is open, at every level down to {@code TRACE} for the loggers it was opened on. */
final class CapturedLogs implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final List<Logger> loggers;

	private final List<Level> previous;

	CapturedLogs(String... loggerNames) {
		this.appender.start();
		this.loggers = java.util.Arrays.stream(loggerNames).map(name -> (Logger) LoggerFactory.getLogger(name)).toList();
		this.previous = this.loggers.stream().map(Logger::getLevel).toList();
		this.loggers.forEach(logger -> {
			logger.setLevel(Level.TRACE);
			logger.addAppender(this.appender);
		});
	}

	/** The formatted lines, with the stack traces of logged exceptions. */
	List<String> lines() {
		return this.appender.list.stream().map(event -> {
			StringBuilder line = new StringBuilder(event.getFormattedMessage());
			for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
				line.append(" | ").append(proxy.getClassName()).append(": ").append(proxy.getMessage());
			}
			return line.toString();
		}).toList();
	}

	@Override
	public void close() {
		for (int i = 0; i < this.loggers.size(); i++) {
			this.loggers.get(i).detachAppender(this.appender);
			this.loggers.get(i).setLevel(this.previous.get(i));
		}
		this.appender.stop();
	}

}

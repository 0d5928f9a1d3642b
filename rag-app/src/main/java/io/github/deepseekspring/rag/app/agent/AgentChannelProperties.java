package io.github.deepseekspring.rag.app.agent;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The agent channel: how the replica holding a customer's (or an agent's) event stream learns what was said on
 * another replica. Each replica runs one query per poll for all the streams it holds, none while it holds none.
 *
 * @param pollInterval how often a replica with open streams looks for new messages (default 400ms): the delay a
 * customer may see between an agent's "send" and the reply
 * @param keepAlive how often an idle stream sends a comment, so that proxies do not close it (default 15s)
 * @param maxMessageLength longest message of an agent or a customer on the channel, in characters (default 4000)
 */
@ConfigurationProperties("deepseek.rag.agent-channel")
public record AgentChannelProperties(Duration pollInterval, Duration keepAlive, int maxMessageLength) {

	public AgentChannelProperties {
		pollInterval = (pollInterval != null && pollInterval.isPositive()) ? pollInterval : Duration.ofMillis(400);
		keepAlive = (keepAlive != null && keepAlive.isPositive()) ? keepAlive : Duration.ofSeconds(15);
		maxMessageLength = (maxMessageLength > 0) ? maxMessageLength : 4000;
	}

}

package io.github.deepseekspring.rag.app.chat;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** The chat test client and set-up for tests in other packages. */
public final class ChatHttpAccess {

	private final ChatHttp http;

	public ChatHttpAccess(int port) {
		this.http = new ChatHttp(port);
	}

	/** Sends a chat message and returns the reply body. */
	public JsonNode chat(String conversationId, String message) {
		return this.http.chat(conversationId, message).body();
	}

	public Reply post(String path, Object body) {
		return reply(this.http.post(path, ChatHttp.body(body)));
	}

	public Reply postRaw(String path, String body) {
		return reply(this.http.post(path, body));
	}

	public Reply admin(String method, String path) {
		return reply(this.http.admin(method, path));
	}

	public Reply getAnonymous(String path) {
		return reply(this.http.get(path));
	}

	/** Reads the next server-sent event of a stream (comments skipped), or returns null at its end. */
	public static StreamEvent nextEvent(BufferedReader reader) throws IOException {
		List<ChatHttp.Event> events = ChatHttp.events(reader, 1);
		return events.isEmpty() ? null : new StreamEvent(events.get(0).name(), events.get(0).data());
	}

	public static void assertProblem(Reply reply, int status) {
		ChatApiTests.assertProblem(new ChatHttp.Response(reply.status(), reply.contentType(), reply.body()), status);
	}

	private static Reply reply(ChatHttp.Response response) {
		return new Reply(response.status(), response.contentType(), response.body());
	}

	/**
	 * An HTTP response.
	 *
	 * @param status status code
	 * @param contentType content type
	 * @param body JSON body, or null
	 */
	public record Reply(int status, String contentType, JsonNode body) {

	}

	/**
	 * One server-sent event.
	 *
	 * @param name its event name
	 * @param data its data, as JSON
	 */
	public record StreamEvent(String name, JsonNode data) {

	}

	/** The chat tests' application set-up ({@link ChatAppTest}), for test classes outside this package. */
	@Target(ElementType.TYPE)
	@Retention(RetentionPolicy.RUNTIME)
	@ChatAppTest
	public @interface ChatApp {

	}

}

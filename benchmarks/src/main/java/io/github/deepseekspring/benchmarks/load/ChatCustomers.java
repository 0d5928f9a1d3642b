package io.github.deepseekspring.benchmarks.load;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.json.JsonMapper;

/**
 * Simulated customers, one virtual thread each, asking the chat stream questions back to back: a question, then a
 * follow-up in the same conversation, then a new conversation, until the deadline. Each customer has an address of
 * its own ({@code X-Forwarded-For}), so the app's per-client limits treat them as the different people they stand
 * for. The same class stands for the baseline: clients sending the app's own model request straight to the simulator.
 */
final class ChatCustomers {

	static final List<String> QUESTIONS = List.of("YF-AX3000 保修多久？", "YF-AX3000 有几个网口？",
			"YF-Mesh-M2 三只装多少钱？", "云帆 Plus 会员年费多少钱？", "路由器保修期多久？", "电源适配器保修几年？",
			"7 天无理由退货的运费谁承担？", "退款多久到账？", "订单满多少钱包邮？", "忘记云帆账号密码怎么办？",
			"怎么通过 App 升级路由器固件？", "客服电话是多少？", "访客网络默认限速多少？", "How do I set up a mesh network?",
			"How long is the warranty of the YF-BE7200?", "Mesh 节点指示灯黄色常亮是什么意思？");

	static final List<String> FOLLOW_UPS = List.of("那 YF-BE7200 呢？", "需要什么凭证？", "多久能处理好？",
			"What about the power adapter?");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ConcurrentLinkedQueue<StreamSample> samples = new ConcurrentLinkedQueue<>();

	private final AtomicInteger inFlight = new AtomicInteger();

	/** One customer of the app until the deadline. */
	void chat(URI stream, int customer, long deadline) {
		String address = "10." + ((customer >> 16) & 255) + "." + ((customer >> 8) & 255) + "." + (customer & 255);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		while (System.nanoTime() < deadline) {
			String question = worded(QUESTIONS.get(random.nextInt(QUESTIONS.size())), random);
			Answer first = ask(stream, address, null, Map.of("message", question));
			if (first.conversationId == null || System.nanoTime() >= deadline) {
				pauseAfter(first);
				continue;
			}
			Answer followUp = ask(stream, address, first.cookie, Map.of("conversationId", first.conversationId,
					"message", FOLLOW_UPS.get(random.nextInt(FOLLOW_UPS.size()))));
			pauseAfter(followUp);
		}
	}

	/**
	 * The question as one customer words it: with an opening and an order number of its own, so that no two customers
	 * ask quite the same text (caches of question vectors or rewrites would otherwise flatter the app).
	 */
	static String worded(String question, ThreadLocalRandom random) {
		String[] openings = { "", "你好，", "请问", "麻烦问一下，", "Hi, " };
		return openings[random.nextInt(openings.length)] + question + " (订单 " + (100000 + random.nextInt(900000))
				+ ")";
	}

	/** One client of the simulator itself until the deadline, sending a request body the app sent. */
	void direct(URI completions, String apiKey, String body, long deadline) {
		while (System.nanoTime() < deadline) {
			long start = System.nanoTime();
			this.inFlight.incrementAndGet();
			long firstToken = 0;
			String error = null;
			try (StreamedPost post = StreamedPost.send(completions, body, "Authorization: Bearer " + apiKey,
					"Accept: text/event-stream")) {
				boolean done = false;
				if (post.status() != 200) {
					error = "status " + post.status();
				}
				for (String line = (error == null) ? post.nextLine() : null; line != null; line = post.nextLine()) {
					if (firstToken == 0 && hasContent(line)) {
						firstToken = System.nanoTime() - start;
					}
					done |= line.equals("data: [DONE]");
				}
				error = (error != null) ? error : (done ? null : "no [DONE]");
			}
			catch (IOException ex) {
				error = ex.getClass().getSimpleName();
			}
			finally {
				this.inFlight.decrementAndGet();
			}
			this.samples.add(new StreamSample(start, firstToken, firstToken, System.nanoTime() - start, error, false,
					false));
		}
	}

	/** A chunk with answer text (not reasoning, not the empty finishing chunk). */
	private static boolean hasContent(String line) {
		int at = line.indexOf("\"content\":\"");
		return at >= 0 && at + 11 < line.length() && line.charAt(at + 11) != '"';
	}

	private Answer ask(URI stream, String address, String cookie, Map<String, String> body) {
		long start = System.nanoTime();
		this.inFlight.incrementAndGet();
		Answer answer = new Answer();
		answer.cookie = cookie;
		answer.followUp = body.containsKey("conversationId");
		try (StreamedPost post = StreamedPost.send(stream, JSON.writeValueAsString(body), "Accept: text/event-stream",
				"X-Forwarded-For: " + address, (cookie != null) ? "Cookie: " + cookie : "X-No-Cookie: 1")) {
			answer.status = post.status();
			if (post.status() != 200) {
				post.rest();
				answer.retryAfter = post.header("Retry-After");
				record(start, answer, "status " + post.status());
				return answer;
			}
			String setCookie = post.header("Set-Cookie");
			if (setCookie != null) {
				answer.cookie = setCookie.lines().map((c) -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
					.reduce((a, b) -> a + "; " + b)
					.orElse(null);
			}
			read(post, start, answer);
			record(start, answer, answer.error ? "error event" : (answer.done ? null : "no done"));
		}
		catch (IOException | RuntimeException ex) {
			record(start, answer, ex.getClass().getSimpleName());
		}
		finally {
			this.inFlight.decrementAndGet();
		}
		return answer;
	}

	private static void read(StreamedPost post, long start, Answer answer) throws IOException {
		String event = null;
		for (String line = post.nextLine(); line != null; line = post.nextLine()) {
			if (line.startsWith("event:")) {
				event = line.substring(6).strip();
				if (answer.firstEvent == 0) {
					answer.firstEvent = System.nanoTime() - start;
				}
				if (answer.firstToken == 0 && event.equals("token")) {
					answer.firstToken = System.nanoTime() - start;
				}
				answer.queued |= event.equals("queue");
				answer.done |= event.equals("done");
				answer.error |= event.equals("error");
			}
			else if (line.startsWith("data:") && "meta".equals(event)) {
				answer.conversationId = JSON.readTree(line.substring(5)).path("conversationId").asString(null);
			}
		}
	}

	private void record(long start, Answer answer, String error) {
		this.samples.add(new StreamSample(start, answer.firstEvent, answer.firstToken, System.nanoTime() - start, error,
				answer.queued, answer.followUp));
	}

	/** After a refusal, the customer waits what it was told before asking again. */
	private static void pauseAfter(Answer answer) {
		if (answer.status == 200 || answer.status == 0) {
			return;
		}
		try {
			Thread.sleep(1000L * ((answer.retryAfter != null) ? Integer.parseInt(answer.retryAfter.strip()) : 1));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	List<StreamSample> samples() {
		return List.copyOf(this.samples);
	}

	int inFlight() {
		return this.inFlight.get();
	}

	private static final class Answer {

		int status;

		String retryAfter;

		String cookie;

		String conversationId;

		long firstEvent;

		long firstToken;

		boolean queued;

		boolean followUp;

		boolean done;

		boolean error;

	}

}

package io.github.deepseekspring.rag.app.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.deepseekspring.rag.app.security.ApiKeys;
import io.github.deepseekspring.rag.app.security.InstallSecret;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.mock.web.MockPart;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The limit filters in front of stand-in endpoints. */
class LimitFiltersTests {

	private final AtomicLong now = new AtomicLong();

	private final LimitsProperties properties = new LimitsProperties(true, null, new LimitsProperties.Rate(6, 3, 0),
			new LimitsProperties.Concurrency(1, 0, Duration.ofMillis(50), Duration.ofSeconds(7), null, 0, List.of()),
			new LimitsProperties.Request(DataSize.ofBytes(200), 2, null, DataSize.ofBytes(1000), null));

	private final ModelCallGate gate = new ModelCallGate(1, 0, Duration.ofMillis(50), System::nanoTime);

	private final Endpoints endpoints = new Endpoints();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final LimitMetrics metrics = LimitMetrics.of(this.meters, this.gate);

	private final ApiKeys keys = new ApiKeys(List.of("test-key-not-secret"),
			InstallSecret.of("limit-filters-test-secret-not-secret-0123456789"));

	private final MockMvc mvc = MockMvcBuilders.standaloneSetup(this.endpoints)
		.addFilters((request, response, chain) -> {
			// As the security filters do before the limits.
			this.keys.verify((HttpServletRequest) request);
			chain.doFilter(request, response);
		},
				new RequestSizeFilter(new PathPatterns(this.properties.paths()),
						new PathPatterns(this.properties.request().uploadPaths()), this.properties.request(), this.metrics,
						Refusals.problemDetails()),
				new RateLimitFilter(new PathPatterns(this.properties.paths()),
						new TokenBuckets(this.properties.rate(), this.now::get), this.metrics, Refusals.problemDetails()),
				new ModelConcurrencyFilter(this.properties.concurrency(), this.gate, this.metrics,
						Refusals.problemDetails()))
		.build();

	@Test
	void burstThenTooManyRequestsWithRetryAfterThenRefill() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.1"))).andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.1")))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "10"))
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(429))
			.andExpect(jsonPath("$.title").value("Too Many Requests"));
		// another client is not affected
		this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.2"))).andExpect(status().isOk());
		// 6 per minute: one token every 10 s
		this.now.addAndGet(Duration.ofSeconds(10).toNanos());
		this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.1"))).andExpect(status().isOk());
		this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.1"))).andExpect(status().isTooManyRequests());
		assertThat(this.meters.get("deepseek.rag.limits.rejected").tag("reason", "rate").counter().count()).isEqualTo(2);
	}

	@Test
	void apiKeysHaveTheirOwnBucketsWhateverTheAddress() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/v1/models").header("Authorization", "Bearer test-key-not-secret").with(ip("10.0.0.1")))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/v1/models").header("Authorization", "Bearer test-key-not-secret").with(ip("10.0.0.9")))
			.andExpect(status().isTooManyRequests());
		this.mvc.perform(get("/v1/models").with(ip("10.0.0.1"))).andExpect(status().isOk());
	}

	@Test
	void aKeyThatWasNotVerifiedIsNoClientOfItsOwn() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.mvc.perform(get("/api/chat/c1").header("Authorization", "Bearer made-up-" + i).with(ip("10.0.0.5")))
				.andExpect(status().isOk());
		}
		this.mvc.perform(get("/api/chat/c1").header("Authorization", "Bearer made-up-3").with(ip("10.0.0.5")))
			.andExpect(status().isTooManyRequests());
	}

	@Test
	void pathsOutsideTheLimitsAreNotCounted() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.mvc.perform(get("/api/kb/ping").with(ip("10.0.0.1"))).andExpect(status().isOk());
		}
	}

	@Test
	void busyModelAnswers503WithRetryAfterAndReleasesTheSlot() throws Exception {
		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
			try {
				return this.mvc.perform(post("/api/chat").param("block", "true").with(ip("10.0.0.1")))
					.andReturn()
					.getResponse()
					.getStatus();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(this.endpoints.entered.await(5, TimeUnit.SECONDS)).isTrue();
		this.mvc.perform(post("/api/chat").with(ip("10.0.0.2")))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "7"))
			.andExpect(jsonPath("$.status").value(503));
		assertThat(this.meters.get("deepseek.rag.limits.model.calls").gauge().value()).isEqualTo(1);
		assertThat(this.meters.get("deepseek.rag.limits.rejected").tag("reason", "busy").counter().count()).isEqualTo(1);
		// reading a conversation is no model call
		this.mvc.perform(get("/api/chat/c1").with(ip("10.0.0.2"))).andExpect(status().isOk());
		this.endpoints.release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(200);
		assertThat(this.gate.inFlight()).isZero();
		this.mvc.perform(post("/api/chat").with(ip("10.0.0.2"))).andExpect(status().isOk());
		assertThat(this.gate.inFlight()).isZero();
	}

	@Test
	void aFailingModelCallReleasesItsSlot() throws Exception {
		try {
			this.mvc.perform(post("/api/chat").param("fail", "true").with(ip("10.0.0.1")));
		}
		catch (Exception expected) {
			// the stand-in endpoint throws
		}
		assertThat(this.gate.inFlight()).isZero();
	}

	@Test
	void oversizedBodyIs413() throws Exception {
		this.mvc.perform(post("/api/chat/c1/feedback").contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"" + "x".repeat(300) + "\"}")
			.with(ip("10.0.0.1")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.status").value(413));
		this.mvc.perform(post("/api/chat/c1/feedback").contentType(MediaType.APPLICATION_JSON)
			.content("{\"comment\":\"fine\"}")
			.with(ip("10.0.0.1"))).andExpect(status().isOk());
	}

	@Test
	void thePathsThatTakePhotosAllowLargerBodiesButNotWhatLiesBelowThem() throws Exception {
		this.mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + "x".repeat(300) + "\"}")
			.with(ip("10.0.0.1"))).andExpect(status().isOk());
		this.mvc.perform(post("/api/chat").contentType(MediaType.APPLICATION_JSON)
			.content("{\"message\":\"" + "x".repeat(1200) + "\"}")
			.with(ip("10.0.0.2")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("The request body is larger than 1000 bytes."));
	}

	@Test
	void tooManyFilesIs413() throws Exception {
		this.mvc.perform(multipart("/api/kb/documents").part(file("a.md"), file("b.md"), file("c.md")))
			.andExpect(status().isPayloadTooLarge())
			.andExpect(jsonPath("$.detail").value("At most 2 files may be uploaded at once."));
		this.mvc.perform(multipart("/api/kb/documents").part(file("a.md"), file("b.md")))
			.andExpect(status().isOk());
	}

	@Test
	void defaultsAreSane() {
		LimitsProperties defaults = new LimitsProperties(null, null, null, null, null);
		assertThat(defaults.concurrency().maxCallsPerClient()).isEqualTo(4);
		assertThat(defaults.enabled()).isTrue();
		assertThat(defaults.paths()).containsExactly("/api/chat/**", "/api/code/**", "/v1/**");
		assertThat(defaults.rate().requestsPerMinute()).isEqualTo(30);
		// the cap follows the backends' capacity unless set; 16 without any backend
		assertThat(defaults.concurrency().maxCalls()).isZero();
		assertThat(defaults.concurrency().effectiveMaxCalls(2_500)).isEqualTo(2_500);
		assertThat(defaults.concurrency().effectiveMaxCalls(0)).isEqualTo(16);
		assertThat(defaults.concurrency().queue()).isEqualTo(1000);
		assertThat(defaults.concurrency().queueTimeout()).isEqualTo(Duration.ofMinutes(3));
		assertThat(defaults.concurrency().positionPaths()).containsExactly("/api/chat/stream");
		assertThat(defaults.request().maxBodySize()).isEqualTo(DataSize.ofKilobytes(256));
		assertThat(defaults.request().maxPhotoBodySize()).isEqualTo(DataSize.ofMegabytes(21));
		assertThat(defaults.request().photoPaths()).containsExactly("/api/chat", "/api/chat/stream", "/v1/chat/completions");
	}

	private static MockPart file(String name) {
		return new MockPart("file", name, "# x".getBytes());
	}

	private static org.springframework.test.web.servlet.request.RequestPostProcessor ip(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	@RestController
	static class Endpoints {

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		@GetMapping({ "/api/chat/{id}", "/v1/models", "/api/kb/ping" })
		String read() {
			return "ok";
		}

		@PostMapping("/api/chat")
		String chat(@RequestParam(defaultValue = "false") boolean block, @RequestParam(defaultValue = "false") boolean fail)
				throws InterruptedException {
			if (fail) {
				throw new IllegalStateException("model failed");
			}
			if (block) {
				this.entered.countDown();
				this.release.await(5, TimeUnit.SECONDS);
			}
			return "answer";
		}

		@PostMapping("/api/chat/{id}/feedback")
		String feedback(@RequestBody String body) {
			return "ok";
		}

		@PostMapping("/api/kb/documents")
		String upload(@RequestParam("file") List<MultipartFile> files) {
			return "ok";
		}

	}

}

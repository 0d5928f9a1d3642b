package io.github.deepseekspring.autoconfigure;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.deepseekspring.model.privacy.PrivacyMode;
import io.github.deepseekspring.model.routing.BackendCapacity;
import io.github.deepseekspring.model.routing.RoutingMode;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Configuration of DeepSeek: the remote API, the local runtime, routing between them, retries, timeouts and prices.
 * Validates itself at binding time, so a wrong value fails start-up with the property's name.
 */
@ConfigurationProperties(prefix = DeepSeekProperties.PREFIX)
public class DeepSeekProperties implements Validator {

	/** Prefix of every DeepSeek property. */
	public static final String PREFIX = "deepseek";

	/**
	 * Whether to auto-configure DeepSeek. Set to false to keep the starter on the classpath without a DeepSeek chat
	 * model.
	 */
	private boolean enabled = true;

	/**
	 * Whether start-up fails when neither the DeepSeek API nor a local runtime is configured. Applications that
	 * degrade without a model (answering from retrieval only, say) set it to false and then find no DeepSeek chat
	 * model bean until a backend is configured.
	 */
	private boolean required = true;

	/**
	 * API key of the DeepSeek platform. Read from the DEEPSEEK_API_KEY environment variable too. Never logged.
	 */
	private String apiKey;

	/** Base URL of the DeepSeek API. */
	private URI baseUrl = URI.create("https://api.deepseek.com");

	private final Chat chat = new Chat();

	private final Local local = new Local();

	private final Routing routing = new Routing();

	private final Retry retry = new Retry();

	private final CircuitBreaker circuitBreaker = new CircuitBreaker();

	private final Timeouts timeouts = new Timeouts();

	private final Pricing pricing = new Pricing();

	private final Privacy privacy = new Privacy();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isRequired() {
		return this.required;
	}

	public void setRequired(boolean required) {
		this.required = required;
	}

	public String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(String apiKey) {
		this.apiKey = apiKey;
	}

	public URI getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(URI baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Chat getChat() {
		return this.chat;
	}

	public Local getLocal() {
		return this.local;
	}

	public Routing getRouting() {
		return this.routing;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public CircuitBreaker getCircuitBreaker() {
		return this.circuitBreaker;
	}

	public Timeouts getTimeouts() {
		return this.timeouts;
	}

	public Pricing getPricing() {
		return this.pricing;
	}

	public Privacy getPrivacy() {
		return this.privacy;
	}

	/** @return whether an API key is set, so the remote backend can be used */
	public boolean hasApiKey() {
		return this.apiKey != null && !this.apiKey.isBlank();
	}

	@Override
	public boolean supports(Class<?> clazz) {
		return DeepSeekProperties.class.isAssignableFrom(clazz);
	}

	@Override
	public void validate(Object target, Errors errors) {
		PropertiesValidation.validate((DeepSeekProperties) target, errors);
	}

	@Override
	public String toString() {
		return "DeepSeekProperties[baseUrl=" + this.baseUrl + ", apiKey=" + (hasApiKey() ? "(set)" : "(not set)")
				+ ", model=" + this.chat.model + ", routing=" + this.routing.mode + "]";
	}

	/** Whether thinking mode is on by default. */
	public enum Thinking {

		/** Thinking mode: the model reasons first ({@code reasoning_content}), then answers. */
		ENABLED,
		/** Non-thinking mode: a direct answer; temperature and top-p apply. */
		DISABLED

	}

	/** Wire protocol of the local runtime. */
	public enum Protocol {

		/** Ollama's native API ({@code /api/chat}, {@code /api/generate}). */
		OLLAMA,
		/** The OpenAI-compatible API ({@code /v1/chat/completions}) of vLLM, llama.cpp, SGLang or Ollama. */
		OPENAI

	}

	/** Default options of chat requests. */
	public static class Chat {

		/** Model of the DeepSeek API used when a request names none. */
		private String model = "deepseek-flash";

		/** Whether thinking mode is on for requests that do not say. */
		private Thinking thinking = Thinking.ENABLED;

		/** Reasoning effort in thinking mode (for example low, medium or high); the API's default when unset. */
		private String reasoningEffort;

		/** Maximum number of output tokens; the API's default when unset. */
		private Integer maxTokens;

		/** Model for fill-in-the-middle code completion on the DeepSeek API; the chat model when unset. */
		private String completionModel;

		/**
		 * Models of the DeepSeek API that take images; a request with images for another model goes to a backend
		 * that takes them, or fails with an error naming why, never with its images dropped.
		 */
		private List<String> visionModels = new ArrayList<>(List.of("deepseek-flash"));

		/**
		 * Whether tool schemas are strict (DeepSeek beta): requests with tools go to the API's beta endpoint, each
		 * function's schema closed so the model's arguments always match it.
		 */
		private boolean strictTools = false;

		/**
		 * Requests this application may have in flight on the DeepSeek API at once; the API answers 429 beyond its
		 * per-account limit. Default: DeepSeek's published limit for the chat model (2,500 for deepseek-flash, 500
		 * for deepseek-v4-pro and models without a published limit). Replicas sharing one account share the limit:
		 * give each its part.
		 */
		private Integer maxConcurrency;

		public Integer getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(Integer maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		/** @return the configured limit, or the published one of the chat model */
		public int effectiveMaxConcurrency() {
			return (this.maxConcurrency != null) ? this.maxConcurrency
					: BackendCapacity.publishedLimit(this.model);
		}

		public List<String> getVisionModels() {
			return this.visionModels;
		}

		public void setVisionModels(List<String> visionModels) {
			this.visionModels = visionModels;
		}

		public boolean isStrictTools() {
			return this.strictTools;
		}

		public void setStrictTools(boolean strictTools) {
			this.strictTools = strictTools;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public Thinking getThinking() {
			return this.thinking;
		}

		public void setThinking(Thinking thinking) {
			this.thinking = thinking;
		}

		public String getReasoningEffort() {
			return this.reasoningEffort;
		}

		public void setReasoningEffort(String reasoningEffort) {
			this.reasoningEffort = reasoningEffort;
		}

		public Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		public String getCompletionModel() {
			return this.completionModel;
		}

		public void setCompletionModel(String completionModel) {
			this.completionModel = completionModel;
		}

	}

	/** The local GPU runtime (Ollama, vLLM, llama.cpp server, SGLang). */
	public static class Local {

		/** Wire protocol the local runtime speaks. */
		private Protocol protocol = Protocol.OLLAMA;

		/** Base URL of a single local runtime endpoint, for example http://gpu-box:11434. */
		private URI baseUrl;

		/** Several local runtime endpoints forming a pool; used instead of base-url when set. */
		private List<Endpoint> endpoints = new ArrayList<>();

		/** Chat model on the local runtime. */
		private String model = "deepseek-r1:7b";

		/** Code completion (suffix / fill-in-the-middle) model on the local runtime; the chat model when unset. */
		private String completionModel;

		/** Whether to pull the local model in the background at start-up (progress in the log; never blocks). */
		private boolean pullOnStart = false;

		/** Requests in flight on the local runtime before cost-aware routing treats it as saturated. */
		private int maxConcurrency = 4;

		/**
		 * Requests the endpoint at base-url (and each pool endpoint that sets no parallel of its own) serves at once:
		 * the runtime's parallel slots, Ollama's OLLAMA_NUM_PARALLEL (default 1), vLLM's --max-num-seqs, llama.cpp's
		 * --parallel.
		 */
		private int parallel = 1;

		/** The local runtime's embedding model, offered as a Spring AI EmbeddingModel bean. */
		private final LocalEmbedding embedding = new LocalEmbedding();

		/**
		 * Local models that take images, for runtimes that cannot say so themselves (the OpenAI-compatible protocol);
		 * on Ollama a model whose /api/show lists the vision capability takes them anyway.
		 */
		private List<String> visionModels = new ArrayList<>();

		public List<String> getVisionModels() {
			return this.visionModels;
		}

		public void setVisionModels(List<String> visionModels) {
			this.visionModels = visionModels;
		}

		public Protocol getProtocol() {
			return this.protocol;
		}

		public void setProtocol(Protocol protocol) {
			this.protocol = protocol;
		}

		public URI getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(URI baseUrl) {
			this.baseUrl = baseUrl;
		}

		public List<Endpoint> getEndpoints() {
			return this.endpoints;
		}

		public void setEndpoints(List<Endpoint> endpoints) {
			this.endpoints = endpoints;
		}

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public String getCompletionModel() {
			return this.completionModel;
		}

		public void setCompletionModel(String completionModel) {
			this.completionModel = completionModel;
		}

		public boolean isPullOnStart() {
			return this.pullOnStart;
		}

		public void setPullOnStart(boolean pullOnStart) {
			this.pullOnStart = pullOnStart;
		}

		public int getMaxConcurrency() {
			return this.maxConcurrency;
		}

		public void setMaxConcurrency(int maxConcurrency) {
			this.maxConcurrency = maxConcurrency;
		}

		public LocalEmbedding getEmbedding() {
			return this.embedding;
		}

		public int getParallel() {
			return this.parallel;
		}

		public void setParallel(int parallel) {
			this.parallel = parallel;
		}

		/** @return the parallel slots of all configured endpoints together (0 when none is configured) */
		public int totalParallel() {
			int total = 0;
			for (Endpoint endpoint : effectiveEndpoints()) {
				total += (endpoint.getParallel() != null) ? endpoint.getParallel() : this.parallel;
			}
			return total;
		}

		/** @return whether any local endpoint is configured */
		public boolean isConfigured() {
			return this.baseUrl != null || !this.endpoints.isEmpty();
		}

		/** @return the configured endpoints: the pool, or the single base URL with weight 1 */
		public List<Endpoint> effectiveEndpoints() {
			if (!this.endpoints.isEmpty()) {
				return List.copyOf(this.endpoints);
			}
			if (this.baseUrl == null) {
				return List.of();
			}
			Endpoint single = new Endpoint();
			single.setUrl(this.baseUrl);
			return List.of(single);
		}

	}

	/** The local runtime's embedding model. */
	public static class LocalEmbedding {

		/** Embedding model on the local runtime; multilingual bge-m3 by default. */
		private String model = "bge-m3";

		/** Texts per embedding request. */
		private int batchSize = 32;

		/**
		 * Vector size of the model; when unset it is learned from the runtime's first answer (set it to create an
		 * index while the runtime is away).
		 */
		private Integer dimensions;

		public String getModel() {
			return this.model;
		}

		public void setModel(String model) {
			this.model = model;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public Integer getDimensions() {
			return this.dimensions;
		}

		public void setDimensions(Integer dimensions) {
			this.dimensions = dimensions;
		}

	}

	/** One endpoint of the local runtime pool. */
	public static class Endpoint {

		/** Base URL of the endpoint. */
		private URI url;

		/** Relative share of traffic this endpoint takes. */
		private int weight = 1;

		/** Models this endpoint serves; empty means whatever its model list says. */
		private List<String> models = new ArrayList<>();

		/**
		 * Requests this endpoint serves at once (its runtime's parallel slots, such as OLLAMA_NUM_PARALLEL);
		 * deepseek.local.parallel when unset.
		 */
		private Integer parallel;

		public Integer getParallel() {
			return this.parallel;
		}

		public void setParallel(Integer parallel) {
			this.parallel = parallel;
		}

		public URI getUrl() {
			return this.url;
		}

		public void setUrl(URI url) {
			this.url = url;
		}

		public int getWeight() {
			return this.weight;
		}

		public void setWeight(int weight) {
			this.weight = weight;
		}

		public List<String> getModels() {
			return this.models;
		}

		public void setModels(List<String> models) {
			this.models = models;
		}

	}

	/** Personal data (mobile numbers, resident IDs, card numbers, e-mail and postal addresses) in prompts. */
	public static class Privacy {

		/**
		 * What happens to personal data in prompts. {@code off}: nothing. {@code mask}: masked in the text of system,
		 * user, assistant and tool messages before a request goes to the remote API, keeping the first 4 and last 4
		 * characters ({@code 1381***5678}); the local runtime, running on the operator's machines, sees the original.
		 * {@code local-only}: a request with personal data is marked sensitive and answered by the local runtime only
		 * (failing when there is none or it is down); other requests are routed as usual.
		 */
		private PrivacyMode mode = PrivacyMode.OFF;

		/**
		 * Values never masked: the organisation's own phone numbers and e-mail addresses, which answers must quote
		 * correctly. An entry starting with "@" allows every e-mail address of that domain.
		 */
		private List<String> allowed = new ArrayList<>();

		public List<String> getAllowed() {
			return this.allowed;
		}

		public void setAllowed(List<String> allowed) {
			this.allowed = allowed;
		}

		public PrivacyMode getMode() {
			return this.mode;
		}

		public void setMode(PrivacyMode mode) {
			this.mode = mode;
		}

	}

	/** Routing between the remote API and the local runtime. */
	public static class Routing {

		/**
		 * Routing mode: remote, local, remote-first, local-first or cost-aware. When unset: remote-first if both
		 * backends are configured, else the one that is. Sensitive requests always stay local.
		 */
		private RoutingMode mode;

		public RoutingMode getMode() {
			return this.mode;
		}

		public void setMode(RoutingMode mode) {
			this.mode = mode;
		}

	}

	/**
	 * One circuit breaker per backend: it opens when half of the last calls failed in a way that says the backend is
	 * unwell (connection errors, timeouts, 5xx, 429), and routing then skips that backend until it probes again.
	 */
	public static class CircuitBreaker {

		/** Calls the failure rate is computed over (at least half of them must have been made). */
		private int window = 10;

		/**
		 * How long an open breaker keeps its backend out of routing before one probe call. Shorter recovers sooner
		 * from brief faults; longer spares a backend that is really down.
		 */
		private Duration openFor = Duration.ofSeconds(30);

		public int getWindow() {
			return this.window;
		}

		public void setWindow(int window) {
			this.window = window;
		}

		public Duration getOpenFor() {
			return this.openFor;
		}

		public void setOpenFor(Duration openFor) {
			this.openFor = openFor;
		}

	}

	/** Retries of failed attempts on the same backend (429 and 503 wait what Retry-After says). */
	public static class Retry {

		/** Attempts per backend, the first included; 1 disables retries. */
		private int maxAttempts = 3;

		/** Wait before the first retry, before jitter. */
		private Duration initialBackoff = Duration.ofMillis(500);

		/** Longest wait between two attempts. */
		private Duration maxBackoff = Duration.ofSeconds(10);

		/** Growth of the wait per attempt. */
		private double multiplier = 2.0;

		/** Share of each wait drawn at random, from 0 to 1. */
		private double jitter = 0.5;

		/** Total time budget of one call, retries and failover included. */
		private Duration deadline = Duration.ofMinutes(2);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public double getJitter() {
			return this.jitter;
		}

		public void setJitter(double jitter) {
			this.jitter = jitter;
		}

		public Duration getDeadline() {
			return this.deadline;
		}

		public void setDeadline(Duration deadline) {
			this.deadline = deadline;
		}

	}

	/** Time limits of one attempt on a backend. */
	public static class Timeouts {

		/** Time to open the connection. */
		private Duration connect = Duration.ofSeconds(10);

		/** Time from sending the request to the first token; keep-alives do not count as tokens. */
		private Duration firstToken = Duration.ofMinutes(3);

		/** Longest silence between two chunks or keep-alives. */
		private Duration idle = Duration.ofSeconds(60);

		/** Time limit of the whole attempt. */
		private Duration total = Duration.ofMinutes(10);

		public Duration getConnect() {
			return this.connect;
		}

		public void setConnect(Duration connect) {
			this.connect = connect;
		}

		public Duration getFirstToken() {
			return this.firstToken;
		}

		public void setFirstToken(Duration firstToken) {
			this.firstToken = firstToken;
		}

		public Duration getIdle() {
			return this.idle;
		}

		public void setIdle(Duration idle) {
			this.idle = idle;
		}

		public Duration getTotal() {
			return this.total;
		}

		public void setTotal(Duration total) {
			this.total = total;
		}

	}

	/** Prices used for cost accounting, in CNY per million tokens. */
	public static class Pricing {

		/** Prices per DeepSeek model at peak hours; added to or replacing DeepSeek's published prices. */
		private Map<String, Price> models = new LinkedHashMap<>();

		/**
		 * Factor applied to remote prices outside DeepSeek's peak hours (Beijing time); DeepSeek's 0.5 (half price)
		 * when not set.
		 */
		private BigDecimal offPeakFactor;

		/** Price of the local runtime (electricity, amortised hardware); free by default. */
		private final Price local = new Price();

		public Map<String, Price> getModels() {
			return this.models;
		}

		public void setModels(Map<String, Price> models) {
			this.models = models;
		}

		public BigDecimal getOffPeakFactor() {
			return this.offPeakFactor;
		}

		public void setOffPeakFactor(BigDecimal offPeakFactor) {
			this.offPeakFactor = offPeakFactor;
		}

		public Price getLocal() {
			return this.local;
		}

	}

	/**
	 * A price in CNY per million tokens; a part left unset costs nothing. (No {@code BigDecimal} is created for
	 * defaults: initialising that class would add tens of milliseconds to the start-up of an application that does
	 * not otherwise use it.)
	 */
	public static class Price {

		/** Input tokens served from DeepSeek's context cache. */
		private BigDecimal cacheHitInput;

		/** Input tokens not in the cache. */
		private BigDecimal cacheMissInput;

		/** Output tokens, reasoning included. */
		private BigDecimal output;

		public BigDecimal getCacheHitInput() {
			return this.cacheHitInput;
		}

		public void setCacheHitInput(BigDecimal cacheHitInput) {
			this.cacheHitInput = cacheHitInput;
		}

		public BigDecimal getCacheMissInput() {
			return this.cacheMissInput;
		}

		public void setCacheMissInput(BigDecimal cacheMissInput) {
			this.cacheMissInput = cacheMissInput;
		}

		public BigDecimal getOutput() {
			return this.output;
		}

		public void setOutput(BigDecimal output) {
			this.output = output;
		}

	}

}

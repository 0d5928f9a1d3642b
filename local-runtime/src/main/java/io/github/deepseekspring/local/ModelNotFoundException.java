package io.github.deepseekspring.local;

/** The runtime does not have the model; the message says how to pull it. */
public class ModelNotFoundException extends LocalRuntimeException {

	private static final long serialVersionUID = 1L;

	private final String model;

	public ModelNotFoundException(String model, String runtimeMessage) {
		super("Model '" + model + "' not found on the local runtime (" + runtimeMessage + "); pull it first, e.g. `ollama pull "
				+ model + "` or LocalRuntime.pull(\"" + model + "\", progress)");
		this.model = model;
	}

	public String model() {
		return model;
	}

	/** Another endpoint of a pool may have it. */
	@Override
	public boolean isRetryable() {
		return true;
	}

}

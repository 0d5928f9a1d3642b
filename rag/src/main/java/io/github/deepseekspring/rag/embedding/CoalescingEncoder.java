package io.github.deepseekspring.rag.embedding;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Shares {@link OnnxBatchEncoder} inferences between concurrent callers, and spreads a large one over the cores. At
 * most {@code slots} inferences run at once (one per core: each uses one thread). A small call (a question, or a few
 * wordings of one) joins a line; whoever holds a free slot runs everything in line as one batch, so a hundred
 * customers asking at once cost a few batched runs instead of a hundred single ones, and a lone question runs at once,
 * in its caller's thread. A large call (many texts, or several passages being ingested) runs its planned batches on
 * all slots in parallel. No thread of its own: the callers
 * do the work (and a caller whose run is done takes the next waiting ones along).
 */
final class CoalescingEncoder {

	/** Texts up to which a call of short texts joins the shared line. */
	static final int SMALL_CALL = 8;

	/** Characters of a text that makes a call large: passages, whose batches are worth spreading over the slots. */
	static final int LONG_TEXT = 128;

	/** The most texts one shared run takes from the line. */
	private static final int SHARED_RUN = 64;

	private final OnnxBatchEncoder encoder;

	private final Semaphore slots;

	private final ConcurrentLinkedQueue<Call> line = new ConcurrentLinkedQueue<>();

	CoalescingEncoder(OnnxBatchEncoder encoder, int slots) {
		this.encoder = encoder;
		this.slots = new Semaphore(slots);
	}

	/** Unit vectors of the texts, in input order. */
	List<float[]> embed(List<String> texts) {
		if (texts.size() > SMALL_CALL
				|| (texts.size() > 1 && texts.stream().anyMatch((text) -> text.length() > LONG_TEXT))) {
			return embedLarge(texts);
		}
		Call call = new Call(texts);
		this.line.add(call);
		if (this.slots.tryAcquire()) {
			runLine();
		}
		// Otherwise a slot is busy, and whoever holds it looks at the line when it gives the slot back.
		try {
			return call.vectors.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while embedding", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
		}
	}

	private List<float[]> embedLarge(List<String> texts) {
		OnnxBatchEncoder.Tokenized tokenized = this.encoder.tokenize(texts);
		try (ExecutorService batches = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> runs = new ArrayList<>();
			for (int[] batch : tokenized.batches()) {
				runs.add(batches.submit(() -> {
					this.slots.acquireUninterruptibly();
					try {
						this.encoder.run(batch, tokenized);
					}
					finally {
						release();
					}
				}));
			}
			for (Future<?> run : runs) {
				run.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while embedding", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex.getCause());
		}
		return tokenized.vectors();
	}

	/**
	 * With a slot held: runs one shared batch from the line (the caller's own call is in it unless the line was long),
	 * then leaves whatever waits to a virtual thread that holds on to the slot, so that the caller returns with its
	 * answer instead of working for the others.
	 */
	private void runLine() {
		runOnce();
		if (this.line.isEmpty()) {
			release();
		}
		else {
			Thread.ofVirtual().name("embedding-line").start(this::serve);
		}
	}

	/** With a slot held: runs batches while anything waits, then gives the slot back. */
	private void serve() {
		while (!this.line.isEmpty()) {
			runOnce();
		}
		release();
	}

	private void runOnce() {
		List<Call> taken = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		synchronized (this.line) {
			// one taker at a time: what it looked at is what it takes
			for (Call call = this.line.peek(); call != null && (texts.isEmpty()
					|| texts.size() + call.texts.size() <= SHARED_RUN); call = this.line.peek()) {
				this.line.poll();
				taken.add(call);
				texts.addAll(call.texts);
			}
		}
		try {
			if (!texts.isEmpty()) {
				List<float[]> vectors = this.encoder.embed(texts);
				int next = 0;
				for (Call call : taken) {
					call.vectors.complete(List.copyOf(vectors.subList(next, next + call.texts.size())));
					next += call.texts.size();
				}
			}
		}
		catch (RuntimeException ex) {
			taken.forEach((call) -> call.vectors.completeExceptionally(ex));
		}
	}

	/**
	 * Gives a slot back; if anything waits in line meanwhile (its caller found every slot busy and counts on the
	 * holders to look), takes the slot again to serve it.
	 */
	private void release() {
		this.slots.release();
		if (!this.line.isEmpty() && this.slots.tryAcquire()) {
			Thread.ofVirtual().name("embedding-line").start(this::serve);
		}
	}

	private static final class Call {

		final List<String> texts;

		final CompletableFuture<List<float[]>> vectors = new CompletableFuture<>();

		Call(List<String> texts) {
			this.texts = texts;
		}

	}

}

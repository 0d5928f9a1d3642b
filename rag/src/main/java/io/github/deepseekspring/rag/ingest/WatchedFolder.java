package io.github.deepseekspring.rag.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the knowledge base in step with a folder ({@code deepseek.rag.ingest.watch-dir}): files present at start
 * and files created or changed later are ingested (unchanged content is a no-op thanks to the content hash),
 * deleted files leave the knowledge base. A file that cannot be read yet (still being written, or bad) is logged and
 * picked up again at its next change. Only regular files inside the folder are read: a symbolic link (to a secret
 * elsewhere, say) is ignored, and so is a file larger than a document may be, before it is read.
 */
public final class WatchedFolder implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(WatchedFolder.class);

	private final Path folder;

	private final IngestionService ingestion;

	private final WatchService watcher;

	private final Thread thread;

	public WatchedFolder(Path folder, IngestionService ingestion) {
		this.folder = folder.toAbsolutePath().normalize();
		this.ingestion = ingestion;
		try {
			Files.createDirectories(this.folder);
			this.watcher = FileSystems.getDefault().newWatchService();
			this.folder.register(this.watcher, StandardWatchEventKinds.ENTRY_CREATE,
					StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not watch deepseek.rag.ingest.watch-dir " + this.folder, ex);
		}
		this.thread = Thread.ofVirtual().name("kb-watch-dir").start(this::run);
	}

	private void run() {
		try (Stream<Path> existing = Files.list(this.folder)) {
			existing.sorted().forEach(this::ingest);
		}
		catch (IOException ex) {
			logger.warn("Could not list {}: {}", this.folder, ex.toString());
		}
		try {
			while (true) {
				WatchKey key = this.watcher.take();
				for (WatchEvent<?> event : key.pollEvents()) {
					if (event.context() instanceof Path name) {
						Path file = this.folder.resolve(name);
						if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE) {
							this.ingestion.deleteSource(name.toString());
						}
						else {
							ingest(file);
						}
					}
				}
				key.reset();
			}
		}
		catch (InterruptedException | ClosedWatchServiceException ex) {
			// closed with the application
		}
	}

	private void ingest(Path file) {
		String name = file.getFileName().toString();
		if (!readable(file)) {
			return;
		}
		DocumentFormat.detect(name, null).ifPresentOrElse((format) -> {
			try {
				IngestionResult result = this.ingestion.ingest(read(file), format, name,
						name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name);
				logger.info("Watched folder: {} {} ({} chunks)", name, result.status(), result.chunks());
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Watched folder: could not ingest {} yet: {}", name, ex.getMessage());
			}
		}, () -> logger.debug("Watched folder: ignoring {} (unsupported type)", name));
	}

	/** The file's bytes without following a link swapped in meanwhile, and no more than a document may have. */
	private byte[] read(Path file) throws IOException {
		long max = this.ingestion.limits().maxDocumentSize();
		try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, StandardOpenOption.READ,
				LinkOption.NOFOLLOW_LINKS))) {
			byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
			this.ingestion.limits().checkSize(content.length);
			return content;
		}
	}

	/** Whether the file is a regular file of the folder itself (no link, no escape) and small enough to read. */
	private boolean readable(Path file) {
		if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !file.normalize().getParent().equals(this.folder)) {
			if (Files.isSymbolicLink(file)) {
				logger.warn("Watched folder: ignoring {}, a symbolic link", file.getFileName());
			}
			return false;
		}
		try {
			this.ingestion.limits().checkSize(Files.size(file));
			return true;
		}
		catch (DocumentTooLargeException ex) {
			logger.warn("Watched folder: ignoring {}: {}", file.getFileName(), ex.getMessage());
			return false;
		}
		catch (IOException ex) {
			logger.warn("Watched folder: could not read the size of {}: {}", file.getFileName(), ex.toString());
			return false;
		}
	}

	@Override
	public void close() throws IOException {
		this.watcher.close();
		this.thread.interrupt();
	}

}

package io.github.deepseekspring.testkit.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.github.deepseekspring.testkit.process.RunFolders;

/**
 * The distribution zip unpacked once into a cache folder and reused by later runs. A file lock keeps two JVMs (two
 * Maven modules running their tests at once) from unpacking over each other, and a marker file written last means a
 * run killed mid-unpack is redone rather than trusted.
 */
final class DistributionInstall {

	private static final String COMPLETE_MARKER = ".unpacked";

	private DistributionInstall() {
	}

	/** @return the Elasticsearch home folder (the one holding {@code bin/} and {@code lib/}) */
	static Path unpackOnce(Path zip, Path cacheRoot, String version) {
		Path target = cacheRoot.resolve("elasticsearch-" + version);
		try {
			Files.createDirectories(cacheRoot);
			try (FileChannel lockFile = FileChannel.open(cacheRoot.resolve(".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE); FileLock lock = lockFile.lock()) {
				if (!Files.exists(target.resolve(COMPLETE_MARKER))) {
					RunFolders.deleteRecursively(target);
					unzip(zip, target);
					Files.createFile(target.resolve(COMPLETE_MARKER));
				}
			}
			return home(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not unpack " + zip + " into " + target, ex);
		}
	}

	private static void unzip(Path zip, Path target) throws IOException {
		try (InputStream raw = Files.newInputStream(zip); ZipInputStream in = new ZipInputStream(raw)) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IOException("Zip entry escapes the target folder: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
					continue;
				}
				Files.createDirectories(file.getParent());
				Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				// Zip entries lose their mode bits; the launch scripts and native tools must be executable.
				if (file.getParent().getFileName().toString().equals("bin")) {
					Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
	}

	private static Path home(Path target) throws IOException {
		try (Stream<Path> children = Files.list(target)) {
			return children.filter((child) -> Files.isDirectory(child.resolve("bin")))
				.findFirst()
				.orElseThrow(() -> new IOException("No Elasticsearch home (a folder with bin/) in " + target));
		}
	}

}

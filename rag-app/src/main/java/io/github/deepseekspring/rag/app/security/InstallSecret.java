package io.github.deepseekspring.rag.app.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The installation's own secret key, for what must not be forged or reversed by outsiders: signatures on the chat
 * cookie, and keyed hashes of client addresses in logs and audit rows (a plain SHA-256 of an IPv4 address is reversed
 * by hashing all 2^32 of them). Every use names a purpose, so that one use's output never serves another.
 */
public final class InstallSecret {

	/** Name of the generated secret's file in the data directory. */
	public static final String FILE_NAME = "install-secret";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private InstallSecret(byte[] key) {
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/** A secret from the given key material (a configured secret, or in tests). */
	public static InstallSecret of(String secret) {
		return new InstallSecret(secret.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The secret of the file in the data directory, created with 32 random bytes (readable by the owner only) when
	 * there is none yet.
	 */
	static InstallSecret generatedIn(Path dataDir) {
		Path file = dataDir.resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDir);
			if (!Files.exists(file)) {
				create(file);
			}
			String stored = Files.readString(file, StandardCharsets.US_ASCII).strip();
			if (stored.isEmpty()) {
				throw new IllegalStateException("The install secret " + file + " is empty; delete it to have a new "
						+ "one generated, or set deepseek.rag.security.secret");
			}
			return new InstallSecret(Base64.getDecoder().decode(stored));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create or read the install secret " + file, ex);
		}
	}

	private static void create(Path file) throws IOException {
		byte[] key = new byte[32];
		RANDOM.nextBytes(key);
		byte[] text = Base64.getEncoder().encode(key);
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// Another process of this installation made it first: use theirs.
			return;
		}
		Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
	}

	/** HMAC-SHA256 of the value under this secret, for the given purpose. */
	public byte[] mac(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(purpose.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	/** A short signature of the value for the purpose, URL-safe (16 bytes of the HMAC). */
	public String sign(String purpose, String value) {
		byte[] mac = mac(purpose, value);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(mac, 16));
	}

	/** Whether the signature is the value's, compared in constant time. */
	public boolean verify(String purpose, String value, String signature) {
		return MessageDigest.isEqual(sign(purpose, value).getBytes(StandardCharsets.US_ASCII),
				signature.getBytes(StandardCharsets.US_ASCII));
	}

	/**
	 * The client id as logs, audit rows and stored usage show it: an address ({@code ip:...}) becomes the first 16
	 * hex digits of its keyed hash; other ids (a key's digest, a user name) stay as they are.
	 */
	public String pseudonym(String clientId) {
		if (clientId == null || !clientId.startsWith("ip:")) {
			return clientId;
		}
		return "ip:" + HexFormat.of().formatHex(mac("client-address", clientId.substring(3)), 0, 8);
	}

	@Override
	public String toString() {
		return "InstallSecret[redacted]";
	}

}

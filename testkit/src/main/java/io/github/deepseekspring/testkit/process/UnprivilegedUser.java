package io.github.deepseekspring.testkit.process;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The system user the test servers run as when the test JVM is root: Elasticsearch and PostgreSQL both refuse to run
 * as root.
 */
public final class UnprivilegedUser {

	/** The user's name; created on first use. */
	public static final String NAME = "deepseek-test";

	private UnprivilegedUser() {
	}

	public static boolean isRoot() {
		return "root".equals(System.getProperty("user.name")) || "0".equals(Commands.output(List.of("id", "-u")).trim());
	}

	public static void ensureExists() throws IOException {
		List<String> create = List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
		if (Commands.exitCode(List.of("id", "-u", NAME)) != 0 && Commands.exitCode(create) != 0
				&& Commands.exitCode(List.of("id", "-u", NAME)) != 0) {
			throw new IOException("Could not create the user " + NAME
					+ " that the test servers run as (Elasticsearch and PostgreSQL refuse root); create it, or run the"
					+ " tests as another user, or point the tests at running servers (ES_URL, PG_URL)");
		}
	}

	public static void giveOwnership(Path folder) throws IOException {
		if (Commands.exitCode(List.of("chown", "-R", NAME + ":" + NAME, folder.toString())) != 0) {
			throw new IOException("Could not hand " + folder + " to the user " + NAME);
		}
	}

	/** @return the command prefix that runs the rest of a command line as this user */
	public static List<String> runAsCommand() {
		String uid = Commands.output(List.of("id", "-u", NAME)).trim();
		String gid = Commands.output(List.of("id", "-g", NAME)).trim();
		// setpriv execs in place (no extra process that could swallow signals), unlike su or runuser.
		return List.of("setpriv", "--reuid=" + uid, "--regid=" + gid, "--clear-groups");
	}

}

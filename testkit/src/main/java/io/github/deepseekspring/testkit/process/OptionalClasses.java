package io.github.deepseekspring.testkit.process;

/** Optional dependencies of the testkit (Testcontainers modules), probed without loading them. */
public final class OptionalClasses {

	private OptionalClasses() {
	}

	/** @return whether the class is on the testkit's classpath */
	public static boolean isPresent(String className) {
		try {
			Class.forName(className, false, OptionalClasses.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}

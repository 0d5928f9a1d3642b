package io.github.deepseekspring.rag.app.kb;

/** Turns an upload's client-supplied file name into a harmless label: its last path segment, control characters out. */
public final class UploadNames {

	private static final int MAX_LENGTH = 200;

	private UploadNames() {
	}

	public static String baseName(String original) {
		String name = (original != null) ? original : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("[\\p{Cntrl}]", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "upload";
		}
		return (name.length() > MAX_LENGTH) ? name.substring(0, MAX_LENGTH) : name;
	}

	public static String titleOf(String baseName) {
		int dot = baseName.lastIndexOf('.');
		return (dot > 0) ? baseName.substring(0, dot) : baseName;
	}

}

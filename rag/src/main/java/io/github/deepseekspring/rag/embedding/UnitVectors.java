package io.github.deepseekspring.rag.embedding;

/** Scaling vectors to unit length, so that cosine similarity is a dot product. */
public final class UnitVectors {

	private UnitVectors() {
	}

	/** The vector scaled to length 1; a zero vector as it is. */
	public static float[] normalised(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += (double) value * value;
		}
		if (sum == 0 || Math.abs(sum - 1) < 1e-6) {
			return vector;
		}
		double length = Math.sqrt(sum);
		float[] unit = new float[vector.length];
		for (int i = 0; i < vector.length; i++) {
			unit[i] = (float) (vector[i] / length);
		}
		return unit;
	}

	/** The dot product, which is the cosine similarity of unit vectors. */
	public static double dot(float[] a, float[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) {
			sum += a[i] * b[i];
		}
		return sum;
	}

}

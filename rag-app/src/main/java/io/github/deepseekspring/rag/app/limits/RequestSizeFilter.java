package io.github.deepseekspring.rag.app.limits;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Body size on the limited paths (413 when {@code Content-Length} says too much; a body without one stops being read
 * at the limit) and the number of files in one upload (413).
 */
class RequestSizeFilter extends OncePerRequestFilter {

	private final PathPatterns paths;

	private final PathPatterns uploadPaths;

	private final long maxBodySize;

	private final java.util.List<String> photoPaths;

	private final long maxPhotoBodySize;

	private final int maxFiles;

	private final LimitMetrics metrics;

	private final Refusals refusals;

	RequestSizeFilter(PathPatterns paths, PathPatterns uploadPaths, LimitsProperties.Request limits,
			LimitMetrics metrics, Refusals refusals) {
		this.metrics = metrics;
		this.refusals = refusals;
		this.paths = paths;
		this.uploadPaths = uploadPaths;
		this.maxBodySize = limits.maxBodySize().toBytes();
		this.photoPaths = limits.photoPaths();
		this.maxPhotoBodySize = limits.maxPhotoBodySize().toBytes();
		this.maxFiles = limits.maxFiles();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.paths.matches(request)) {
			// exactly the paths that take photos, not what lies below them (feedback, handoff)
			String path = request.getRequestURI().substring(request.getContextPath().length());
			long limit = this.photoPaths.contains(path) ? this.maxPhotoBodySize : this.maxBodySize;
			if (request.getContentLengthLong() > limit) {
				this.metrics.size();
				this.refusals.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
						"The request body is larger than " + limit + " bytes.", null);
				return;
			}
			chain.doFilter(new LimitedBodyRequest(request, limit), response);
			return;
		}
		if (isMultipart(request) && this.uploadPaths.matches(request) && files(request) > this.maxFiles) {
			this.metrics.size();
			this.refusals.write(request, response, HttpStatus.CONTENT_TOO_LARGE,
					"At most " + this.maxFiles + " files may be uploaded at once.", null);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return "POST".equals(request.getMethod()) && type != null && type.toLowerCase().startsWith("multipart/");
	}

	private static long files(HttpServletRequest request) throws IOException, ServletException {
		try {
			return request.getParts().stream().map(Part::getSubmittedFileName).filter((n) -> n != null).count();
		}
		catch (IllegalStateException ex) {
			// Too large or too many parts for the container: the multipart resolver reports it properly.
			return 0;
		}
	}

	/** Stops reading a body (sent without Content-Length) once it passes the limit. */
	private static final class LimitedBodyRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		LimitedBodyRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.stream == null) {
				this.stream = new LimitedStream(super.getInputStream(), this.limit);
			}
			return this.stream;
		}

	}

	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long limit;

		private long read;

		LimitedStream(ServletInputStream delegate, long limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = this.delegate.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.delegate.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			this.read += n;
			if (this.read > this.limit) {
				throw new IOException("request body larger than " + this.limit + " bytes");
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}

package io.github.deepseekspring.rag.app.security;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The admin password the application starts with: the configured one when it is long enough; otherwise, on a
 * developer's machine, a generated one printed once on the console in the way of Spring Boot's generated password. It
 * is printed, not logged, so that no log file or shipper keeps it, and not at all when the console log is structured
 * (JSON lines go to log shippers). Where a production profile is active nothing is generated: the start fails naming
 * the property.
 */
final class AdminPassword {

	static final String PROPERTY = "deepseek.rag.admin.password";

	private static final String VARIABLE = "DEEPSEEK_RAG_ADMIN_PASSWORD";

	private static final Logger logger = LoggerFactory.getLogger(AdminPassword.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private AdminPassword() {
	}

	/**
	 * @throws SecuritySettingException when the configured password is too short, or none is configured where a
	 * production profile is active
	 */
	static String resolve(AdminProperties admin, Environment environment, PrintStream console) {
		String configured = admin.password();
		if (StringUtils.hasLength(configured)) {
			if (configured.length() < AdminProperties.MIN_PASSWORD_LENGTH) {
				throw new SecuritySettingException(PROPERTY,
						"is " + configured.length() + " characters long; at least "
								+ AdminProperties.MIN_PASSWORD_LENGTH + " characters are required",
						"Set " + PROPERTY + " (environment variable " + VARIABLE + ") to a password of at least "
								+ AdminProperties.MIN_PASSWORD_LENGTH + " characters, e.g. a passphrase of four "
								+ "random words.");
			}
			return configured;
		}
		if (ProductionProfiles.active(environment)) {
			throw new SecuritySettingException(PROPERTY,
					"is not set, and no password is generated where a production profile ("
							+ String.join(" or ", ProductionProfiles.NAMES) + ") is active or Kubernetes is detected",
					"Set " + PROPERTY + " (environment variable " + VARIABLE + ") to a password of at least "
							+ AdminProperties.MIN_PASSWORD_LENGTH + " characters: in .env for docker compose, in the "
							+ "Secret deepseek-rag-secrets on Kubernetes.");
		}
		byte[] bytes = new byte[18];
		RANDOM.nextBytes(bytes);
		String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		if (StringUtils.hasText(environment.getProperty("logging.structured.format.console"))) {
			logger.warn("No {} is set: the admin password was generated and is not shown, because the console log "
					+ "is structured; set {} to sign in as admin", PROPERTY, PROPERTY);
		}
		else {
			console.printf("%n%nUsing generated admin password: %s%n%nThis generated password is for development "
					+ "use only. Set %s before running the application in production.%n%n", generated, PROPERTY);
		}
		return generated;
	}

}

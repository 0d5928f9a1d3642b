package io.github.deepseekspring.rag.app.replicas;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's session lives in the database (Spring Session JDBC): the page one replica saved before asking
 * for a sign-in is where the other sends the admin after it, signed in on one the admin uses the pages of the other, a
 * form's CSRF token issued by one is accepted by the other, a flash message set by one is shown by the other, and
 * signing out on one signs out on both.
 */
class AdminSessionAcrossReplicasIntegrationTests {

	private static TwoReplicas replicas;

	@BeforeAll
	static void replicas() {
		replicas = TwoReplicas.shared();
	}

	@Test
	void aSignInOnOneReplicaHoldsOnTheOtherUntilSignOut() {
		Replica a = replicas.a();
		Replica b = replicas.b();
		Browser admin = Browser.anonymous();
		assertRedirectsToLogin(admin.page(b, "/admin/kb"));

		MultiValueMap<String, Object> login = new LinkedMultiValueMap<>();
		login.add("username", "admin");
		login.add("password", TwoReplicas.ADMIN_PASSWORD);
		login.add("_csrf", Browser.csrfToken(admin.page(a, "/login").getBody()));
		ResponseEntity<String> signedIn = admin.submit(a, "/login", login, false);
		assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
		assertThat(signedIn.getHeaders().getLocation()).as("back to the page B saved in the session before the sign-in")
			.hasPort(b.port())
			.hasPath("/admin/kb");

		ResponseEntity<String> page = admin.page(b, "/admin/kb");
		assertThat(page.getStatusCode().value()).as("the admin page on the other replica").isEqualTo(200);
		MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
		upload.add("_csrf", Browser.csrfToken(page.getBody()));
		upload.add("file", new ByteArrayResource("# YF-S3 保修\n\nYF-S3 智能插座保修一年。\n".getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "yf-s3-warranty.md";
			}

		});
		ResponseEntity<String> uploaded = admin.submit(a, "/admin/kb", upload, true);
		assertThat(uploaded.getStatusCode().value()).as("a form from B's page, posted to A").isEqualTo(302);
		assertThat(uploaded.getHeaders().getLocation()).hasPath("/admin/kb");
		assertThat(admin.page(b, "/admin/kb").getBody()).as("A's flash message, shown by B")
			.contains("id=\"flash\"", "yf-s3-warranty", "created");

		MultiValueMap<String, Object> logout = new LinkedMultiValueMap<>();
		logout.add("_csrf", Browser.csrfToken(admin.page(a, "/admin/kb").getBody()));
		assertThat(admin.submit(b, "/logout", logout, false).getStatusCode().value()).isEqualTo(302);
		assertRedirectsToLogin(admin.page(a, "/admin/kb"));
		assertRedirectsToLogin(admin.page(b, "/admin/kb"));
	}

	@Test
	void aFormPostedWithoutTheSessionsTokenIsRefusedOnEitherReplica() {
		Browser stranger = Browser.anonymous();
		MultiValueMap<String, Object> login = new LinkedMultiValueMap<>();
		login.add("username", "admin");
		login.add("password", TwoReplicas.ADMIN_PASSWORD);
		login.add("_csrf", Browser.csrfToken(Browser.anonymous().page(replicas.a(), "/login").getBody()));
		assertThat(stranger.submit(replicas.b(), "/login", login, false).getStatusCode().value())
			.as("a token of another browser's session").isEqualTo(403);
	}

	private static void assertRedirectsToLogin(ResponseEntity<String> response) {
		assertThat(response.getStatusCode().value()).isEqualTo(302);
		assertThat(response.getHeaders().getLocation()).hasPath("/login");
	}

}

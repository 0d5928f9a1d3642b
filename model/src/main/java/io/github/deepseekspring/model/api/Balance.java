package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /user/balance}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Balance(@JsonProperty("is_available") boolean available,
		@JsonProperty("balance_infos") List<BalanceInfo> balanceInfos) {

	/** Balance in one currency; amounts are decimal strings as DeepSeek sends them. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BalanceInfo(String currency, @JsonProperty("total_balance") String totalBalance,
			@JsonProperty("granted_balance") String grantedBalance,
			@JsonProperty("topped_up_balance") String toppedUpBalance) {
	}

}

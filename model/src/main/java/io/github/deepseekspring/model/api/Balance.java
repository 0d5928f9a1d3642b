package io.github.deepseekspring.model.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Answer of {@code GET /user/balance}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Balance(@JsonProperty("is_available") boolean available,
		@JsonProperty("balance_infos") List<BalanceInfo> balanceInfos) {

	/** Reads a balance; without {@code is_available} the account is not reported as out of balance. */
	@JsonCreator
	static Balance read(@JsonProperty("is_available") Boolean available,
			@JsonProperty("balance_infos") List<BalanceInfo> balanceInfos) {
		return new Balance(available == null || available, balanceInfos == null ? List.of() : balanceInfos);
	}

	/** Balance in one currency; amounts are decimal strings as DeepSeek sends them. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BalanceInfo(String currency, @JsonProperty("total_balance") String totalBalance,
			@JsonProperty("granted_balance") String grantedBalance,
			@JsonProperty("topped_up_balance") String toppedUpBalance) {
	}

}

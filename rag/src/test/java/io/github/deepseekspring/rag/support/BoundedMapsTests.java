package io.github.deepseekspring.rag.support;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BoundedMapsTests {

	@Test
	void keepsTheEntriesUsedLast() {
		Map<String, Integer> map = BoundedMaps.leastRecentlyUsed(2);
		map.put("a", 1);
		map.put("b", 2);
		map.get("a");
		map.put("c", 3);
		assertThat(map).containsOnlyKeys("a", "c");
	}

	@Test
	void refusesACapacityThatKeepsNothing() {
		assertThatIllegalArgumentException().isThrownBy(() -> BoundedMaps.leastRecentlyUsed(0))
			.withMessageContaining("capacity");
	}

}

package io.github.deepseekspring.local.pool;

import java.time.Instant;
import java.util.List;

import io.github.deepseekspring.local.models.RunningModel;

/**
 * A snapshot of one endpoint for health and status pages.
 * @param url base URL
 * @param up whether it answered the last health check (and no request since found it unreachable)
 * @param inFlight requests running on it now
 * @param weight configured weight
 * @param models models it serves
 * @param loaded models loaded in memory
 * @param vramBytes GPU memory used by the loaded models
 * @param version runtime version from the last health check, or null
 * @param lastError why it is down, or null
 * @param lastChecked time of the last health check, or null
 */
public record EndpointStatus(String url, boolean up, int inFlight, int weight, List<String> models,
		List<RunningModel> loaded, long vramBytes, String version, String lastError, Instant lastChecked) {
}

package io.github.deepseekspring.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every API request a simulator received, in arrival order (control endpoints under {@code /__} are not logged).
 * Thread-safe.
 */
public final class RequestLog {

    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

    /**
     * Appends a request; used by the simulators.
     *
     * @param request the request
     */
    public void add(RecordedRequest request) {
        requests.add(request);
    }

    /** @return a snapshot of all requests, oldest first */
    public List<RecordedRequest> all() {
        return List.copyOf(requests);
    }

    /**
     * The most recent request.
     *
     * @return the last request
     * @throws IllegalStateException when none was received
     */
    public RecordedRequest last() {
        List<RecordedRequest> snapshot = all();
        if (snapshot.isEmpty()) {
            throw new IllegalStateException("no request was received");
        }
        return snapshot.get(snapshot.size() - 1);
    }

    /** @return how many requests were received */
    public int count() {
        return requests.size();
    }

    /**
     * Counts the requests to one path.
     *
     * @param path exact path, e.g. {@code /chat/completions}
     * @return how many requests went to that path
     */
    public int count(String path) {
        return (int) requests.stream().filter(r -> r.path().equals(path)).count();
    }

    /** Forgets all requests. */
    public void clear() {
        requests.clear();
    }
}

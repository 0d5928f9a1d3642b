package io.github.deepseekspring.testkit.deepseek;

import java.io.IOException;
import java.util.Optional;

import io.github.deepseekspring.testkit.ScriptedReply;
import io.github.deepseekspring.testkit.SimulatedTokenizer;
import io.github.deepseekspring.testkit.server.PlannedReply;
import io.github.deepseekspring.testkit.server.ResponseStream;
import io.github.deepseekspring.testkit.server.Route;
import io.github.deepseekspring.testkit.server.SimExchange;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code POST /chat/completions}: validation, the scripted or echoed answer, and its JSON or SSE rendering. */
final class ChatCompletionsHandler implements Route {

    static final String SSE_KEEP_ALIVE = ": keep-alive\n\n";
    static final String JSON_KEEP_ALIVE = "\n";

    private final DeepSeekSimulator simulator;

    ChatCompletionsHandler(DeepSeekSimulator simulator) {
        this.simulator = simulator;
    }

    /** The largest request body the API takes: 48 MiB, images counted base64-encoded. */
    static final int MAX_BODY_BYTES = 48 * 1024 * 1024;

    @Override
    public void handle(SimExchange exchange) throws IOException {
        if (exchange.request().body().length() > MAX_BODY_BYTES / 3
                && exchange.request().body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new io.github.deepseekspring.testkit.server.ApiError(413, "Request body too large: the limit is 48 MiB");
        }
        JsonNode body = DeepSeekSimulator.parseBody(exchange);
        boolean beta = exchange.request().path().startsWith("/beta/");
        ChatRequest request = ChatRequest.parse(body, simulator.modelNames(), simulator.visionModelNames(), beta);
        simulator.requireBalance();
        Optional<ScriptedReply> script = simulator.scripts().match(request.conversation().lastUserMessage());
        PlannedReply plan = PlannedReply.plan(script, request.conversation(), request.thinking());
        if (script.isEmpty() && "json_object".equals(body.path("response_format").path("type").asString(""))) {
            plan = plan.asJsonEcho(request.conversation().lastUserMessage());
        }
        ChatAnswer answer = ChatAnswer.of(plan, request, simulator.prefixCache());
        ChatResponses responses = new ChatResponses(request, simulator.usageStyle());
        if (request.stream()) {
            stream(exchange, responses, answer);
        } else {
            whole(exchange, responses.completion(answer));
        }
    }

    static void whole(SimExchange exchange, ObjectNode body) throws IOException {
        if (exchange.faults().queue().isZero()) {
            exchange.sendJson(200, body);
            return;
        }
        ResponseStream out = exchange.startChunked("application/json", false);
        exchange.waitInQueue(out, JSON_KEEP_ALIVE);
        out.raw(io.github.deepseekspring.testkit.server.Json.write(body));
        out.finish();
    }

    private static void stream(SimExchange exchange, ChatResponses responses, ChatAnswer answer) throws IOException {
        ResponseStream out = exchange.startChunked("text/event-stream; charset=utf-8", true);
        exchange.waitInQueue(out, SSE_KEEP_ALIVE);
        out.event(ChatResponses.sse(responses.roleChunk()));
        for (String piece : answer.reasoning()) {
            out.event(ChatResponses.sse(responses.reasoningChunk(piece)));
        }
        for (String piece : answer.content()) {
            out.event(ChatResponses.sse(responses.contentChunk(piece)));
        }
        for (int i = 0; i < answer.toolCalls().size(); i++) {
            out.event(ChatResponses.sse(responses.toolCallStartChunk(i, answer.toolCalls().get(i))));
            for (String piece : SimulatedTokenizer.pieces(answer.toolCalls().get(i).argumentsJson())) {
                out.event(ChatResponses.sse(responses.toolCallArgumentsChunk(i, piece)));
            }
        }
        out.event(ChatResponses.sse(responses.finishChunk(answer)));
        if (responses.includeUsage()) {
            out.event(ChatResponses.sse(responses.usageChunk(answer)));
        }
        out.event("data: [DONE]\n\n");
        out.finish();
    }
}

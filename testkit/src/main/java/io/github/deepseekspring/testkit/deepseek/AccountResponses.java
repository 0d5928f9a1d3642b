package io.github.deepseekspring.testkit.deepseek;

import java.util.List;

import io.github.deepseekspring.testkit.server.Json;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Bodies of {@code GET /models} and {@code GET /user/balance}. */
final class AccountResponses {

    private AccountResponses() {
    }

    static ObjectNode models(List<String> names) {
        ObjectNode root = Json.object().put("object", "list");
        ArrayNode data = root.putArray("data");
        names.forEach(name -> data.addObject().put("id", name).put("object", "model").put("owned_by", "deepseek"));
        return root;
    }

    static ObjectNode balance(String total, boolean available) {
        ObjectNode root = Json.object().put("is_available", available);
        root.putArray("balance_infos").addObject()
                .put("currency", "CNY")
                .put("total_balance", total)
                .put("granted_balance", "0.00")
                .put("topped_up_balance", total);
        return root;
    }
}

/**
 * How a question is worded for the search: {@link io.github.deepseekspring.rag.query.QueryExpansion} turns a
 * question and the conversation's earlier questions into the wordings hybrid retrieval searches and averages. Offline,
 * {@link io.github.deepseekspring.rag.query.ConversationQueryExpansion} adds the earlier questions to a follow-up;
 * with a chat model, {@link io.github.deepseekspring.rag.query.ModelQueryExpansion} also rewrites it to stand alone
 * and translates it into the knowledge base's other language, in one short cached call.
 */
package io.github.deepseekspring.rag.query;

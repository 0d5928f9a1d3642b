/**
 * Text analysis done by the library itself, identical for both stores: CJK bigram segmentation (the default
 * Elasticsearch distribution has no Chinese analyzer) and recognition of product and error codes.
 */
package io.github.deepseekspring.rag.text;

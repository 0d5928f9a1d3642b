/**
 * Personal data in prompts: a detector for Chinese and international formats, masking, and the privacy modes the
 * chat model applies before routing.
 */
package io.github.deepseekspring.model.privacy;

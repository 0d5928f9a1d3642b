package io.github.deepseekspring.testkit;

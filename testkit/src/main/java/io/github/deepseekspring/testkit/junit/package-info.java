/** JUnit 5 support: {@link io.github.deepseekspring.testkit.junit.SimulatorsExtension} injects the simulators. */
package io.github.deepseekspring.testkit.junit;

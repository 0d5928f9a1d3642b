package io.github.deepseekspring.rag.app.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.github.deepseekspring.autoconfigure.DeepSeekProperties;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.BindMethod;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Binds deployment settings the way the app does: environment variables through Spring's relaxed binding onto the
 * real {@code @ConfigurationProperties} classes (the starter's {@link DeepSeekProperties} and every one of the app),
 * and {@code spring.*} and {@code server.*} names against Spring Boot's configuration metadata. A variable that binds
 * to nothing is a typo the app would silently ignore; a value that does not convert fails here as it would at
 * start-up.
 */
final class EnvironmentBinding {

	/** Read by the JVM, not by Spring. */
	private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "TZ");

	private static final List<Class<?>> PROPERTIES_CLASSES = propertiesClasses();

	private static final Set<String> SPRING_METADATA = springMetadataNames();

	private EnvironmentBinding() {
	}

	/** The variables (of an environment a container gets) that bind to no property; empty when all do. */
	static Set<String> unboundVariables(Map<String, String> environment) {
		var source = new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
				Map.copyOf(environment));
		Set<String> bound = new TreeSet<>();
		for (Object origin : boundOrigins(source)) {
			if (origin instanceof PropertySourceOrigin propertyOrigin) {
				bound.add(propertyOrigin.getPropertyName());
			}
		}
		Set<String> unbound = new TreeSet<>();
		environment.forEach((name, value) -> {
			if (!JVM_VARIABLES.contains(name) && !bound.contains(name) && !inSpringMetadata(name, value)) {
				unbound.add(name + "=" + value);
			}
		});
		return unbound;
	}

	/** The keys of a properties file that bind to no property; empty when all do. */
	static Set<String> unboundProperties(Map<String, Object> properties) {
		Set<String> unbound = new TreeSet<>();
		properties.forEach((name, value) -> {
			if (!binds(new MapPropertySource("file", Map.of(name, value)))) {
				unbound.add(name);
			}
		});
		return unbound;
	}

	/** Binds every properties class to the whole environment at once: conversion and validation must pass. */
	static void bindAll(Map<String, String> environment) {
		Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(environment))));
		for (Class<?> type : PROPERTIES_CLASSES) {
			bind(binder, type, BindHandler.DEFAULT);
		}
	}

	private static boolean binds(PropertySource<?> propertySource) {
		return !boundOrigins(propertySource).isEmpty();
	}

	/** Binds every properties class to the source; the origins of the values that were used. */
	private static List<Object> boundOrigins(PropertySource<?> propertySource) {
		List<Object> origins = new ArrayList<>();
		BindHandler recording = new AbstractBindHandler() {
			@Override
			public Object onSuccess(ConfigurationPropertyName name, Bindable<?> target, BindContext context,
					Object result) {
				if (context.getConfigurationProperty() != null) {
					origins.add(context.getConfigurationProperty().getOrigin());
				}
				return result;
			}
		};
		Binder binder = new Binder(ConfigurationPropertySources.from(propertySource));
		for (Class<?> type : PROPERTIES_CLASSES) {
			bind(binder, type, recording);
		}
		return origins;
	}

	/** Whether a variable maps to a spring.* or server.* property of the configuration metadata. */
	private static boolean inSpringMetadata(String name, String value) {
		ConfigurationPropertySource source = ConfigurationPropertySources
			.from(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of(name, value)))
			.iterator()
			.next();
		return SPRING_METADATA.stream()
			.anyMatch((property) -> source.getConfigurationProperty(ConfigurationPropertyName.of(property)) != null);
	}

	private static void bind(Binder binder, Class<?> type, BindHandler handler) {
		String prefix = prefix(type);
		if (type == DeepSeekProperties.class) {
			// The starter's properties validate themselves (routing, URLs, durations) as they do at start-up.
			binder.bind(prefix, Bindable.ofInstance(new DeepSeekProperties()),
					new ValidationBindHandler(handler, new DeepSeekProperties()));
		}
		else if (type.isRecord()) {
			binder.bind(prefix, Bindable.of(type).withBindMethod(BindMethod.VALUE_OBJECT), handler);
		}
		else {
			binder.bind(prefix, Bindable.of(type), handler);
		}
	}

	private static String prefix(Class<?> type) {
		ConfigurationProperties annotation = type.getAnnotation(ConfigurationProperties.class);
		return annotation.prefix().isEmpty() ? annotation.value() : annotation.prefix();
	}

	/** The starter's properties and every {@code @ConfigurationProperties} class of the app. */
	private static List<Class<?>> propertiesClasses() {
		List<Class<?>> types = new ArrayList<>();
		types.add(DeepSeekProperties.class);
		var scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
		for (var candidate : scanner.findCandidateComponents("io.github.deepseekspring.rag")) {
			types.add(ClassUtils.resolveClassName(candidate.getBeanClassName(), null));
		}
		return Collections.unmodifiableList(types);
	}

	/** Property names in Spring Boot's (and the app's additional) configuration metadata on the classpath. */
	private static Set<String> springMetadataNames() {
		Set<String> names = new TreeSet<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (String resource : List.of("META-INF/spring-configuration-metadata.json",
				"META-INF/additional-spring-configuration-metadata.json")) {
			try {
				for (URL url : Collections.list(EnvironmentBinding.class.getClassLoader().getResources(resource))) {
					try (InputStream in = url.openStream()) {
						for (JsonNode property : mapper.readTree(in).path("properties")) {
							String name = property.path("name").asString();
							if ((name.startsWith("spring.") || name.startsWith("server."))
									&& ConfigurationPropertyName.isValid(name)) {
								names.add(name);
							}
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return names;
	}

}

# syntax=docker/dockerfile:1.7
# The customer-service application (rag-app) as a container image.
#   docker build -t deepseek-rag-app .
# Stage 1 builds the Boot jar with Maven; stage 2 extracts its layers; stage 3 runs it on a JRE 21 as a
# non-root user. BuildKit's cache mount keeps ~/.m2 between builds, so only changed modules are rebuilt and
# nothing is downloaded twice.

# ---- build ----
FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /workspace
# Only what the build reads (the rest is kept out by .dockerignore too): poms, then sources.
COPY pom.xml ./
COPY testkit/pom.xml testkit/
COPY local-runtime/pom.xml local-runtime/
COPY model/pom.xml model/
COPY autoconfigure/pom.xml autoconfigure/
COPY starter/pom.xml starter/
COPY rag/pom.xml rag/
COPY rag-starter/pom.xml rag-starter/
COPY rag-app/pom.xml rag-app/
COPY benchmarks/pom.xml benchmarks/
COPY benchmarks-spring-ai/pom.xml benchmarks-spring-ai/
COPY testkit/src testkit/src
COPY local-runtime/src local-runtime/src
COPY model/src model/src
COPY autoconfigure/src autoconfigure/src
COPY starter/src starter/src
COPY rag/src rag/src
COPY rag-app/src rag-app/src
# Tests run in CI (mvn verify), not in the image build. The testkit is built because rag-app's tests name it.
RUN --mount=type=cache,target=/root/.m2 \
    mvn -B -ntp -pl rag-app -am package -Dmaven.test.skip=true \
    && cp rag-app/target/deepseek-rag-app-*.jar /workspace/application.jar

# ---- extract the layered jar (Spring Boot's tools jar mode) ----
FROM eclipse-temurin:21.0.8_9-jre-noble AS extract
WORKDIR /extract
COPY --from=build /workspace/application.jar application.jar
RUN java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

# ---- runtime ----
FROM eclipse-temurin:21.0.8_9-jre-noble
LABEL org.opencontainers.image.title="deepseek-rag-app" \
      org.opencontainers.image.description="Customer-service knowledge base and chat on the DeepSeek Spring Boot starter"
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
    && mkdir -p /app/data /app/config \
    && chown -R app:app /app/data
WORKDIR /app
# Least to most often changed, so a code change rebuilds only the last, small layer.
COPY --from=extract /extract/extracted/dependencies/ ./
COPY --from=extract /extract/extracted/spring-boot-loader/ ./
COPY --from=extract /extract/extracted/snapshot-dependencies/ ./
COPY --from=extract /extract/extracted/application/ ./
USER 10001:10001

# Container-aware memory: the heap takes a share of the container's limit, not of the host. The rest is left
# for metaspace, thread stacks and the in-process embedding model (ONNX Runtime allocates outside the heap).
# Override with JAVA_TOOL_OPTIONS at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=25 -XX:+ExitOnOutOfMemoryError -XX:+UseG1GC" \
    DEEPSEEK_RAG_DATA_DIR=/app/data \
    SERVER_PORT=8080
VOLUME /app/data
EXPOSE 8080

# Readiness, not the whole /actuator/health: the latter includes the DeepSeek API and the GPU runtime, and the
# app keeps serving (from the knowledge base alone) while they are away. No curl in the image: bash speaks HTTP.
HEALTHCHECK --interval=15s --timeout=5s --start-period=120s --retries=4 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVER_PORT} && printf 'GET /actuator/health/readiness HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]

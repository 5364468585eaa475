# Build: the same Maven build as CI, without the tests (run them with `mvn -B verify`).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY openapi.yaml .
COPY contract contract
COPY db db
COPY i18n i18n
COPY src/main src/main
RUN mvn -B -q -DskipTests package

# Run: a JRE and the one jar (heap flags as in the README's run command: under 350 MB resident). In a container the database is external: set DB_HOST and friends.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /var/lib/moeen --create-home moeen \
    && mkdir /var/lib/moeen/keys && chown moeen /var/lib/moeen/keys
# /var/lib/moeen/keys: where a cluster's nodes share their token signing keys (compose.yaml's volume)
USER moeen
WORKDIR /var/lib/moeen
COPY --from=build /src/target/moeen.jar /opt/moeen/moeen.jar
COPY src/main/cds/moeen.classlist /opt/moeen/moeen.classlist
# class-data sharing, made by this image's own JVM for this jar path (see pom.xml, class-data-archive)
USER root
RUN java -Xshare:dump -XX:SharedClassListFile=/opt/moeen/moeen.classlist -XX:SharedArchiveFile=/opt/moeen/moeen.jsa \
      -XX:+UseSerialGC -Xlog:cds=off -cp /opt/moeen/moeen.jar >/dev/null
USER moeen
ENV HTTP_PORT=8080 \
    MOEEN_DATA_DIR=/var/lib/moeen/data \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms64m -Xmx256m -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
# with MOEEN_CLUSTER=on: Hazelcast (MOEEN_CLUSTER_PORT) and the event bus (MOEEN_CLUSTER_BUS_PORT)
EXPOSE 5701 5801
# Orchestrators: liveness GET /health/live, readiness GET /health/ready (database, and Redis when set).
# exec form: SIGTERM reaches the JVM, which stops taking requests and finishes those in flight
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/opt/moeen/moeen.jsa", "-jar", "/opt/moeen/moeen.jar"]

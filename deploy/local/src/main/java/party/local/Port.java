package party.local;

/** Every port the local platform listens on, each changeable with {@code -Dplatform.port.<key>=<port>}. */
public enum Port {
    GATEWAY("gateway", 8080),
    /** the gateway's health and metrics, apart from the public port */
    GATEWAY_MANAGEMENT("gateway-management", 9000),
    KEYCLOAK("keycloak", 8180),
    ASSESSMENT("assessment", 8081),
    RECTIFICATION("rectification", 8082),
    BALLOT("ballot", 8083),
    WEBHOOK("webhook", 8084),
    KAFKA("kafka", 9092),
    KAFKA_CONTROLLER("kafka-controller", 9093),
    POSTGRES("postgres", 15432);

    final String key;
    final int defaultPort;

    Port(String key, int defaultPort) {
        this.key = key;
        this.defaultPort = defaultPort;
    }

    public String property() {
        return "platform.port." + key;
    }
}

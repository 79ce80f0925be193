package party.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/k8s without a cluster: every document is a well-formed resource in the party namespace; the services
 * have health probes, resource requests, an autoscaler and the variables they read; the operators' resources
 * cover every topic and database; the realm import is party-realm.json without its demo users.
 */
class KubernetesManifestsTest {

    private static final Path K8S = ServiceSettings.ROOT.resolve("deploy/k8s");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<JsonNode> RESOURCES = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (Stream<Path> files = Files.list(K8S)) {
            for (Path file : files.sorted().toList()) {
                try (var parser = YAML.getFactory().createParser(file.toFile())) {
                    YAML.readValues(parser, JsonNode.class).readAll().stream()
                            .filter(doc -> doc != null && !doc.isNull() && !doc.isEmpty()).forEach(RESOURCES::add);
                }
            }
        }
    }

    private static List<JsonNode> ofKind(String kind) {
        return RESOURCES.stream().filter(r -> kind.equals(r.path("kind").asText())).toList();
    }

    private static JsonNode named(String kind, String name) {
        return ofKind(kind).stream().filter(r -> name.equals(r.path("metadata").path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    @Test
    void everyDocumentIsAResourceInThePartyNamespace() {
        assertThat(RESOURCES).hasSizeGreaterThan(20);
        for (JsonNode resource : RESOURCES) {
            assertThat(resource.path("apiVersion").asText()).as(resource.toString()).isNotBlank();
            assertThat(resource.path("metadata").path("name").asText()).isNotBlank();
            if (!"Namespace".equals(resource.path("kind").asText())) {
                assertThat(resource.path("metadata").path("namespace").asText()).as(resource.path("metadata").toString())
                        .isEqualTo("party");
            }
        }
    }

    @Test
    void everyServiceIsProbedBoundedAutoscaledAndConfiguredWithWhatItReads() {
        for (String service : ServiceSettings.SERVICES) {
            JsonNode deployment = named("Deployment", service);
            JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
            assertThat(container.path("image").asText()).isEqualTo("party/" + service + ":0.1.0");
            assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
            assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
            assertThat(container.path("resources").path("requests").has("cpu")).isTrue();
            assertThat(container.path("resources").path("requests").has("memory")).isTrue();
            assertThat(container.path("resources").path("limits").has("memory")).as("a bounded heap needs a bound").isTrue();

            ServiceSettings settings = ServiceSettings.of(service);
            List<String> unread = new ArrayList<>();
            container.path("env").forEach(env -> {
                if (!settings.reads(env.path("name").asText())) {
                    unread.add(env.path("name").asText());
                }
                String secret = env.path("valueFrom").path("secretKeyRef").path("name").asText();
                if (secret.endsWith("-app")) { // CloudNativePG names its secrets <cluster>-app
                    named("Cluster", secret.substring(0, secret.length() - "-app".length()));
                }
            });
            assertThat(unread).as("variables the %s Deployment sets that it never reads", service).isEmpty();

            JsonNode autoscaler = named("HorizontalPodAutoscaler", service);
            assertThat(autoscaler.path("spec").path("scaleTargetRef").path("name").asText()).isEqualTo(service);
            assertThat(autoscaler.path("spec").path("minReplicas").asInt()).isGreaterThanOrEqualTo(2);
            int port = container.path("ports").get(0).path("containerPort").asInt();
            assertThat(named("Service", service).path("spec").path("ports").get(0).path("port").asInt()).isEqualTo(port);
        }
        JsonNode ingress = ofKind("Ingress").get(0);
        assertThat(ingress.findValues("service").stream().map(s -> s.path("name").asText()).collect(Collectors.toSet()))
                .containsExactly("gateway");
    }

    @Test
    void everyTopicIsAStrimziTopicWithPartitionsAndReplication() {
        Set<String> declared = ofKind("KafkaTopic").stream().map(t -> t.path("spec").path("topicName").asText())
                .collect(Collectors.toSet());
        assertThat(declared).containsAll(Topics.platform()).containsAll(Topics.deadLetter());
        for (JsonNode topic : ofKind("KafkaTopic")) {
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("party-kafka");
            assertThat(topic.path("spec").path("partitions").asInt()).isPositive();
            assertThat(topic.path("spec").path("replicas").asInt()).isEqualTo(3);
        }
        assertThat(named("KafkaTopic", "org-units").path("spec").path("config").path("cleanup.policy").asText())
                .isEqualTo("compact");
        assertThat(named("Kafka", "party-kafka").path("metadata").path("annotations").path("strimzi.io/kraft").asText())
                .isEqualTo("enabled");
    }

    @Test
    void theRealmImportIsTheLocalRealmWithoutDemoUsersOrSecretsSigningInAtTheIngress() throws IOException {
        ObjectNode realm = (ObjectNode) new ObjectMapper().readTree(ServiceSettings.ROOT.resolve("deploy/keycloak/party-realm.json").toFile());
        var users = realm.withArray("users");
        for (int i = users.size() - 1; i >= 0; i--) {
            if (!users.get(i).path("username").asText().startsWith("service-account-")) {
                users.remove(i);
            }
        }
        var clients = realm.withArray("clients");
        for (int i = clients.size() - 1; i >= 0; i--) {
            if (clients.get(i).path("clientId").asText().equals("local-demo")) { // the password grant: local only
                clients.remove(i);
            }
        }
        realm.withArray("clients").forEach(client -> ((ObjectNode) client).remove("secret"));
        // people sign in on the phone pages at the Ingress's host, not at the local gateway's address
        String host = named("Ingress", "gateway").path("spec").path("rules").get(0).path("host").asText();
        realm.withArray("clients").forEach(client -> {
            if (client.path("clientId").asText().equals("mobile")) {
                ((ObjectNode) client).putArray("redirectUris").add("https://" + host + "/*");
            }
        });
        if (Boolean.getBoolean("deploy.regenerate")) { // mvn -pl deploy/descriptors test -Ddeploy.regenerate=true
            regenerate(realm);
        }

        JsonNode realmImport = named("KeycloakRealmImport", "party");
        assertThat(realmImport.path("spec").path("keycloakCRName").asText()).isEqualTo(named("Keycloak", "party-keycloak")
                .path("metadata").path("name").asText());
        assertThat(realmImport.path("spec").path("realm")).as("regenerate deploy/k8s/31-keycloak-realm.json (docs/deploy.md)")
                .isEqualTo(realm);
        assertThat(realmImport.toString()).doesNotContain("\"password\"", "local-demo-secret");
    }

    @Test
    void theGatewaysHealthAndMetricsAreOnItsManagementPortWhichNoServiceExposes() {
        JsonNode container = named("Deployment", "gateway").path("spec").path("template").path("spec")
                .path("containers").get(0);
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("port").asText()).as(probe).isEqualTo("management");
        }
        assertThat(named("Service", "gateway").path("spec").path("ports").findValuesAsText("targetPort"))
                .containsExactly("http");
        // and only the ingress controller reaches the public port, only monitoring the management port
        JsonNode policy = named("NetworkPolicy", "gateway-behind-the-ingress").path("spec");
        assertThat(policy.path("podSelector").path("matchLabels").path("app").asText()).isEqualTo("gateway");
        var admitted = new HashMap<String, String>();
        policy.path("ingress").forEach(rule -> admitted.put(rule.path("ports").get(0).path("port").asText(),
                rule.path("from").get(0).path("namespaceSelector").path("matchLabels")
                        .path("kubernetes.io/metadata.name").asText()));
        assertThat(admitted).containsExactlyInAnyOrderEntriesOf(Map.of("http", "ingress-nginx",
                "management", "monitoring"));
    }

    @Test
    void theClusterRealmLocksGuessedAccountsAndKeepsTokensShortWithNoPasswordGrant() {
        JsonNode realm = named("KeycloakRealmImport", "party").path("spec").path("realm");
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.path("failureFactor").asInt()).isBetween(1, 10);
        assertThat(realm.path("passwordPolicy").asText()).contains("length(10)", "notUsername", "passwordHistory");
        assertThat(realm.path("accessTokenLifespan").asInt()).as("sign-out takes effect within this (decision 019)")
                .isBetween(1, 30);
        for (JsonNode client : realm.path("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(client.path("clientId").asText())
                    .isFalse();
            assertThat(client.path("attributes").path("access.token.lifespan").isMissingNode())
                    .as("no client outlives the realm's lifespan").isTrue();
        }
    }

    private static void regenerate(ObjectNode realm) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realmImport = json.createObjectNode().put("apiVersion", "k8s.keycloak.org/v2alpha1")
                .put("kind", "KeycloakRealmImport");
        realmImport.putObject("metadata").put("name", "party").put("namespace", "party");
        realmImport.putObject("spec").put("keycloakCRName", "party-keycloak").set("realm", realm);
        Path file = K8S.resolve("31-keycloak-realm.json");
        Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(realmImport) + "\n");
        RESOURCES.removeIf(r -> "KeycloakRealmImport".equals(r.path("kind").asText()));
        RESOURCES.add(realmImport);
    }
}

package org.opencdp.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The kustomize manifests parse into valid typed objects and keep the deployment rules of DESIGN.md. */
class KubernetesManifestsTest {
    private static final Path K8S = Path.of(System.getProperty("cdp.repo", "..")).resolve("k8s");
    private static final List<String> SERVICES =
            List.of("gateway", "crm-service", "dmp-service", "profile-service", "segment-service");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET|PRIVATE|CONNECTION_STRING).*");

    @Test
    void everyServiceHasItsObjectsAndSafeDeployment() throws IOException {
        List<HasMetadata> base = load(K8S.resolve("base"));
        for (String service : SERVICES) {
            for (String kind : List.of("Deployment", "Service", "ServiceAccount", "ConfigMap")) {
                assertTrue(base.stream().anyMatch(o -> o.getKind().equals(kind)
                        && o.getMetadata().getName().equals(service)), service + " lacks a " + kind);
            }
            Deployment d = (Deployment) base.stream().filter(o -> o instanceof Deployment
                    && o.getMetadata().getName().equals(service)).findFirst().orElseThrow();
            Map<String, String> labels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertEquals(service, labels.get("app.kubernetes.io/name"));
            assertEquals("opencdp", labels.get("app.kubernetes.io/part-of"));
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), service);
            Container c = pod.getContainers().get(0);
            assertEquals("/q/health/live", c.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", c.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/started", c.getStartupProbe().getHttpGet().getPath());
            assertNotNull(c.getResources().getLimits().get("memory"), service + " memory limit");
            assertNotNull(c.getResources().getRequests().get("cpu"), service + " cpu request");
            assertEquals(Boolean.TRUE, c.getSecurityContext().getReadOnlyRootFilesystem(), service);
            assertEquals(Boolean.FALSE, c.getSecurityContext().getAllowPrivilegeEscalation(), service);
            assertTrue(c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")), service + " /tmp");
            for (EnvVar env : c.getEnv()) {
                if (SECRET_NAME.matcher(env.getName()).matches()) {
                    assertTrue(env.getValue() == null && env.getValueFrom().getSecretKeyRef() != null,
                            service + " takes " + env.getName() + " from a Secret, never a plain value");
                }
            }
        }
    }

    @Test
    void productionDeniesAllTrafficButTheNamedPathsAndExposesOnlyTheGateway() throws IOException {
        List<HasMetadata> policies = load(K8S.resolve("components/network-policies"));
        NetworkPolicy deny = (NetworkPolicy) policies.stream()
                .filter(o -> o.getMetadata().getName().equals("default-deny-all")).findFirst().orElseThrow();
        assertTrue(deny.getSpec().getPodSelector().getMatchLabels() == null
                || deny.getSpec().getPodSelector().getMatchLabels().isEmpty());
        assertEquals(List.of("Ingress", "Egress"), deny.getSpec().getPolicyTypes());
        List<HasMetadata> prod = load(K8S.resolve("overlays/prod"));
        List<Ingress> ingresses = prod.stream().filter(Ingress.class::isInstance).map(Ingress.class::cast).toList();
        assertEquals(1, ingresses.size());
        ingresses.get(0).getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path ->
                assertEquals("gateway", path.getBackend().getService().getName())));
        assertTrue(prod.stream().anyMatch(o -> o.getKind().equals("HorizontalPodAutoscaler")));
        assertTrue(prod.stream().anyMatch(o -> o.getKind().equals("PodDisruptionBudget")));
    }

    @Test
    void kustomizationsListOnlyFilesThatExist() throws IOException {
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path k : files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList()) {
                Map<?, ?> doc = Serialization.unmarshal(Files.readString(k), Map.class);
                for (String key : List.of("resources", "components")) {
                    Object list = doc.get(key);
                    if (list instanceof List<?> entries) {
                        for (Object entry : entries) {
                            assertTrue(Files.exists(k.getParent().resolve(entry.toString())), k + " -> " + entry);
                        }
                    }
                }
            }
        }
    }

    private static List<HasMetadata> load(Path dir) throws IOException {
        List<HasMetadata> objects = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")
                    && !f.getFileName().toString().equals("kustomization.yaml")).sorted().toList()) {
                for (String doc : Files.readString(file).split("(?m)^---\\s*$")) {
                    if (doc.lines().anyMatch(l -> l.startsWith("kind:"))) {
                        HasMetadata object = Serialization.unmarshal(doc, HasMetadata.class);
                        assertNotNull(object.getMetadata().getName(), file + " object without a name");
                        objects.add(object);
                    }
                }
            }
        }
        assertFalse(objects.isEmpty(), "no manifests in " + dir);
        return objects;
    }
}

package party.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The structure every service keeps, checked on its compiled classes: capability packages without cycles, pure cores
 * without frameworks, resources that translate HTTP and persist nothing, and no service reaching into another. A
 * service's test extends this, names itself, and checks its pure cores with {@link #coresUseNoFramework}.
 */
public abstract class ServiceStructure {

    private static final List<String> SERVICES = List.of("assessment", "rectification", "ballot", "webhook");
    private static final String[] FRAMEWORKS = {"jakarta..", "javax.persistence..", "io.quarkus..", "org.hibernate..",
            "io.smallrye..", "io.vertx..", "org.eclipse.microprofile.."};
    private static final String PANACHE_ENTITY = "io.quarkus.hibernate.orm.panache.PanacheEntityBase";

    private final String service;
    private final JavaClasses classes;

    /** @param service the service's package under {@code party}, e.g. {@code ballot} */
    protected ServiceStructure(String service) {
        this.service = service;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("party." + service);
    }

    @Test
    void capabilitiesFormNoCycles() {
        slices().matching("party." + service + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    /** @param cores packages under the service, e.g. {@code tally}, holding rules that need no container */
    protected void coresUseNoFramework(String... cores) {
        noClasses().that().resideInAnyPackage(Arrays.stream(cores).map(core -> "party." + service + "." + core + "..")
                        .toArray(String[]::new))
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORKS)
                .because("a pure core is tested with plain JUnit and reads without knowing the framework")
                .check(classes);
    }

    @Test
    void resourcesPersistNothing() {
        noClasses().that().areAnnotatedWith("jakarta.ws.rs.Path")
                .should().callMethodWhere(DescribedPredicate.describe("a Panache write",
                        (JavaMethodCall call) -> call.getTargetOwner().isAssignableTo(PANACHE_ENTITY)
                                && call.getName().matches("persist.*|delete.*|update")))
                .orShould().dependOnClassesThat().areAssignableTo("jakarta.persistence.EntityManager")
                .because("a resource translates HTTP; services and the domain change state")
                .check(classes);
    }

    @Test
    void noOtherServiceIsUsed() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .filter(other -> !other.equals(service)).map(other -> "party." + other + "..")
                        .toArray(String[]::new))
                .because("services share only platform-common and events on Kafka")
                .check(classes);
    }
}

package io.agentassist.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency rules the house style writes down: app → core ← knowledge-index, core free of JavaFX and
 * Lucene, view models free of scene-graph classes, LangChain4j only in the wiring. They run in the app module
 * because only there are all three modules on the class path.
 */
@AnalyzeClasses(packages = "io.agentassist", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String CORE = "io.agentassist.core..";
    private static final String KNOWLEDGE_INDEX = "io.agentassist.knowledge..";
    private static final String APP = "io.agentassist.app..";

    /** A rule over classes that were never imported passes silently; make sure all three modules are seen. */
    @ArchTest
    static void theRulesSeeAllThreeModules(JavaClasses classes) {
        assertThat(classes.containPackage("io.agentassist.core.knowledge")).as("core").isTrue();
        assertThat(classes.containPackage("io.agentassist.knowledge.search")).as("knowledge-index").isTrue();
        assertThat(classes.containPackage("io.agentassist.app.workspace")).as("app").isTrue();
    }

    @ArchTest
    static final ArchRule coreUsesNeitherJavaFxNorLucene = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.apache.lucene..")
            .because("core is the domain: it must run without a window and without a search engine");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
            .because("view models hold state and commands and are tested without a window")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyTheWiringUsesLangChain4j = noClasses()
            .that().resideInAPackage(APP).and().resideOutsideOfPackage("io.agentassist.app.wiring..")
            .should().dependOnClassesThat().resideInAPackage("dev.langchain4j..")
            .because("the app reaches language models through core's ports; the wiring picks the implementation");

    @ArchTest
    static final ArchRule knowledgeIndexDoesNotDependOnTheApp = noClasses()
            .that().resideInAPackage(KNOWLEDGE_INDEX)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("the knowledge index is a library the app uses, never the other way round");

    @ArchTest
    static final ArchRule coreDependsOnNeitherKnowledgeIndexNorApp = noClasses()
            .that().resideInAPackage(CORE)
            .should().dependOnClassesThat().resideInAnyPackage(KNOWLEDGE_INDEX, APP)
            .because("dependencies point inwards: app -> core <- knowledge-index");

    /**
     * The approval gate relies on package-private access (only {@code core.approval} may construct an
     * {@code ApprovedReply}); a class of another module declared in a core package would get that access.
     */
    @ArchTest
    static final ArchRule onlyCoreDeclaresClassesInCorePackages = classes()
            .that().resideInAPackage(CORE)
            .should(new ArchCondition<JavaClass>("come from the core module") {
                @Override
                public void check(JavaClass javaClass, ConditionEvents events) {
                    String location = javaClass.getSource().map(source -> source.getUri().toString()).orElse("");
                    boolean fromCore = location.contains("/core/target/") || location.matches(".*/core-[^/]*\\.jar!.*");
                    if (!fromCore) {
                        events.add(SimpleConditionEvent.violated(javaClass,
                                javaClass.getName() + " is in a core package but comes from " + location));
                    }
                }
            })
            .because("package-private access in core (the approval gate) must not be reachable from other modules");
}

package io.agentassist.core.approval;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.agentassist.core.outbound.Delivery;
import io.agentassist.core.outbound.OutboundChannel;
import io.agentassist.core.outbound.TicketAppender;
import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * House rule 4, "only the approval package constructs an ApprovedReply; the outbound channel accepts nothing
 * else", checked on core's compiled classes. {@code ApprovalGateTest} shows that each rule that a class can
 * break does report a violation, so none of them passes for want of anything to look at.
 */
@AnalyzeClasses(packages = "io.agentassist.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ApprovalArchitectureTest {
    static final String CORE = "io.agentassist.core..";
    static final String APPROVAL = "io.agentassist.core.approval";
    /** Names that say "this sends something somewhere" (when the method takes what to send: not Customer.email()). */
    static final String SEND_LIKE = "(send|deliver|transmit|forward|mail|email)([A-Z].*)?";

    @ArchTest
    static void theRulesSeeTheApprovalAndOutboundClasses(JavaClasses classes) {
        assertThat(classes.contain(ApprovedReply.class)).isTrue();
        assertThat(classes.contain(ApprovalService.class)).isTrue();
        assertThat(classes.contain(OutboundChannel.class)).isTrue();
        // The constructor rules look at real constructions: both legitimate callers are seen.
        assertThat(classes.get(ApprovedReply.class).getConstructors())
                .flatExtracting(JavaConstructor::getAccessesToSelf)
                .extracting(access -> access.getOriginOwner().getName())
                .containsOnly(ApprovalService.class.getName(), Outbox.class.getName());
    }

    @ArchTest
    static final ArchRule onlyTheApprovalPackageConstructsAnApprovedReply = constructors()
            .that().areDeclaredIn(ApprovedReply.class)
            .should(onlyBeAccessedByClassesThat(resideInAPackage(APPROVAL)))
            .because("an approved reply is proof of an agent's approval; code elsewhere must not mint one");

    @ArchTest
    static final ArchRule onlyApprovalServiceAndTheOutboxConstructAnApprovedReply = constructors()
            .that().areDeclaredIn(ApprovedReply.class)
            .should(onlyBeAccessedByClassesThat(equivalentTo(ApprovalService.class).or(equivalentTo(Outbox.class))))
            .because("ApprovalService makes new approvals from an AgentApproval; the outbox only reads back the"
                    + " replies it stored");

    @ArchTest
    static final ArchRule theApprovedReplyConstructorIsNotPublic = constructors()
            .that().areDeclaredIn(ApprovedReply.class)
            .should().notBePublic().andShould().notBeProtected()
            .because("a visible constructor would let any code claim an approval");

    @ArchTest
    static final ArchRule anApprovedReplyCannotBeSubclassedClonedOrDeserialized = classes()
            .that().belongToAnyOf(ApprovedReply.class)
            .should().haveModifier(JavaModifier.FINAL)
            .andShould().notBeAssignableTo(Serializable.class)
            .andShould().notBeAssignableTo(Cloneable.class)
            .because("each of these makes instances without the package-private constructor");

    @ArchTest
    static final ArchRule onlyApprovalServiceHandsOutNewApprovedReplies = methods()
            .that(areNotPrivate()).and(returnATypeInvolving(ApprovedReply.class))
            .should(beOneOf(
                    "io.agentassist.core.approval.ApprovalService.approve(io.agentassist.core.approval.AgentApproval)",
                    "io.agentassist.core.approval.Outbox.pending(int)"))
            .because("a public factory, a 'with' method or a holder would be a way to an ApprovedReply that"
                    + " skips the approval; the outbox hands back only what it stored")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule theOutboundPortsTakeNothingButAnApprovedReply = methods()
            .that().areDeclaredInClassesThat().belongToAnyOf(OutboundChannel.class, Delivery.class,
                    TicketAppender.class)
            .should().haveRawParameterTypes(ApprovedReply.class)
            .because("whatever leaves through these ports must have been approved");

    @ArchTest
    static void outboundChannelHasExactlyOneMethodSendingAnApprovedReply(JavaClasses classes) {
        JavaClass channel = classes.get(OutboundChannel.class);

        assertThat(channel.isInterface()).isTrue();
        assertThat(channel.getRawInterfaces()).as("inherited methods").isEmpty();
        assertThat(channel.getMethods()).singleElement().satisfies(send -> {
            assertThat(send.getName()).isEqualTo("send");
            assertThat(send.getRawParameterTypes()).extracting(JavaClass::getName)
                    .containsExactly(ApprovedReply.class.getName());
            assertThat(send.getRawReturnType().getName()).isEqualTo("void");
        });
    }

    @ArchTest
    static final ArchRule sendLikeMethodsInCoreTakeOnlyAnApprovedReply = methods()
            .that().areDeclaredInClassesThat().resideInAPackage(CORE)
            .and().arePublic()
            .and().haveNameMatching(SEND_LIKE)
            .and(takeParameters())
            .should().haveRawParameterTypes(ApprovedReply.class)
            .because("a public send(String) anywhere in core would be a way around the approval")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule onlyADeliveryTalksToAMailServer = noClasses()
            .that().resideInAPackage(CORE).and().doNotImplement(Delivery.class)
            .should().dependOnClassesThat().areAssignableTo("jakarta.mail.Transport")
            .because("core can send e-mail (Angus Mail is a dependency), and only a Delivery, which receives"
                    + " approved replies from the outbox, may");

    private static ArchCondition<JavaConstructor> onlyBeAccessedByClassesThat(
            DescribedPredicate<? super JavaClass> allowed) {
        return new ArchCondition<>("only be called or referenced by classes that " + allowed.getDescription()) {
            @Override
            public void check(JavaConstructor constructor, ConditionEvents events) {
                for (JavaAccess<?> access : constructor.getAccessesToSelf()) {
                    if (!allowed.test(access.getOriginOwner())) {
                        events.add(SimpleConditionEvent.violated(access, access.getDescription()));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaMethod> areNotPrivate() {
        return DescribedPredicate.describe("are not private",
                method -> !method.getModifiers().contains(JavaModifier.PRIVATE));
    }

    private static DescribedPredicate<JavaMethod> takeParameters() {
        return DescribedPredicate.describe("take parameters", method -> !method.getRawParameterTypes().isEmpty());
    }

    private static DescribedPredicate<JavaMethod> returnATypeInvolving(Class<?> type) {
        return DescribedPredicate.describe("return a type involving " + type.getSimpleName(),
                method -> method.getReturnType().getAllInvolvedRawTypes().stream()
                        .anyMatch(involved -> involved.isEquivalentTo(type)));
    }

    private static ArchCondition<JavaMethod> beOneOf(String... fullNames) {
        Set<String> allowed = Set.copyOf(List.of(fullNames));
        return new ArchCondition<>("be one of " + allowed) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                if (!allowed.contains(method.getFullName())) {
                    events.add(SimpleConditionEvent.violated(method,
                            method.getDescription() + " returns " + method.getReturnType().getName() + " in "
                                    + method.getSourceCodeLocation()));
                }
            }
        };
    }
}

package io.agentassist.core.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import io.agentassist.core.approval.archfixtures.BypassAttempts;
import io.agentassist.core.outbound.OutboundChannel;
import java.io.Serializable;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The approval gate seen from outside: the running classes offer no way to send without an approval, and the
 * architecture rules that guard this do report code that breaks them.
 */
class ApprovalGateTest {

    @Test
    void approvalIsRequiredBeforeSend() {
        // The way out takes one thing...
        assertThat(OutboundChannel.class.getMethods()).singleElement().satisfies(send -> {
            assertThat(send.getName()).isEqualTo("send");
            assertThat(send.getParameterTypes()).containsExactly(ApprovedReply.class);
        });
        // ...which no code outside the approval package can make: no visible constructor, no factory.
        assertThat(ApprovedReply.class.getConstructors()).isEmpty();
        for (Constructor<?> constructor : ApprovedReply.class.getDeclaredConstructors()) {
            assertThat(Modifier.isProtected(constructor.getModifiers())).as(constructor.toString()).isFalse();
        }
        assertThat(Arrays.stream(ApprovedReply.class.getMethods()).map(Method::getReturnType))
                .doesNotContain(ApprovedReply.class);
        assertThat(Modifier.isFinal(ApprovedReply.class.getModifiers())).isTrue();
        assertThat(ApprovedReply.class.isRecord()).isFalse();
        assertThat(Serializable.class.isAssignableFrom(ApprovedReply.class)).isFalse();
        // The one public way to get a new one is to approve.
        assertThat(Arrays.stream(ApprovalService.class.getMethods())
                .filter(method -> method.getReturnType() == ApprovedReply.class)
                .map(Method::getName)).containsExactly("approve");
    }

    @Test
    void theRulesReportCodeThatBreaksThem() {
        JavaClasses bypass = new ClassFileImporter().importClasses(BypassAttempts.class);

        assertThat(violations(ApprovalArchitectureTest.sendLikeMethodsInCoreTakeOnlyAnApprovedReply, bypass))
                .contains("BypassAttempts.sendText(java.lang.String, java.lang.String)");
        assertThat(violations(ApprovalArchitectureTest.onlyApprovalServiceHandsOutNewApprovedReplies, bypass))
                .contains("BypassAttempts.forward(").contains("BypassAttempts.latest()");
        assertThat(violations(ApprovalArchitectureTest.onlyADeliveryTalksToAMailServer, bypass))
                .contains("BypassAttempts.mailDirectly(").contains("jakarta.mail.Transport");
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return String.join("\n", result.getFailureReport().getDetails());
    }
}

package io.agentassist.core.assist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplyWordingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Maria Lopez         | Maria",
            "Dr. Maria Lopez     | Maria",
            "Frau Dr. Anna Weber | Anna",
            "Lopez, Maria        | Maria",
            "MARIA LOPEZ         | Maria",
            "anne-marie dubois   | Anne-Marie",
            "McKenzie            | McKenzie",
            "J. Smith            | ''",
            "maria@example.com   | ''",
            "''                  | ''"})
    void firstNameIsTheNameAPersonIsGreetedBy(String fullName, String firstName) {
        assertThat(ReplyWording.firstName(fullName)).isEqualTo(firstName);
    }
}

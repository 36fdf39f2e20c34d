package io.agentassist.core.assist.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThirdPersonTest {

    @Test
    void firstPersonIsRetoldAboutTheNamedCustomerOnceThenAsThey() {
        assertThat(ThirdPerson.about("I was charged twice for my order.", "Maria"))
                .isEqualTo("Maria was charged twice for their order.");
        assertThat(ThirdPerson.about("I'm moving next week and I need to change my address.", "Maria"))
                .isEqualTo("Maria is moving next week and they need to change their address.");
        assertThat(ThirdPerson.about("My parcel never reached me.", "Maria"))
                .isEqualTo("Maria's parcel never reached them.");
    }

    @Test
    void theVerbAfterIAgreesWithTheNameButPastTensesAndModalsStay() {
        assertThat(ThirdPerson.about("I need a new invoice.", "Tom")).isEqualTo("Tom needs a new invoice.");
        assertThat(ThirdPerson.about("I really need a new invoice.", "Tom")).isEqualTo("Tom really needs a new invoice.");
        assertThat(ThirdPerson.about("I try every day.", "Tom")).isEqualTo("Tom tries every day.");
        assertThat(ThirdPerson.about("I have to cancel.", "Tom")).isEqualTo("Tom has to cancel.");
        assertThat(ThirdPerson.about("I've tried twice.", "Tom")).isEqualTo("Tom has tried twice.");
        assertThat(ThirdPerson.about("I don't have the code.", "Tom")).isEqualTo("Tom doesn't have the code.");
        assertThat(ThirdPerson.about("I ordered a lamp.", "Tom")).isEqualTo("Tom ordered a lamp.");
        assertThat(ThirdPerson.about("I paid by card.", "Tom")).isEqualTo("Tom paid by card.");
        assertThat(ThirdPerson.about("I can't log in.", "Tom")).isEqualTo("Tom can't log in.");
        assertThat(ThirdPerson.about("I'll be away.", "Tom")).isEqualTo("Tom will be away.");
    }

    @Test
    void aSentenceWithoutFirstPersonIsUnchanged() {
        assertThat(ThirdPerson.about("The parcel arrived damaged.", "Tom")).isEqualTo("The parcel arrived damaged.");
        assertThat(ThirdPerson.about("Das Paket ist nie angekommen.", "Tom")).isEqualTo("Das Paket ist nie angekommen.");
    }
}

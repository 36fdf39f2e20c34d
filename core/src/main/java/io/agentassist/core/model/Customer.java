package io.agentassist.core.model;

import java.util.Objects;

/** The person who wrote in. {@code language} is a BCP 47 tag ("en", "de", "es"); "" when unknown. */
public record Customer(String name, String email, String language) {
    public Customer {
        name = name == null ? "" : name.strip();
        email = email == null ? "" : email.strip();
        language = language == null ? "" : language.strip();
        Objects.requireNonNull(name);
    }
}

package io.agentassist.core.model;

import java.util.Locale;

/** How a ticket reaches us; it sets the register of a reply (e-mail: greeting and sign-off; chat: brief). */
public enum Channel {
    EMAIL,
    CHAT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel parse(String value) {
        if (value != null) {
            for (Channel channel : values()) {
                if (channel.id().equalsIgnoreCase(value.trim())) {
                    return channel;
                }
            }
        }
        throw new IllegalArgumentException("unknown channel \"" + value + "\": expected \"email\" or \"chat\"");
    }
}

package app.bytewise.security;

/** A token just created: {@code token} is the secret, shown to its owner this once and stored nowhere. */
public record NewApiToken(ApiTokenSummary summary, String token) {

    @Override
    public String toString() {
        return "NewApiToken[" + summary + ", token=(hidden)]";
    }
}

package app.bytewise.security;

/**
 * The kinds of user. Spring Security sees them as authorities {@code ROLE_CANDIDATE},
 * {@code ROLE_INSTRUCTOR} and {@code ROLE_ADMINISTRATOR}. An administrator manages accounts (roles,
 * instructor invite codes) and is set up by the operator; no form makes one.
 */
public enum Role {
    CANDIDATE,
    INSTRUCTOR,
    ADMINISTRATOR;

    /** The name used in {@code @RolesAllowed} and {@code hasRole(...)}. */
    public static final String INSTRUCTOR_NAME = "INSTRUCTOR";
    public static final String ADMINISTRATOR_NAME = "ADMINISTRATOR";

    /** How the role is named to people. */
    public String label() {
        return switch (this) {
            case CANDIDATE -> "Candidate";
            case INSTRUCTOR -> "Instructor";
            case ADMINISTRATOR -> "Administrator";
        };
    }

    public String authority() {
        return "ROLE_" + name();
    }
}

package app.bytewise.security;

/** The two kinds of user. Spring Security sees them as authorities {@code ROLE_CANDIDATE} and {@code ROLE_INSTRUCTOR}. */
public enum Role {
    CANDIDATE,
    INSTRUCTOR;

    /** The name used in {@code @RolesAllowed} and {@code hasRole(...)}. */
    public static final String INSTRUCTOR_NAME = "INSTRUCTOR";

    public String authority() {
        return "ROLE_" + name();
    }
}

package app.bytewise.drill;

/** A family of questions: one skill, drawn anew for every seed. */
public interface QuestionTemplate {

    String id();

    Topic topic();

    Difficulty difficulty();

    /** Whether the question can be answered by typing a number (else multiple choice only). */
    boolean numeric();

    Question generate(long seed, QuestionKind kind);
}

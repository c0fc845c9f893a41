package app.bytewise.drill;

/**
 * What identifies a template in the catalog: its stable id (used in question ids and URLs), the
 * topic it drills and its difficulty. Template variants carry one so each family declares them once.
 */
public record TemplateKey(String id, Topic topic, Difficulty difficulty) {
}

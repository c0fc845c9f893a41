package app.bytewise.engine.shortcut;

/**
 * What a shortcut answers for one quantity of an estimate.
 *
 * @param target the quantity it replaces: {@code total}, {@code weights}, {@code kvCache} or {@code modelStates}
 * @param bytes the shortcut's figure in bytes (for the unit shortcuts, the bytes its reading implies)
 */
public record ShortcutFigure(Shortcut shortcut, String target, long bytes) {
}

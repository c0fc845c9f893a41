/**
 * Readers for the headers of real checkpoint files (safetensors, its shard index, GGUF) given as
 * the first bytes a user uploads. Every count, length and depth in the input is checked against
 * the bytes actually present before anything is allocated, so a hostile header ends in an
 * {@link app.bytewise.engine.InvalidInputException}, never an out-of-memory error.
 */
package app.bytewise.engine.checkpoint;

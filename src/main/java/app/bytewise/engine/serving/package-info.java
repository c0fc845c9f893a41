/**
 * Serving engines as they really allocate: one small package per engine profile, each turning a
 * model and that engine's own settings into the caches it would allocate, the startup lines it would
 * log and whether it would start. Pure Java.
 */
package app.bytewise.engine.serving;

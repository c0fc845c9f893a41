/**
 * The estimation engine: exact GPU memory for inference and training, computed from a model's
 * architecture and broken down into named steps. Pure Java: no Spring, no Vaadin, no persistence.
 */
package app.bytewise.engine;

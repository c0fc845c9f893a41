/**
 * Bytewise. Features live in their own packages: the pure cores {@code engine}, {@code quant} and
 * {@code drill} know no framework; {@code progress} and {@code classroom} hold persistence-backed
 * services; {@code ui} and {@code api} are thin adapters over the cores; {@code security} and
 * {@code config} are cross-cutting.
 */
package app.bytewise;

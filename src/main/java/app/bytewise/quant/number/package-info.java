/**
 * Number formats narrower than float32, bit-exact: IEEE binary16, bfloat16 and the OCP 8-bit
 * formats E4M3 and E5M2. Each converts a float32 to its stored bits with round-to-nearest-even and
 * back; the way back is exact.
 */
package app.bytewise.quant.number;

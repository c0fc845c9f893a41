package app.bytewise.engine.checkpoint;

import java.util.List;

/** A GGUF metadata value. Arrays past a size bound keep only their element type and length. */
public sealed interface GgufValue {

    GgufValueType type();

    /** Any integer type; a UINT64 past 2^63 - 1 is held as its two's-complement long. */
    record Int(GgufValueType type, long value) implements GgufValue {

        @Override
        public String toString() {
            return type == GgufValueType.UINT64 ? Long.toUnsignedString(value) : Long.toString(value);
        }
    }

    record Real(GgufValueType type, double value) implements GgufValue {

        @Override
        public String toString() {
            return Double.toString(value);
        }
    }

    record Bool(boolean value) implements GgufValue {

        @Override
        public GgufValueType type() {
            return GgufValueType.BOOL;
        }

        @Override
        public String toString() {
            return Boolean.toString(value);
        }
    }

    record Text(String value) implements GgufValue {

        @Override
        public GgufValueType type() {
            return GgufValueType.STRING;
        }

        @Override
        public String toString() {
            return value;
        }
    }

    /**
     * @param values every element when the array is small, else none (a 150,000-entry token list
     *     is skipped, not kept): see {@link #complete()}
     */
    record Array(GgufValueType elementType, long length, List<GgufValue> values) implements GgufValue {

        public Array {
            values = List.copyOf(values);
        }

        @Override
        public GgufValueType type() {
            return GgufValueType.ARRAY;
        }

        public boolean complete() {
            return values.size() == length;
        }

        @Override
        public String toString() {
            return complete() ? values.toString() : "[" + length + " × " + elementType + "]";
        }
    }
}

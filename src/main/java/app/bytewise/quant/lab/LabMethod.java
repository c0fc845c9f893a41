package app.bytewise.quant.lab;

import app.bytewise.engine.InvalidInputException;
import java.util.Locale;

/** The methods the lab runs, by the names users know. */
public enum LabMethod {
    RTN("rtn"), GPTQ("gptq"), AWQ("awq"), LLM_INT8("llm.int8"), SMOOTHQUANT("smoothquant"), KIVI("kivi"), HQQ("hqq");

    private final String id;

    LabMethod(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static LabMethod parse(String id) {
        String key = id == null ? "rtn" : id.strip().toLowerCase(Locale.ROOT);
        for (LabMethod m : values()) {
            if (m.id.equals(key)) {
                return m;
            }
        }
        throw new InvalidInputException("method", "Unknown method '" + id + "'. Known: rtn, gptq, awq, llm.int8, smoothquant, kivi, hqq.");
    }

    /** Methods that need layer inputs X (generated from a seed when none are given). */
    public boolean needsInputs() {
        return this == GPTQ || this == AWQ || this == LLM_INT8 || this == SMOOTHQUANT;
    }
}

package app.bytewise.ui;

import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;

/**
 * A number field's bounds, stated: the browser checks them as the user types, and without these
 * messages it marks the field red with no words; here every such mark says the range.
 */
public final class Bounds {

    private Bounds() {
    }

    public static void wholeNumber(IntegerField field, int min, int max) {
        String range = String.format(Locale.ROOT, "A whole number from %,d to %,d.", min, max);
        field.setMin(min);
        field.setMax(max);
        field.setI18n(new IntegerField.IntegerFieldI18n().setMinErrorMessage(range).setMaxErrorMessage(range)
                .setBadInputErrorMessage(range).setRequiredErrorMessage(range).setStepErrorMessage(range));
        if (field.getHelperText() == null || field.getHelperText().isEmpty()) {
            field.setHelperText(String.format(Locale.ROOT, "%,d to %,d", min, max));
        }
    }

    public static void atLeast(NumberField field, double min) {
        String range = String.format(Locale.ROOT, "A number of at least %s.", stripped(min));
        field.setMin(min);
        field.setI18n(new NumberField.NumberFieldI18n().setMinErrorMessage(range).setBadInputErrorMessage(range)
                .setRequiredErrorMessage(range));
        if (field.getHelperText() == null || field.getHelperText().isEmpty()) {
            field.setHelperText("At least " + stripped(min));
        }
    }

    private static String stripped(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

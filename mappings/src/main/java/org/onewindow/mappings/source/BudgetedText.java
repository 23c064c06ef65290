package org.onewindow.mappings.source;

/**
 * A value as an extract pattern reads it: java.util.regex reads its input only through {@link #charAt}, so counting
 * those reads counts the pattern's work, whatever the clock says. A read past the budget throws {@link Exhausted}.
 */
final class BudgetedText implements CharSequence {

    private final String text;
    private final long budget;
    private long reads;

    BudgetedText(String text, long budget) {
        this.text = text;
        this.budget = budget;
    }

    /** Characters read so far. */
    long reads() {
        return reads;
    }

    @Override
    public char charAt(int index) {
        if (++reads > budget) {
            throw new Exhausted();
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    /** A matched group: plain text, no longer read on the budget. */
    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Unwinds the matcher when the budget is spent; no stack trace, it is no bug. */
    static final class Exhausted extends RuntimeException {

        Exhausted() {
            super("read budget exhausted", null, false, false);
        }
    }
}

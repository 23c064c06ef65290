package org.onewindow.mappings.source;

/**
 * An extract rule did more work on a value than a linear pattern needs: it read more characters than its budget
 * ({@link FieldRule#EXTRACT_READS_PER_CHARACTER} per character of the value) or recursed past the stack. The record
 * cannot be mapped; the message names the rule so its author can rewrite the pattern.
 */
public final class ExtractBudgetExceededException extends RuntimeException {

    private ExtractBudgetExceededException(String message) {
        super(message);
    }

    static ExtractBudgetExceededException reads(String pattern, int valueLength, long budget) {
        return new ExtractBudgetExceededException("extract pattern '" + pattern + "' read more than " + budget
                + " characters of a " + valueLength + "-character value (budget: "
                + FieldRule.EXTRACT_READS_PER_CHARACTER
                + " reads per character): a pattern that backtracks this much is catastrophic or quadratic");
    }

    static ExtractBudgetExceededException stack(String pattern, int valueLength) {
        return new ExtractBudgetExceededException("extract pattern '" + pattern + "' recursed too deeply on a "
                + valueLength + "-character value: a repeated group such as (a|b)* recurses once per repetition");
    }

    /** The same failure, naming the target field whose rule it is. */
    public ExtractBudgetExceededException forField(String field) {
        return new ExtractBudgetExceededException(field + ": " + getMessage());
    }
}

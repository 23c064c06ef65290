package org.onewindow.mappings.index;

/**
 * A text that counts every character read from it (and from its sub-sequences): the steps a reading takes, without a
 * clock. Past its budget it throws, so a quadratic reading fails at once instead of running for hours.
 */
final class CountedText implements CharSequence {

    /** The reads of a text and its pieces. */
    static final class Counter {
        private final long budget;
        private long reads;

        Counter(long budget) {
            this.budget = budget;
        }

        long reads() {
            return reads;
        }

        void read() {
            if (++reads > budget) {
                throw new IllegalStateException("more than " + budget + " characters read: not linear");
            }
        }
    }

    private final String text;
    private final int start;
    private final int end;
    private final Counter counter;

    CountedText(String text, Counter counter) {
        this(text, 0, text.length(), counter);
    }

    private CountedText(String text, int start, int end, Counter counter) {
        this.text = text;
        this.start = start;
        this.end = end;
        this.counter = counter;
    }

    @Override
    public int length() {
        return end - start;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException(index);
        }
        counter.read();
        return text.charAt(start + index);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        if (from < 0 || to > length() || from > to) {
            throw new IndexOutOfBoundsException(from + ".." + to);
        }
        return new CountedText(text, start + from, start + to, counter);
    }

    @Override
    public String toString() {
        return text.substring(start, end);
    }
}

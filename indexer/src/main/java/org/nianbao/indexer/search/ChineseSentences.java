package org.nianbao.indexer.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.text.StringCharacterIterator;

/**
 * Sentence boundaries of Chinese report text: after a run of 。！？；!?; or a line break. The highlighter
 * asks for a boundary around every match; the JDK's rule-based sentence iterator walks a CharacterIterator
 * through its rule tables for each, which for a common word was a large share of a search. This scans chars.
 */
final class ChineseSentences extends BreakIterator {

    private String text = "";
    private int current;

    static boolean ends(char c) {
        return c == '。' || c == '！' || c == '？' || c == '；' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    private boolean boundary(int b) {
        return b == 0 || b == text.length() || (ends(text.charAt(b - 1)) && !ends(text.charAt(b)));
    }

    @Override
    public int first() {
        return current = 0;
    }

    @Override
    public int last() {
        return current = text.length();
    }

    @Override
    public int next(int n) {
        int result = current;
        for (int i = 0; i < n && result != DONE; i++) result = next();
        for (int i = 0; i > n && result != DONE; i--) result = previous();
        return result;
    }

    @Override
    public int next() {
        return current >= text.length() ? DONE : following(current);
    }

    @Override
    public int previous() {
        return current <= 0 ? DONE : preceding(current);
    }

    @Override
    public int following(int offset) {
        if (offset < 0 || offset > text.length()) throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        if (offset == text.length()) return DONE;
        int b = offset + 1;
        while (!boundary(b)) b++;
        return current = b;
    }

    @Override
    public int preceding(int offset) {
        if (offset < 0 || offset > text.length()) throw new IllegalArgumentException("offset " + offset + " outside 0.." + text.length());
        if (offset == 0) return DONE;
        int b = offset - 1;
        while (!boundary(b)) b--;
        return current = b;
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public CharacterIterator getText() {
        return new StringCharacterIterator(text);
    }

    @Override
    public void setText(String newText) {
        text = newText;
        current = 0;
    }

    @Override
    public void setText(CharacterIterator it) {
        StringBuilder sb = new StringBuilder();
        for (char c = it.first(); c != CharacterIterator.DONE; c = it.next()) sb.append(c);
        setText(sb.toString());
    }
}

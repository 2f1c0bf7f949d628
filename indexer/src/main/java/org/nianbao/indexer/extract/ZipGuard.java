package org.nianbao.indexer.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Inspects a zip container (DOCX, OFD) before a library opens it: inflates every entry into nothing,
 * counting, and refuses more entries or more inflated bytes than the limits allow (zip bombs), and XML
 * parts that declare a DOCTYPE (Office and OFD parts never do; a DOCTYPE is how external entities come in).
 */
public final class ZipGuard {
    private static final byte[] DOCTYPE = "<!DOCTYPE".getBytes(StandardCharsets.US_ASCII);

    private ZipGuard() {
    }

    public static void check(byte[] zip, ExtractionLimits limits) throws ExtractionException {
        long total = 0;
        int entries = 0;
        byte[] buf = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (++entries > limits.maxZipEntries()) {
                    throw new ExtractionException("zip bomb: more than " + limits.maxZipEntries() + " entries");
                }
                boolean xml = e.getName().toLowerCase(Locale.ROOT).endsWith(".xml") || e.getName().endsWith(".rels");
                byte[] head = new byte[4096];
                int headLen = 0;
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (xml && headLen < head.length) {
                        int c = Math.min(n, head.length - headLen);
                        System.arraycopy(buf, 0, head, headLen, c);
                        headLen += c;
                    }
                    total += n;
                    if (total > limits.maxInflatedBytes()) {
                        throw new ExtractionException("zip bomb: inflates to more than " + limits.maxInflatedBytes() + " bytes");
                    }
                }
                if (xml && contains(head, headLen, DOCTYPE)) {
                    throw new ExtractionException("XML part " + e.getName() + " declares a DOCTYPE (external entities refused)");
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            throw new ExtractionException("corrupt zip container: " + ex.getMessage(), ex);
        }
        if (entries == 0) throw new ExtractionException("corrupt zip container: no entries");
    }

    private static boolean contains(byte[] b, int len, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= len; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (Character.toUpperCase(b[i + j]) != needle[j]) continue outer;
            }
            return true;
        }
        return false;
    }
}

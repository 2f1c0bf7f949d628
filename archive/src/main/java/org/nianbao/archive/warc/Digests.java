package org.nianbao.archive.warc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-1 in base32 (the WARC convention) and SHA-256 in hex (the sha256sum convention). */
public final class Digests {
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private Digests() {
    }

    public static MessageDigest sha1() {
        return digester("SHA-1");
    }

    public static MessageDigest sha256() {
        return digester("SHA-256");
    }

    private static MessageDigest digester(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        if (bits > 0) out.append(BASE32[(buffer << (5 - bits)) & 31]);
        return out.toString();
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** SHA-1 (base32) and SHA-256 (hex) and the length of a payload. */
    public record PayloadDigest(String sha1, String sha256, long length) {
        public static final PayloadDigest EMPTY = of(new byte[0]);

        public static PayloadDigest of(byte[] bytes) {
            return new PayloadDigest(base32(Digests.sha1().digest(bytes)), hex(Digests.sha256().digest(bytes)), bytes.length);
        }

        public static PayloadDigest of(Path file) throws IOException {
            if (file == null) return EMPTY;
            try (InputStream in = Files.newInputStream(file)) {
                return of(in);
            }
        }

        public static PayloadDigest of(InputStream in) throws IOException {
            MessageDigest s1 = Digests.sha1();
            MessageDigest s256 = Digests.sha256();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                s1.update(buf, 0, n);
                s256.update(buf, 0, n);
                total += n;
            }
            return new PayloadDigest(base32(s1.digest()), hex(s256.digest()), total);
        }
    }
}

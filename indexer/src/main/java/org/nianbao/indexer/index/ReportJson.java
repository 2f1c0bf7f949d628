package org.nianbao.indexer.index;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * JSON for index records and search results. Integers read back as {@link Long} and decimals as
 * {@link java.math.BigDecimal}, as {@link org.nianbao.indexer.parse.ParsedReport} promises; instants as ISO-8601.
 */
public final class ReportJson {

    private static final ObjectMapper MAPPER = create();

    private ReportJson() {
    }

    /** A mapper configured for nianbao's values (thread-safe, shared read-only). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static ObjectMapper create() {
        SimpleModule time = new SimpleModule("nianbao-time");
        time.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeString(value.toString());
            }
        });
        time.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return Instant.parse(p.getValueAsString());
            }
        });
        return new ObjectMapper()
                .registerModule(time)
                .enable(DeserializationFeature.USE_LONG_FOR_INTS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** The record without its text (the text is stored in its own field). */
    static byte[] withoutText(ReportRecord r) {
        try {
            return MAPPER.writeValueAsBytes(new ReportRecord(r.id(), r.parsed(), "", r.originals(), r.status()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a record stored by the index, giving it {@code text}. */
    public static ReportRecord readRecord(byte[] json, String text) {
        try {
            ReportRecord r = MAPPER.readValue(json, ReportRecord.class);
            return new ReportRecord(r.id(), r.parsed(), text, r.originals(), r.status());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

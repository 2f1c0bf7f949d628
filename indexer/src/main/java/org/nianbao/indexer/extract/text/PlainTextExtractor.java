package org.nianbao.indexer.extract.text;

import org.nianbao.indexer.extract.ExtractedDocument;
import org.nianbao.indexer.extract.ExtractionContext;
import org.nianbao.indexer.extract.Format;
import org.nianbao.indexer.extract.FormatExtractor;
import org.nianbao.indexer.extract.html.CharsetSniffer;

import java.util.List;

/** Plain text (like the corpus seed texts) is taken as is, only decoded: header, BOM, else UTF-8 or GB18030. */
public final class PlainTextExtractor implements FormatExtractor {
    private final CharsetSniffer sniffer = new CharsetSniffer();

    @Override
    public ExtractedDocument extract(byte[] bytes, ExtractionContext ctx) {
        CharsetSniffer.Sniffed cs = sniffer.sniff(bytes, ctx.contentTypeHint());
        String text = new String(bytes, cs.bomLength(), bytes.length - cs.bomLength(), cs.charset());
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return new ExtractedDocument(Format.TEXT.id(), null, text, List.of(), 1, "plain", List.of(), null, List.of());
    }
}

/**
 * Report parsing: from an {@link org.nianbao.indexer.extract.ExtractedDocument} to a
 * {@link org.nianbao.indexer.parse.ParsedReport} with the fields of {@code shared/corpus/truth/*.json}.
 *
 * <p>How it reads a report:
 * <ul>
 *   <li>Rows are found by label fragments in the compact text (NFKC, no whitespace or quotes) of all
 *       lines joined, so wrapped, split and one-character-per-line labels still match
 *       ({@code RowLocator}, {@code Templates}).</li>
 *   <li>With real tables (HTML, DOCX, DOC, PDF grids, OCR grids) a row's cells keep their positions,
 *       so a blank cell is certain. Flattened text only gives the figures in order; where blanks were
 *       dropped, {@code Table3Placer} keeps the placements that satisfy the table's arithmetic and
 *       fills only the cells they agree on; the rest stay null and are reported as unplaced.</li>
 *   <li>The template (2019 / 2021 / pre2019 / unknown) is decided from the table layout, not the year.</li>
 *   <li>{@code ChecksEvaluator} evaluates the 勾稽关系 on the printed figures; a failed check is a
 *       finding, never a reason to change a figure.</li>
 *   <li>Region comes from the agency name and the seeds gazetteer; a seed unit in the
 *       {@link org.nianbao.indexer.parse.ParseHints} wins, and a disagreement is a warning.</li>
 * </ul>
 */
package org.nianbao.indexer.parse;

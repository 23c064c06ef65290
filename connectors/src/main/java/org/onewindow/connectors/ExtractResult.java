package org.onewindow.connectors;

import org.onewindow.mappings.model.RawRecord;

/** Outcome of extracting one record page: raw fields, or the reason the page holds no record. */
public sealed interface ExtractResult {

    record Extracted(RawRecord record) implements ExtractResult {}

    /** The page is not content: a soft error ("존재하지 않는 게시물입니다"), a maintenance notice, or unusable markup. */
    record NotAContentPage(String reason) implements ExtractResult {}
}

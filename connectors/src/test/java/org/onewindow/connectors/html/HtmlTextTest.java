package org.onewindow.connectors.html;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void keepsThePagesLinesAndDropsEmptyOnes() {
        Element cell = Jsoup.parseBodyFragment(
                        "<p>지원&nbsp; 내용</p><br><br>둘째   줄<ul><li>월 10만원</li><li> </li><li>최대 6개월</li></ul>")
                .body();

        assertThat(HtmlText.of(cell)).isEqualTo("지원 내용\n둘째 줄\n월 10만원\n최대 6개월");
    }

    /** Bytes allocated count the work deterministically: joining n lines must not copy the text joined so far n times. */
    @Test
    void joiningLinesCostsInProportionToTheirNumber() {
        allocatedFor(paragraphs(1_000)); // warm up the code paths once
        long thousand = allocatedFor(paragraphs(1_000));
        long hundredThousand = allocatedFor(paragraphs(100_000));

        // linear: about 100 times more; joining by repeated concatenation: about 10,000 times more
        assertThat(hundredThousand)
                .as("bytes allocated joining 1,000 lines: %d; 100,000 lines: %d", thousand, hundredThousand)
                .isLessThan(thousand * 1_000);
    }

    private static Element paragraphs(int lines) {
        return Jsoup.parseBodyFragment("<p>x</p>".repeat(lines)).body();
    }

    private static long allocatedFor(Element element) {
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        String text = HtmlText.of(element);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(text.lines().count()).isEqualTo(element.childrenSize());
        return allocated;
    }
}

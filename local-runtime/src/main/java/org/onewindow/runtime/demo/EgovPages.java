package org.onewindow.runtime.demo;

import java.util.List;

/**
 * Renders a demo ministry's pages the way eGovFrame sites are built: a listing form posting {@code pageIndex},
 * {@code javascript:fn_view('…')} links, a {@code ;jsessionid=} in the form action, label/value tables on record
 * pages (some in {@code <dl>} with other labels), {@code <br>}-separated lines and an {@code alert()} error page.
 */
final class EgovPages {

    static final String LIST_PATH = "/portal/svc/list.do";
    static final String VIEW_PATH = "/portal/svc/view.do";
    static final String MENU_NO = "200123";
    static final int PAGE_SIZE = 10;

    private final String agencyName;

    EgovPages(String agencyName) {
        this.agencyName = agencyName;
    }

    static int pageCount(int services) {
        return Math.max(1, (services + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    String listPage(List<DemoService> services, int pageIndex) {
        int pages = pageCount(services.size());
        int from = (pageIndex - 1) * PAGE_SIZE;
        List<DemoService> rows = from >= services.size() || from < 0
                ? List.of()
                : services.subList(from, Math.min(services.size(), from + PAGE_SIZE));
        StringBuilder html = new StringBuilder(head("복지서비스 목록"));
        html.append(
                """
                <script type="text/javascript">
                function fn_egov_link_page(pageNo) {
                    document.listForm.pageIndex.value = pageNo;
                    document.listForm.action = "%1$s";
                    document.listForm.submit();
                }
                function fn_view(svcId, popupYn) {
                    location.href = "%2$s?menuNo=%3$s&svcId=" + svcId;
                }
                </script>
                </head>
                <body>
                <div id="wrap"><div id="header"><h1><a href="/">%4$s</a></h1></div>
                <div id="contents">
                <h2 class="sub_tit">복지서비스</h2>
                <form name="listForm" id="listForm" method="post" action="%1$s;jsessionid=8C2F1E0A9B7D4C3E5F6A1B2C3D4E5F60">
                <input type="hidden" name="pageIndex" value="%5$d"/>
                <input type="hidden" name="menuNo" value="%3$s"/>
                <input type="hidden" name="searchCnd" value=""/>
                <p class="total">전체 <strong>%6$d</strong>건 (%5$d/%7$d 페이지)</p>
                <table class="board_list" summary="번호, 서비스명, 소관부서, 등록일로 구성된 복지서비스 목록">
                <caption>복지서비스 목록</caption>
                <thead><tr><th scope="col">번호</th><th scope="col">서비스명</th><th scope="col">소관부서</th><th scope="col">등록일</th></tr></thead>
                <tbody>
                """.formatted(LIST_PATH, VIEW_PATH, MENU_NO, escape(agencyName), pageIndex, services.size(), pages));
        int number = services.size() - from;
        for (DemoService service : rows) {
            html.append("<tr><td>")
                    .append(number--)
                    .append("</td>")
                    .append("<td class=\"subject\"><a href=\"javascript:fn_view('")
                    .append(service.id())
                    .append("','N');\">")
                    .append(escape(service.name()))
                    .append("</a></td>")
                    .append("<td>")
                    .append(escape(service.department()))
                    .append("</td>")
                    .append("<td>")
                    .append(service.registeredAt())
                    .append("</td></tr>\n");
        }
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"4\" class=\"no_data\">등록된 게시물이 없습니다.</td></tr>\n");
        }
        html.append("</tbody></table>\n<div class=\"paging\">");
        html.append("<a href=\"#\" class=\"first\" onclick=\"fn_egov_link_page(1); return false;\">처음</a> ");
        for (int page = 1; page <= pages; page++) {
            if (page == pageIndex) {
                html.append("<strong>").append(page).append("</strong> ");
            } else {
                html.append("<a href=\"#\" onclick=\"fn_egov_link_page(")
                        .append(page)
                        .append("); return false;\">")
                        .append(page)
                        .append("</a> ");
            }
        }
        html.append("<a href=\"#\" class=\"last\" onclick=\"fn_egov_link_page(")
                .append(pages)
                .append("); return false;\">마지막</a></div>\n</form>\n</div>\n")
                .append(footer());
        return html.toString();
    }

    /** Every fourth page uses a definition list and other labels, as sections of real sites do. */
    String detailPage(DemoService service, int position) {
        boolean definitionList = position % 4 == 3;
        // Some legacy pages declare no charset at all: the bytes are EUC-KR (MS949) and only detection can tell.
        boolean undeclared = position % 5 == 4;
        StringBuilder html = new StringBuilder(
                undeclared ? headWithoutCharset(service.name() + " | 복지서비스") : head(service.name() + " | 복지서비스"));
        html.append("</head>\n<body>\n<div id=\"wrap\"><div id=\"header\"><h1><a href=\"/\">")
                .append(escape(agencyName))
                .append("</a></h1></div>\n<div id=\"contents\">\n")
                .append("<div class=\"location\">홈 &gt; 정책 &gt; 복지서비스</div>\n")
                .append("<h3 class=\"svc_tit\">")
                .append(escape(service.name()))
                .append("</h3>\n")
                .append("<p class=\"svc_summary\">")
                .append(escape(service.summary()))
                .append("</p>\n");
        String[][] rows = {
            {"서비스분야", "분야", escape(service.category())},
            {"지원형태", "지원유형", escape(service.supportType())},
            {"서비스목적", "사업목적", escape(service.purpose())},
            {"지원대상", "신청자격", lines(service.audience())},
            {"선정기준", "선정기준", lines(service.criteria())},
            {"지원내용", "지원내용", bullets(service.benefits())},
            {"신청방법", "신청절차", lines(service.howToApply())},
            {"신청기한", "신청기간", escape(service.deadline())},
            {"구비서류", "제출서류", bullets(String.join("\n", service.documents()))},
            {"소관기관", "소관기관", escape(agencyName) + " " + escape(service.department())},
            {"문의처", "문의", escape(service.contact())},
            {"최종수정일", "수정일", service.updatedAt()},
        };
        if (definitionList) {
            html.append("<dl class=\"svc_info\">\n");
            for (String[] row : rows) {
                html.append("<dt>")
                        .append(row[1])
                        .append("</dt>\n<dd>")
                        .append(row[2])
                        .append("</dd>\n");
            }
            html.append("</dl>\n");
        } else {
            html.append("<table class=\"view_tbl\" summary=\"복지서비스 상세정보\">\n<caption>복지서비스 상세정보</caption>\n<tbody>\n");
            for (String[] row : rows) {
                html.append("<tr><th scope=\"row\">")
                        .append(row[0])
                        .append("</th><td>")
                        .append(row[2])
                        .append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        html.append("<div class=\"btn_area\"><a href=\"")
                .append(LIST_PATH)
                .append("?menuNo=")
                .append(MENU_NO)
                .append("\" class=\"btn\">목록</a></div>\n</div>\n")
                .append(footer());
        return html.toString();
    }

    /** What eGovFrame answers, with status 200, for a record that does not exist. */
    String noSuchRecordPage() {
        return head("알림") + """
                <script type="text/javascript">
                alert("존재하지 않는 게시물입니다.");
                history.back();
                </script>
                </head>
                <body></body>
                </html>
                """;
    }

    private static String headWithoutCharset(String title) {
        return head(title).replace("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=euc-kr\" />\n", "");
    }

    private static String head(String title) {
        return """
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
                <html xmlns="http://www.w3.org/1999/xhtml" lang="ko" xml:lang="ko">
                <head>
                <meta http-equiv="Content-Type" content="text/html; charset=euc-kr" />
                <title>%s</title>
                """.formatted(escape(title));
    }

    private String footer() {
        return "<div id=\"footer\"><address>(30113) 세종특별자치시 도움4로 13 " + escape(agencyName)
                + " | 보건복지상담센터 129</address></div>\n</div>\n</body>\n</html>\n";
    }

    private static String lines(String text) {
        return String.join("<br />", text.lines().map(EgovPages::escape).toList());
    }

    private static String bullets(String text) {
        StringBuilder list = new StringBuilder("<ul class=\"list\">");
        text.lines().forEach(line -> list.append("<li>").append(escape(line)).append("</li>"));
        return list.append("</ul>").toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}

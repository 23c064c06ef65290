package org.onewindow.connectors.jsonapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Settings of the paged JSON API connector (Korea's public service API shape: {@code page}/{@code perPage}, a
 * {@code data} array and a {@code totalCount}), as written under {@code connector.settings} in a mapping file.
 *
 * @param listPath          list endpoint, relative to the base URL ({@code /api/gov24/v3/serviceList})
 * @param query             fixed parameters sent with every list request ({@code returnType: JSON})
 * @param pageParameter     parameter carrying the page number, from 1 (default {@code page})
 * @param perPageParameter  parameter carrying the page size (default {@code perPage})
 * @param perPage           records asked per list page (default 100)
 * @param itemsPointer      JSON pointer to the records array of a list answer (default {@code /data})
 * @param totalCountPointer JSON pointer to the total number of records (default {@code /totalCount})
 * @param idPointer         JSON pointer, within one record, to its id ({@code /서비스ID})
 * @param detailPath        detail endpoint with {@code {id}} ({@code /api/gov24/v3/serviceDetail?cond[서비스ID::EQ]={id}});
 *                          without it the list entry is the whole record
 * @param detailItemsPointer JSON pointer to the records array of a detail answer (default: {@code itemsPointer})
 * @param recordUrl         public page of a record with {@code {id}} ({@code https://www.gov.kr/portal/rcvfvrSvc/dtlEx/{id}});
 *                          default: the detail request without the API key; required without {@code detailPath}
 * @param apiKey            where the API key goes and the environment variable that holds it
 */
public record JsonApiSettings(
        @JsonProperty(required = true) String listPath,
        Map<String, String> query,
        String pageParameter,
        String perPageParameter,
        Integer perPage,
        String itemsPointer,
        String totalCountPointer,
        @JsonProperty(required = true) String idPointer,
        String detailPath,
        String detailItemsPointer,
        String recordUrl,
        ApiKeySettings apiKey) {

    public JsonApiSettings {
        query = query == null ? Map.of() : Map.copyOf(query);
        pageParameter = pageParameter == null ? "page" : pageParameter;
        perPageParameter = perPageParameter == null ? "perPage" : perPageParameter;
        perPage = perPage == null ? 100 : perPage;
        itemsPointer = itemsPointer == null ? "/data" : itemsPointer;
        totalCountPointer = totalCountPointer == null ? "/totalCount" : totalCountPointer;
        detailItemsPointer = detailItemsPointer == null ? itemsPointer : detailItemsPointer;
    }

    /**
     * @param parameter query parameter the API reads the key from ({@code serviceKey})
     * @param env       environment variable holding the key, decoded (it is percent-encoded when sent); its name
     *                  must start with {@value ApiKey#ENV_PREFIX}
     */
    public record ApiKeySettings(
            @JsonProperty(required = true) String parameter,
            @JsonProperty(required = true) String env) {}
}

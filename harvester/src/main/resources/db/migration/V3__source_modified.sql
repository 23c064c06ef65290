-- When the source says the record last changed (a sitemap's lastmod): an unchanged page is not fetched again.
alter table service_record add column source_modified date;

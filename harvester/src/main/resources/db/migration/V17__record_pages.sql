-- A ping names pages by URL: which record's page each is, found without reading every record.
create index service_record_url on service_record (url);

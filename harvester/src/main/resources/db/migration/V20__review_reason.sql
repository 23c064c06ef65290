-- Why a reviewer approved or discarded a held run, kept beside who did it and when.
alter table harvest_run add column review_reason text;

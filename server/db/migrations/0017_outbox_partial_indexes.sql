DROP INDEX `outbox_alert_kind_idx`;--> statement-breakpoint
DROP INDEX `outbox_digest_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_alert_kind_idx` ON `outbox` (`alert_id`,`kind`) WHERE "outbox"."alert_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_digest_idx` ON `outbox` (`digest_id`) WHERE "outbox"."digest_id" is not null;
CREATE TABLE `digests` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_email` text NOT NULL,
	`day` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `digests_owner_day_idx` ON `digests` (`owner_email`,`day`);--> statement-breakpoint
ALTER TABLE `alerts` ADD `via_digest` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `alerts` ADD `digest_id` text;--> statement-breakpoint
CREATE INDEX `alerts_digest_idx` ON `alerts` (`owner_email`,`via_digest`,`digest_id`);--> statement-breakpoint
ALTER TABLE `outbox` ADD `digest_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_digest_idx` ON `outbox` (`digest_id`);
CREATE TABLE `alert_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` text NOT NULL,
	`author_email` text NOT NULL,
	`text` text,
	`status_from` text,
	`status_to` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `alerts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `alert_notes_alert_idx` ON `alert_notes` (`alert_id`);--> statement-breakpoint
CREATE TABLE `alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` text NOT NULL,
	`response_id` integer NOT NULL,
	`invitation_id` text,
	`contact_email` text,
	`contact_name` text,
	`owner_email` text,
	`reasons` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`first_action_at` integer,
	`resolved_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`response_id`) REFERENCES `responses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alerts_response_idx` ON `alerts` (`response_id`);--> statement-breakpoint
CREATE INDEX `alerts_wave_status_idx` ON `alerts` (`wave_id`,`status`);--> statement-breakpoint
CREATE INDEX `alerts_owner_status_idx` ON `alerts` (`owner_email`,`status`);--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` text,
	`alert_id` text,
	`to_email` text,
	`wave_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`token` text,
	`message_id` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`lease_until` integer,
	`last_error` text,
	`sent_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "invitation_id", "alert_id", "to_email", "wave_id", "kind", "seq", "token", "message_id", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "sent_at", "created_at") SELECT "id", "invitation_id", NULL, NULL, "wave_id", "kind", "seq", "token", "message_id", "status", "attempts", "next_attempt_at", "lease_until", "last_error", "sent_at", "created_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_invitation_kind_seq_idx` ON `outbox` (`invitation_id`,`kind`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_alert_kind_idx` ON `outbox` (`alert_id`,`kind`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_wave_idx` ON `outbox` (`wave_id`,`status`);--> statement-breakpoint
ALTER TABLE `waves` ADD `owner_email` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `alert_rules` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `alerts_checked_through` integer DEFAULT 0 NOT NULL;
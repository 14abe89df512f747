CREATE TABLE `import_rows` (
	`import_id` text NOT NULL,
	`row_no` integer NOT NULL,
	`key` text,
	`payload` text NOT NULL,
	PRIMARY KEY(`import_id`, `row_no`)
);
--> statement-breakpoint
CREATE INDEX `import_rows_key_idx` ON `import_rows` (`import_id`,`key`);--> statement-breakpoint
CREATE TABLE `invitation_tokens` (
	`hash` text PRIMARY KEY NOT NULL,
	`invitation_id` text NOT NULL,
	FOREIGN KEY (`invitation_id`) REFERENCES `invitations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `invitation_tokens_invitation_idx` ON `invitation_tokens` (`invitation_id`);--> statement-breakpoint
CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`wave_id` text NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`owner` text,
	`segments` text NOT NULL,
	`responded` integer DEFAULT false NOT NULL,
	`started` integer DEFAULT false NOT NULL,
	`draft` text,
	`bounced` integer DEFAULT false NOT NULL,
	`messages_sent` integer DEFAULT 0 NOT NULL,
	`last_sent_at` integer,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_wave_email_idx` ON `invitations` (`wave_id`,`email`);--> statement-breakpoint
CREATE TABLE `opt_outs` (
	`email` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`invitation_id` text NOT NULL,
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
CREATE UNIQUE INDEX `outbox_invitation_kind_seq_idx` ON `outbox` (`invitation_id`,`kind`,`seq`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_wave_idx` ON `outbox` (`wave_id`,`status`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text NOT NULL,
	`window` integer NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window`)
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `invitation_id` text;--> statement-breakpoint
ALTER TABLE `waves` ADD `remind_after_days` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `waves` ADD `max_reminders` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
-- One submission per invitation: setting `responded` on an invitation that has it aborts the
-- whole atomic write (transaction or D1 batch), so the response stored with it is rolled back.
CREATE TRIGGER `invitations_respond_once` BEFORE UPDATE OF `responded` ON `invitations`
WHEN OLD.`responded` = 1 AND NEW.`responded` = 1
BEGIN
  SELECT RAISE(ABORT, 'invitation already responded');
END;

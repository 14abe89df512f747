CREATE TABLE `responses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`wave_id` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`audience` text NOT NULL,
	`mode` text NOT NULL,
	`answers` text NOT NULL,
	`segments` text NOT NULL,
	`submission_key` text NOT NULL,
	`started_at` integer,
	`submitted_at` integer NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `responses_wave_submission_idx` ON `responses` (`wave_id`,`submission_key`);--> statement-breakpoint
CREATE INDEX `responses_wave_idx` ON `responses` (`wave_id`);--> statement-breakpoint
CREATE TABLE `survey_versions` (
	`survey_id` text NOT NULL,
	`version` integer NOT NULL,
	`definition` text NOT NULL,
	`checksum` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	PRIMARY KEY(`survey_id`, `version`),
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` text PRIMARY KEY NOT NULL,
	`audience` text NOT NULL,
	`title` text NOT NULL,
	`current_version` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE TABLE `waves` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`survey_id` text NOT NULL,
	`survey_version` integer NOT NULL,
	`audience` text NOT NULL,
	`opens_at` integer,
	`closes_at` integer,
	`closed_at` integer,
	`open_link_hash` text,
	`created_at` integer DEFAULT (unixepoch()) NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waves_open_link_hash_idx` ON `waves` (`open_link_hash`);
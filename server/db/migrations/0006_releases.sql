CREATE TABLE `release_cells` (
	`wave_id` text NOT NULL,
	`group_key` text NOT NULL,
	`cell` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `group_key`, `cell`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `releases` (
	`wave_id` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL,
	`responses` integer NOT NULL,
	`final` integer DEFAULT false NOT NULL,
	`released_at` integer NOT NULL,
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `responses` ADD `release_seq` integer;
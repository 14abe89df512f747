CREATE TABLE `catalogue_items` (
	`key` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`description` text,
	`audiences` text NOT NULL,
	`position` integer NOT NULL,
	`updated_at` integer DEFAULT (unixepoch()) NOT NULL
);

CREATE TABLE `aggregate_cells` (
	`wave_id` text NOT NULL,
	`group_key` text NOT NULL,
	`cell` text NOT NULL,
	`value` integer NOT NULL,
	PRIMARY KEY(`wave_id`, `group_key`, `cell`),
	FOREIGN KEY (`wave_id`) REFERENCES `waves`(`id`) ON UPDATE no action ON DELETE no action
);
